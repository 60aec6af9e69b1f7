// "last 5 calls", "my last five calls", "show 3 calls", "top 10".
const WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20 };

/** The longest list the bot shows in one card: long lists belong in the tab. */
export const MAX_LISTED_CALLS = 10;

export function parseCount(text: string): number | null {
  const match = /\b(?:last|latest|recent|past|top|show(?: me)?|list)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\b(?!\s*(?:min|minutes|hours|days|am|pm|:))/i.exec(text)
    ?? /\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+(?:most recent\s+|recent\s+|latest\s+|last\s+)?(?:calls|meetings)\b/i.exec(text);
  if (!match?.[1]) return null;
  const raw = match[1].toLowerCase();
  const value = WORDS[raw] ?? Number(raw);
  return Number.isFinite(value) && value > 0 ? value : null;
}
