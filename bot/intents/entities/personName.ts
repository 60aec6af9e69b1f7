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
  const possessive = /(?:^|\s)([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)['’]s\s+(?:call|meeting)\b/u.exec(cleaned);
  if (possessive?.[1] && !NOT_NAMES.has(possessive[1].toLowerCase())) return possessive[1];
  return null;
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
