// My calls: the filters as API query parameters, and one list row's words.
import { API_ROUTES, type CallSummary } from '../api/types.js';
import { durationSeconds, formatDuration } from './timeline.js';

export type MediaFilter = 'any' | 'audio' | 'video' | 'screenSharing';
export type KindFilter = 'any' | 'oneOnOne' | 'meeting' | 'phone';

export interface CallFilters {
  readonly poorOnly: boolean;
  readonly media: MediaFilter;
  readonly kind: KindFilter;
  readonly person: string;
}

export const NO_FILTERS: CallFilters = { poorOnly: false, media: 'any', kind: 'any', person: '' };

export function callsPath(filters: CallFilters): string {
  const query = new URLSearchParams();
  if (filters.poorOnly) query.set('verdict', 'poor');
  if (filters.media !== 'any') query.set('media', filters.media);
  if (filters.kind !== 'any') query.set('kind', filters.kind);
  const person = filters.person.trim();
  if (person) query.set('q', person);
  const text = query.toString();
  return text ? `${API_ROUTES.calls}?${text}` : API_ROUTES.calls;
}

const MEDIA_WORDS: Readonly<Record<string, string>> = { audio: 'Audio', video: 'Video', screenSharing: 'Screen sharing', videoBasedScreenSharing: 'Screen sharing', data: 'Data' };

export function mediaWords(modalities: readonly string[]): string {
  const words = [...new Set(modalities.map((m) => MEDIA_WORDS[m] ?? m))];
  return words.length ? words.join(', ') : 'No media';
}

const KIND_WORDS: Readonly<Record<string, string>> = { oneOnOne: '1:1 call', meeting: 'Meeting', phone: 'Phone call' };

export function kindWords(call: Pick<CallSummary, 'kind' | 'type'>): string {
  return KIND_WORDS[call.kind] ?? (call.type === 'groupCall' ? 'Meeting' : call.type === 'peerToPeer' ? '1:1 call' : 'Call');
}

export function withWords(names: readonly string[]): string {
  if (names.length === 0) return 'No one else';
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
}

export interface CallRow {
  readonly id: string;
  readonly title: string;
  readonly when: string;
  readonly length: string;
  readonly media: string;
  readonly kind: string;
}

export function callRow(call: CallSummary, locale: string, timeZone?: string): CallRow {
  const start = new Date(call.startDateTime);
  const when = Number.isFinite(start.getTime())
    ? start.toLocaleString(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) })
    : 'unknown time';
  return {
    id: call.id,
    title: withWords(call.with),
    when,
    length: formatDuration(durationSeconds(call.startDateTime, call.endDateTime)),
    media: mediaWords(call.modalities),
    kind: kindWords(call),
  };
}
