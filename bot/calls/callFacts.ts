// Facts about one call as the asker sees it: who else was there, when, how long, which media.
// Also the participation check behind "you only ever hear about calls you took part in".
import { maskPhoneNumber } from '../../diagnosis/index.js';
import type { CallSummary, FullCallRecord } from '../../graph/contract.js';
import type { CallPerson } from './participants.js';
import { otherPeople } from './participants.js';

export interface CallFacts {
  readonly callId: string;
  readonly start: Date;
  readonly end: Date;
  readonly durationSeconds: number;
  readonly kind: 'meeting' | 'call';
  /** Names of the other participants (phone participants by their masked number, unnamed ones as "someone"). */
  readonly others: readonly string[];
  /** "audio", "video", "screen sharing". */
  readonly media: readonly string[];
}

const MEDIA_NAMES: Readonly<Record<string, string>> = {
  audio: 'audio',
  video: 'video',
  screenSharing: 'screen sharing',
  videoBasedScreenSharing: 'screen sharing',
};

export function describeCall(record: FullCallRecord, userId: string): CallFacts {
  const start = new Date(record.startDateTime ?? 0);
  const end = new Date(record.endDateTime ?? record.startDateTime ?? 0);
  const others = new Set(otherPeople(record, userId).map(personName));
  const media = new Set((record.modalities ?? []).map((m) => MEDIA_NAMES[m]).filter((m): m is string => m !== undefined));
  return {
    callId: record.id,
    start,
    end,
    durationSeconds: Math.max(0, (end.getTime() - start.getTime()) / 1000),
    kind: record.type === 'groupCall' ? 'meeting' : 'call',
    others: [...others],
    media: [...media],
  };
}

/** True when another participant's name matches `name` (first, last or full name, any case). */
export function hasParticipantNamed(record: FullCallRecord, userId: string, name: string): boolean {
  return describeCall(record, userId).others.some((other) => nameMatches(other, name));
}

/**
 * True when the index row already rules `name` out: it names everyone else on the call and none
 * matches, so the record need not be fetched. A row cut short (a big meeting) rules nobody out.
 */
export function indexRulesOut(summary: CallSummary, name: string): boolean {
  const known = summary.counterparts;
  return known != null && known.people.length >= known.total && !known.people.some((p) => nameMatches(p.displayName, name));
}

/** "Ravi", "ravi", "Patel" and "Ravi Patel" all match "Ravi Patel". */
export function nameMatches(displayName: string | null, wanted: string): boolean {
  if (!displayName) return false;
  const name = displayName.toLowerCase();
  const asked = wanted.trim().toLowerCase();
  return name === asked || name.split(/\s+/).includes(asked) || name.startsWith(`${asked} `);
}

/**
 * Cards can be seen by a whole channel, and a phone number is personal data: numbers show only
 * their last digits (diagnosis/'s masking, so every surface masks alike), also when a phone
 * participant's display name is the number itself.
 */
function personName(person: CallPerson): string {
  const name = person.displayName ?? person.phoneNumber;
  if (!name) return 'someone';
  return looksLikePhoneNumber(name) ? (maskPhoneNumber(name) ?? 'a phone caller') : name;
}

function looksLikePhoneNumber(name: string): boolean {
  return /^\+?[\d\s().*-]{6,}$/.test(name.trim());
}
