import type { DigestRequest } from '../answers/channelDigest.js';
import { answerChannelDigest } from '../answers/channelDigest.js';
import { defineIntent } from './intent.js';

const DIGEST = /\b(?:daily |team |channel )?digest\b|\bdaily (?:summary|report)\b/i;
const OFF = /\b(off|stop|disable|cancel|unsubscribe|no more|pause)\b/i;
const ON = /\b(on|start|enable|subscribe|turn on|please|set up|resume)\b/i;

export const channelDigestIntent = defineIntent<DigestRequest>({
  name: 'channelDigest',
  match(text) {
    if (!DIGEST.test(text)) return null;
    // "is the daily digest on?" asks; "daily digest on" tells.
    if (/^\s*(?:is|are|what|do|does|status|show)\b|\?\s*$/i.test(text) && !/\b(turn|switch|please|can you|could you)\b/i.test(text)) return { status: true };
    if (OFF.test(text)) return { on: false };
    if (ON.test(text)) return { on: true };
    return { status: true };
  },
  answer: (deps, asker, request) => answerChannelDigest(deps, asker, request),
});
