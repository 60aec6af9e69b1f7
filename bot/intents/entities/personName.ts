// "with Ravi", "with Lena Fischer", "Ravi's call", "call between me and Ravi": the other person's name.

// Words that can follow "with" without being a name ("what's wrong with my call").
const NOT_NAMES = new Set([
  'my', 'me', 'the', 'a', 'an', 'it', 'this', 'that', 'these', 'those', 'our', 'your', 'his', 'her', 'their', 'them',
  'him', 'you', 'us', 'audio', 'video', 'sound', 'quality', 'calls', 'call', 'meeting', 'meetings', 'teams', 'wifi',
  'wi-fi', 'someone', 'somebody', 'anyone', 'everyone', 'today', 'yesterday', 'last', 'this', 'no', 'poor', 'bad',
  'good', 'echo', 'video', 'issues', 'problems', 'lag', 'alerts', 'alert', 'customer', 'customers', 'phone',
]);

// Words that end a name ("with Ravi yesterday", "with Lena at 2pm").
const STOP_AFTER = new Set([
  'today', 'yesterday', 'this', 'last', 'at', 'on', 'in', 'go', 'goes', 'went', 'drop', 'dropped', 'was', 'is', 'be', 'been',
  'fail', 'failed', 'sound', 'sounded', 'call', 'calls', 'meeting', 'earlier', 'and', 'please', 'around', 'about', 'like',
  'so', 'that', 'because', 'when', 'why', 'for', 'from', 'to', 'morning', 'afternoon', 'evening', 'ok', 'okay', 'fine',
  'alright', 'good', 'bad', 'poor', 'terrible', 'awful', 'there', 'then', 'now', 'really', 'very', 'just',
  'before', 'after', 'during', 'over', 'lunch', 'past', 'tonight', 'yday', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'could', 'couldnt', 'cant', 'didnt', 'had', 'sounded', 'said',
]);

const WORD = /^[\p{L}][\p{L}'’.-]*$/u;

// "with ravi" is a name even in lower case; after "to"/"from" only a capitalised word is
// ("my call to Ravi", but not "I want to know").
const PATTERNS: readonly (readonly [RegExp, boolean])[] = [
  [/\b(?:with|between me and|me and)\s+/gi, false],
  [/\b(?:to|from)\s+/g, true],
];

export function parsePersonName(text: string): string | null {
  const cleaned = text.replace(/[?!,;]/g, ' ');
  // Every occurrence counts: "what's wrong with my call with Ravi".
  for (const [pattern, capitalised] of PATTERNS) {
    for (const match of cleaned.matchAll(pattern)) {
      const name = nameAt(cleaned.slice(match.index + match[0].length), capitalised);
      if (name) return name;
    }
  }
  return possessiveName(cleaned);
}

// "Ravi's last call", "Lena Fischer's meeting", "show me ravi's calls": the bot only ever shows the
// asker's own calls, so a person's call means the asker's call with that person.
const POSSESSIVE = /(?:^|\s)([\p{L}][\p{L}-]*(?:\s[\p{Lu}][\p{L}-]*)?)['’]s\s+(?:(?:last|latest|most recent|recent|previous|\d{1,2}|two|three|four|five|ten)\s+)*(?:calls?|meetings?|1:1s?)\b/u;

// Possessives that are not people: times ("today's call"), groups, and contractions ("what's").
const NOT_POSSESSORS = new Set([
  'today', 'yesterday', 'tonight', 'tomorrow', 'week', 'month', 'morning', 'afternoon', 'evening', 'night', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'everyone', 'everybody', 'someone', 'somebody',
  'anyone', 'nobody', 'team', 'boss', 'manager', 'client', 'company', 'what', 'that', 'it', 'who', 'there', 'here',
  'let', 'how', 'where', 'when', 'he', 'she', 'one', 'other', 'else', 'teams', 'colleague', 'coworker', 'partner',
]);

// Sentence-initial words that are capitalised without being part of a name ("Show Ravi's call").
const LEADING_WORDS = new Set(['show', 'check', 'tell', 'get', 'find', 'open', 'give', 'list', 'diagnose', 'explain', 'how', 'what', 'why', 'was', 'is', 'did', 'see', 'view']);

function possessiveName(text: string): string | null {
  const captured = POSSESSIVE.exec(text)?.[1];
  if (!captured) return null;
  const words = captured.split(' ');
  if (words.length === 2 && LEADING_WORDS.has(words[0]!.toLowerCase())) words.shift();
  // Two words only when both are capitalised, as a full name is written.
  const name = words.length === 2 && !/^\p{Lu}/u.test(words[0]!) ? words[1]! : words.join(' ');
  const first = name.split(' ')[0]!.toLowerCase();
  if (NOT_NAMES.has(first) || NOT_POSSESSORS.has(first) || STOP_AFTER.has(first)) return null;
  return name;
}

function nameAt(rest: string | undefined, capitalised: boolean): string | null {
  if (!rest) return null;
  const words = rest.trim().split(/\s+/);
  const name: string[] = [];
  for (const word of words) {
    const bare = word.replace(/['’]s$/i, '');
    const lower = bare.toLowerCase();
    if (name.length === 0 && (NOT_NAMES.has(lower) || (capitalised && !/^\p{Lu}/u.test(bare)))) return null;
    if (STOP_AFTER.has(lower) || !WORD.test(bare) || /^\d/.test(bare)) break;
    // "with Ravi please": after a capitalised first name, only a capitalised word is a surname.
    if (name.length === 1 && /^\p{Lu}/u.test(name[0]!) && !/^\p{Lu}/u.test(bare)) break;
    name.push(bare);
    if (word !== bare || name.length === 2) break;
  }
  if (name.length === 0) return null;
  return name.join(' ');
}
