// Phrasings of the phone questions, kept apart so the router's table stays a list of intents.

/** "my phone calls this week", "PSTN calls today", "direct routing calls". */
export const PHONE_CALLS = /\b(?:phone|pstn|direct routing|landline|external|outside) calls?\b/i;

/** "text", "sms": texts sent from Teams. */
export const TEXT_WORDS = /\b(?:texts?|texted|sms(?:es)?|text messages?)\b/i;

/** "why can't I call out", "blocked from calling", "unable to dial out". */
export const CALL_OUT_BLOCKED =
  /\b(?:(?:can'?t|cannot|can not|unable to|not able to|won'?t let me)\s+(?:i\s+)?(?:call|dial|ring)\s+(?:out|anyone|externally|phone numbers?|numbers?|mobiles?|landlines?)|(?:can'?t|cannot|can not|unable to|not able to)\s+(?:make|place)\s+(?:phone |outbound |external |outside )?calls?|(?:am i|i am|i'm|was i)\s+blocked|blocked from (?:calling|dialing|dialling|making calls))\b/i;

export function periodOf(text: string): { days: number; label: string } {
  if (/\btoday\b/i.test(text)) return { days: 1, label: 'today' };
  if (/\b(?:this|past|last) month\b|\b30 days\b/i.test(text)) return { days: 30, label: 'in the last 30 days' };
  return { days: 7, label: 'this week' };
}
