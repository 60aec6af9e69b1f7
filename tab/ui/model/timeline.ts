// The segment timeline of one call: sessions and their segments, who with whom (or which service),
// the signed-in user's own legs first, every stream's cells, and in meetings who sent bad streams
// (impacting) and who received them (impacted).
import type { Thresholds } from '../../../diagnosis/index.js';
import { arr, bool, obj, str, type Json } from './json.js';
import { streamCells, worstClass, type CellClass, type MetricCell, type StreamKind } from './streamMetrics.js';

export interface EndpointView {
  /** The user's object id, or null for a service or an unidentified endpoint. */
  readonly userId: string | null;
  /** "Ravi Patel", "Conferencing server", "PSTN gateway", "Unknown participant". */
  readonly label: string;
  readonly isService: boolean;
  readonly isMe: boolean;
  readonly platform: string | null;
  readonly product: string | null;
  readonly network: Json | null;
  readonly device: Json | null;
  readonly agent: Json | null;
}

export interface StreamView {
  readonly id: string;
  readonly kind: StreamKind;
  readonly direction: 'callerToCallee' | 'calleeToCaller' | 'unknown';
  /** "Ravi Patel → Conferencing server". */
  readonly label: string;
  readonly sender: EndpointView;
  readonly receiver: EndpointView;
  readonly cls: CellClass;
  readonly cells: readonly MetricCell[];
  readonly raw: Json;
}

export interface SegmentView {
  readonly id: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly caller: EndpointView;
  readonly callee: EndpointView;
  readonly failure: { readonly stage: string | null; readonly reason: string | null } | null;
  readonly streams: readonly StreamView[];
}

export interface SessionView {
  readonly id: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly mine: boolean;
  readonly caller: EndpointView;
  readonly callee: EndpointView;
  readonly modalities: readonly string[];
  readonly failure: { readonly stage: string | null; readonly reason: string | null } | null;
  readonly segments: readonly SegmentView[];
  readonly cls: CellClass;
}

export interface ParticipantImpact {
  readonly label: string;
  readonly isMe: boolean;
  /** Poor streams this participant sent (they made others' call worse). */
  readonly impacting: number;
  /** Poor streams this participant received (their call was made worse). */
  readonly impacted: number;
}

export interface Timeline {
  readonly sessions: readonly SessionView[];
  readonly participants: readonly ParticipantImpact[];
}

const SERVICE_ROLES: Readonly<Record<string, string>> = {
  skypeForBusinessAudioVideoMcu: 'Conferencing server',
  skypeForBusinessApplicationSharingMcu: 'Screen-sharing server',
  mediaController: 'Media relay',
  mediationServer: 'PSTN gateway',
  mediationServerCloudConnectorEdition: 'PSTN gateway',
  gateway: 'PSTN gateway',
  skypeForBusinessMicrosoftTeamsGateway: 'Teams gateway',
  conferencingAnnouncementService: 'Meeting announcement service',
  conferencingAttendant: 'Meeting attendant',
  audioTeleconferencerController: 'Dial-in conferencing',
  voicemail: 'Voicemail',
  customBot: 'Bot',
  skypeForBusinessCallQueues: 'Call queue',
  skypeForBusinessAutoAttendant: 'Auto attendant',
};

