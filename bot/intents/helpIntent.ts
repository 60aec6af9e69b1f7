import { cardReply } from '../answers/reply.js';
import { helpCard } from '../cards/noticeCard.js';
import { defineIntent } from './intent.js';

const HELP = /^\s*\?+\s*$|^\s*(?:help|menu|commands|start|about|hi|hello|hey|hiya|good (?:morning|afternoon|evening))\b[\s!.?]*$|\bwhat (?:can|do) you do\b|\bhow (?:do|does) (?:this|you|it) work\b|\bwhat are you\b|\bhelp me\b(?!.*\bcall)/i;

export const helpIntent = defineIntent<Record<string, never>>({
  name: 'help',
  match: (text) => (HELP.test(text) ? {} : null),
  answer: async () => cardReply(helpCard()),
});
