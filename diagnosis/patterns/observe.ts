// One diagnosed call, seen from the user's own endpoint: how they were connected (connection
// type, Wi-Fi band, VPN, subnet), on which device and client, and when. Read tolerantly from the
// record, like the rest of diagnosis/: any field may be missing.
import type { CallRecordInput } from '../input.js';
import type { Diagnosis } from '../types.js';
import type { CallObservation, ConnectionType, WifiBand } from './types.js';

type Json = Readonly<Record<string, unknown>>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const lower = (v: unknown): string | null => str(v)?.toLowerCase() ?? null;

export interface ObserveOptions {
  /** IANA time zone for time of day; UTC when absent or unknown. */
  readonly timeZone?: string;
}

const CONNECTIONS: Readonly<Record<string, ConnectionType>> = { wired: 'wired', wifi: 'wifi', mobile: 'mobile', tunnel: 'tunnel' };
const BANDS: Readonly<Record<string, WifiBand>> = { frequency24ghz: '2.4 GHz', frequency50ghz: '5 GHz', frequency60ghz: '6 GHz' };

/** The user's side of every media line on the segments they were on, with their endpoint. */
function ownSides(record: CallRecordInput, userId: string): { network: Json; device: Json; agent: Json }[] {
  const user = userId.toLowerCase();
  const sides: { network: Json; device: Json; agent: Json }[] = [];
  for (const session of arr((record as Json).sessions)) {
    for (const segment of arr(obj(session)?.segments)) {
      const seg = obj(segment);
      if (!seg) continue;
      for (const role of ['caller', 'callee'] as const) {
        const endpoint = obj(seg[role]) ?? obj(obj(session)?.[role]);
        if (!endpoint || !isUser(endpoint, user)) continue;
        for (const media of arr(seg.media)) {
          const m = obj(media);
          if (!m) continue;
          sides.push({ network: obj(m[`${role}Network`]) ?? {}, device: obj(m[`${role}Device`]) ?? {}, agent: obj(endpoint.userAgent) ?? {} });
        }
      }
    }
  }
  return sides;
}

function isUser(endpoint: Json, user: string): boolean {
  const ids = [obj(endpoint.associatedIdentity)?.id, ...Object.values(obj(endpoint.identity) ?? {}).map((i) => obj(i)?.id)];
  return ids.some((id) => typeof id === 'string' && id.toLowerCase() === user);
}

function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

const PRODUCTS: Readonly<Record<string, string>> = { teams: 'Teams', teamsfreeconsumer: 'Teams (free)', teamsforlife: 'Teams (free)', skypeforbusiness: 'Skype for Business', lync: 'Lync', azurecommunicationservices: 'Azure Communication Services' };
const PLATFORMS: Readonly<Record<string, string>> = { windows: 'Windows', macos: 'macOS', ios: 'iOS', android: 'Android', web: 'web', ipphone: 'IP phone', roomsystem: 'Teams Room', surfacehub: 'Surface Hub', holoLens: 'HoloLens' };

function clientOf(agent: Json): string | null {
  const product = lower(agent.productFamily);
  const platform = lower(agent.platform);
  if (!product && !platform) return null;
  const name = product ? (PRODUCTS[product] ?? str(agent.productFamily)!) : 'Client';
  return platform && platform !== 'unknown' ? `${name} on ${PLATFORMS[platform] ?? str(agent.platform)!}` : name;
}

function localHour(iso: string, timeZone: string | undefined): number {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 0;
  try {
    const hour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: timeZone ?? 'UTC' }).format(date);
    return Number(hour) % 24;
  } catch {
    return date.getUTCHours();
  }
}

export function observeCall(record: CallRecordInput, diagnosis: Diagnosis, userId: string, options: ObserveOptions = {}): CallObservation {
  const sides = ownSides(record, userId);
  const connection = mostCommon(sides.map((s) => lower(s.network.connectionType)).map((c) => (c && CONNECTIONS[c]) ?? null));
  const connectionType = (connection as ConnectionType | null) ?? 'unknown';
  const band = mostCommon(sides.filter((s) => lower(s.network.connectionType) === 'wifi').map((s) => BANDS[lower(s.network.wifiBand) ?? ''] ?? 'unknown'));
  const ownStreams = diagnosis.segments.filter((s) => s.involvesUser).flatMap((s) => s.streams).filter((s) => s.kind === 'audio' && s.classification !== 'unclassified');
  const startDateTime = str((record as Json).startDateTime) ?? '';
  return {
    callId: diagnosis.callId,
    startDateTime,
    localHour: localHour(startDateTime, options.timeZone),
    verdict: diagnosis.verdict,
    causes: diagnosis.causes.map((c) => c.code),
    ownCauses: diagnosis.causes.filter((c) => c.side === 'you').map((c) => c.code),
    connectionType,
    wifiBand: connectionType === 'wifi' ? ((band as WifiBand | null) ?? 'unknown') : null,
    vpn: sides.length === 0 ? null : connectionType === 'tunnel' || sides.some((s) => lower(s.network.connectionType) === 'tunnel'),
    device: mostCommon(sides.map((s) => str(s.device.captureDeviceName))),
    client: mostCommon(sides.map((s) => clientOf(s.agent))),
    subnet: mostCommon(sides.map((s) => str(s.network.subnet))),
    poorAudioStreams: ownStreams.filter((s) => s.classification === 'poor').length,
    audioStreams: ownStreams.length,
  };
}