export function serviceLabel(role: string | null): string {
  if (!role) return 'Teams service';
  return SERVICE_ROLES[role] ?? role.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

function identityUser(endpoint: Json): { id: string | null; name: string | null } {
  const associated = obj(endpoint.associatedIdentity);
  if (associated && str(associated.id)) return { id: str(associated.id), name: str(associated.displayName) };
  const identity = obj(endpoint.identity);
  for (const key of ['user', 'guest', 'acsUser', 'spoolUser', 'phone', 'azureCommunicationServicesUser']) {
    const who = obj(identity?.[key]);
    if (who && (str(who.id) || str(who.displayName))) return { id: key === 'user' || key === 'guest' ? str(who.id) : null, name: str(who.displayName) };
  }
  return { id: null, name: null };
}

export function endpointView(value: unknown, myId: string, network: unknown = null, device: unknown = null): EndpointView {
  const endpoint = obj(value) ?? {};
  const agent = obj(endpoint.userAgent) ?? {};
  const isService = String(endpoint['@odata.type'] ?? '').endsWith('serviceEndpoint') || String(agent['@odata.type'] ?? '').endsWith('serviceUserAgent');
  const who = identityUser(endpoint);
  const isMe = who.id !== null && who.id.toLowerCase() === myId.toLowerCase();
  const label = isService ? serviceLabel(str(agent.role)) : isMe ? 'You' : (who.name ?? 'Unknown participant');
  return { userId: who.id, label, isService, isMe, platform: str(agent.platform), product: str(agent.productFamily), network: obj(network), device: obj(device), agent: obj(endpoint.userAgent) };
}

function failureOf(value: unknown): SessionView['failure'] {
  const failure = obj(value);
  return failure ? { stage: str(failure.stage), reason: str(failure.reason) } : null;
}

function kindOf(label: string | null, streamType: string | null): StreamKind {
  const text = `${label ?? ''} ${streamType ?? ''}`.toLowerCase();
  if (text.includes('applicationsharing') || text.includes('screen') || text.includes('vbss')) return 'screenSharing';
  if (text.includes('video')) return 'video';
  if (text.includes('audio')) return 'audio';
  return 'unknown';
}

const KINDS: readonly StreamKind[] = ['audio', 'video', 'screenSharing', 'unknown'];

function cqdKind(cqd: Json | null): StreamKind | null {
  const kind = str(cqd?.kind);
  return KINDS.find((k) => k === kind) ?? null;
}

/**
 * The stream's class: CQD's own verdict from the API when it has one (video is decided by its first
 * reported metric, which a worst-cell rule would miss), shown as borderline when CQD calls it good
 * but a value is close to its threshold; otherwise the worst of its cells.
 */
export function streamClass(cqd: string | null, cells: readonly { readonly cls: CellClass }[]): CellClass {
  const worst = worstClass(cells);
  if (cqd === 'poor') return 'poor';
  if (cqd === 'good') return worst === 'borderline' ? 'borderline' : 'good';
  if (cqd === 'unclassified') return 'unclassified';
  return worst;
}

function segmentView(value: Json, myId: string, thresholds: Thresholds): SegmentView {
  const streams: StreamView[] = [];
  let caller = endpointView(value.caller, myId);
  let callee = endpointView(value.callee, myId);
  for (const mediaValue of arr(value.media)) {
    const media = obj(mediaValue) ?? {};
    caller = endpointView(value.caller, myId, media.callerNetwork, media.callerDevice);
    callee = endpointView(value.callee, myId, media.calleeNetwork, media.calleeDevice);
    arr(media.streams).forEach((streamValue, index) => {
      const stream = obj(streamValue) ?? {};
      const direction = str(stream.streamDirection);
      const dir = direction === 'callerToCallee' || direction === 'calleeToCaller' ? direction : 'unknown';
      const cqd = obj(stream.cqd);
      const kind = cqdKind(cqd) ?? kindOf(str(media.label), str(stream.streamId));
      const [sender, receiver] = dir === 'calleeToCaller' ? [callee, caller] : [caller, callee];
      const cells = streamCells(stream, kind, thresholds);
      streams.push({
        id: `${str(value.id) ?? 'segment'}:${str(media.label) ?? 'media'}:${str(stream.streamId) ?? index}`,
        kind,
        direction: dir,
        label: `${sender.label} → ${receiver.label}`,
        sender,
        receiver,
        cls: streamClass(str(cqd?.classification), cells),
        cells,
        raw: stream,
      });
    });
  }
  return { id: str(value.id) ?? '', start: str(value.startDateTime), end: str(value.endDateTime), caller, callee, failure: failureOf(value.failureInfo), streams };
}

function sessionView(value: Json, myId: string, thresholds: Thresholds): SessionView {
  const segments = arr(value.segments).map((s) => segmentView(obj(s) ?? {}, myId, thresholds));
  const caller = segments[0]?.caller ?? endpointView(value.caller, myId);
  const callee = segments[0]?.callee ?? endpointView(value.callee, myId);
  const segmentFailure = segments.find((s) => s.failure)?.failure ?? null;
  return {
    id: str(value.id) ?? '',
    start: str(value.startDateTime),
    end: str(value.endDateTime),
    mine: caller.isMe || callee.isMe,
    caller,
    callee,
    modalities: arr(value.modalities).filter((m): m is string => typeof m === 'string'),
    failure: failureOf(value.failureInfo) ?? segmentFailure,
    segments,
    cls: worstClass(segments.flatMap((s) => s.streams)),
  };
}

function byStart(a: SessionView, b: SessionView): number {
  return (a.start ?? '').localeCompare(b.start ?? '');
}

/** The user's own legs first (in time order), then everyone else's in time order. */
export function buildTimeline(sessions: readonly unknown[], myId: string, thresholds: Thresholds): Timeline {
  const views = sessions.map((s) => sessionView(obj(s) ?? {}, myId, thresholds)).filter((s) => !isTestSession(sessions, s.id));
  const ordered = [...views.filter((s) => s.mine).sort(byStart), ...views.filter((s) => !s.mine).sort(byStart)];
  return { sessions: ordered, participants: impacts(ordered) };
}

function isTestSession(sessions: readonly unknown[], id: string): boolean {
  return sessions.some((s) => str(obj(s)?.id) === id && bool(obj(s)?.isTest) === true);
}

/** Per person (not per service): poor streams sent and received, worst first. */
export function impacts(sessions: readonly SessionView[]): ParticipantImpact[] {
  const byPerson = new Map<string, { label: string; isMe: boolean; impacting: number; impacted: number }>();
  const entry = (e: EndpointView) => {
    const key = e.userId ?? e.label;
    let found = byPerson.get(key);
    if (!found) byPerson.set(key, (found = { label: e.label, isMe: e.isMe, impacting: 0, impacted: 0 }));
    return found;
  };
  for (const session of sessions) {
    for (const side of [session.caller, session.callee]) if (!side.isService) entry(side);
    for (const stream of session.segments.flatMap((s) => s.streams)) {
      if (stream.cls !== 'poor') continue;
      if (!stream.sender.isService) entry(stream.sender).impacting++;
      if (!stream.receiver.isService) entry(stream.receiver).impacted++;
    }
  }
  return [...byPerson.values()].sort((a, b) => b.impacting + b.impacted - (a.impacting + a.impacted) || a.label.localeCompare(b.label));
}

/** Seconds between two ISO instants, or null. */
export function durationSeconds(start: string | null, end: string | null): number | null {
  const a = start ? Date.parse(start) : NaN;
  const b = end ? Date.parse(end) : NaN;
  return Number.isFinite(a) && Number.isFinite(b) && b >= a ? Math.round((b - a) / 1000) : null;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return 'unknown length';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}

