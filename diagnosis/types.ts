// Public result types of the diagnosis engine. The bot, the tab and the alerts consume these;
// the engine fills them. Kept free of any Graph SDK type so the browser bundle stays small.

export type Verdict = 'good' | 'poor' | 'dropped' | 'setup-failed' | 'unclassified';

/** Whose side a cause is on, from the asking user's point of view. */
export type Side = 'you' | 'other' | 'service' | 'unknown';

/** Quality class of one stream, after Microsoft's Call Quality Dashboard (CQD) classifier. */
export type StreamClass = 'good' | 'poor' | 'unclassified';

export type CauseCode =
  | 'wifi-weak-signal'
  | 'wifi-2.4ghz'
  | 'vpn'
  | 'tcp-fallback'
  | 'mobile-network'
  | 'high-latency'
  | 'packet-loss'
  | 'jitter'
  | 'low-bandwidth'
  | 'mic-not-working'
  | 'speaker-not-working'
  | 'speaker-muted'
  | 'audio-glitches'
  | 'cpu-overload'
  | 'echo-howling'
  | 'low-speech-level'
  | 'mic-clipping'
  | 'video-low-frame-rate'
  | 'video-frame-loss'
  | 'video-freezes'
  | 'media-connectivity-failed'
  | 'dropped-unexpectedly'
  | 'no-quality-data'
  // Added beyond the list where the record supports a sharper answer:
  | 'user-rated-poor'
  | 'congested-network';

export interface Evidence {
  /** Graph field path, e.g. "segments[0].media[0].callerNetwork.wifiSignalStrength". */
  readonly field: string;
  readonly value: string | number | boolean | null;
  /** The CQD or engine threshold it was compared with, where there is one. */
  readonly threshold?: string | number;
}

export interface Cause {
  readonly code: CauseCode;
  readonly side: Side;
  /** 0..1: how sure the engine is that this is what the user noticed. */
  readonly confidence: number;
  /** Plain-language evidence sentence, e.g. "your Wi-Fi signal was 21% on 2.4 GHz; 13% of the packets you sent were lost". */
  readonly evidence: string;
  /** Concrete advice, e.g. "Move closer to the access point, switch to 5 GHz or use a cable." */
  readonly advice: string;
  /** The fields and values behind the evidence sentence. */
  readonly facts: readonly Evidence[];
}

/**
 * Something the record shows beside the verdict, which does not change it: a brief spike inside
 * good averages, what the other person experienced, a point of view that is not in the record,
 * what was measured. Render any code generically (labels.ts noteLabel); more may be added.
 */
export type NoteCode = 'brief-spike' | 'their-experience' | 'user-not-found' | 'measured';

export interface Note {
  readonly code: NoteCode;
  readonly side: Side;
  /** One plain-language sentence with the values behind it. */
  readonly text: string;
  readonly facts: readonly Evidence[];
}

export interface StreamQuality {
  readonly segmentId: string;
  readonly mediaLabel: string | null;
  readonly kind: 'audio' | 'video' | 'screenSharing' | 'unknown';
  readonly direction: 'callerToCallee' | 'calleeToCaller' | 'unknown';
  /** Which way the stream ran for the asking user, when their endpoint is on this segment. */
  readonly relative: 'sent' | 'received' | 'other';
  readonly classification: StreamClass;
  /** Metric name -> class, so the tab can colour each cell. `threshold` is the limit it was compared with, when it has one. */
  readonly metrics: readonly { readonly name: string; readonly value: number | null; readonly unit: string; readonly classification: StreamClass; readonly threshold?: number | null }[];
}

export interface SegmentQuality {
  readonly sessionId: string;
  readonly segmentId: string;
  readonly startDateTime: string | null;
  readonly endDateTime: string | null;
  readonly caller: string;
  readonly callee: string;
  /** True when the asking user's endpoint is on this segment. */
  readonly involvesUser: boolean;
  readonly failure: { readonly stage: string; readonly reason: string | null } | null;
  readonly streams: readonly StreamQuality[];
}

export interface Diagnosis {
  readonly callId: string;
  readonly verdict: Verdict;
  /** Most likely first. Empty for a good call. */
  readonly causes: readonly Cause[];
  /** One or two plain-language sentences for the bot and the alerts. */
  readonly summary: string;
  readonly segments: readonly SegmentQuality[];
  /**
   * True when the user's call dropped (verdict 'dropped') and they came back on a later leg, so an
   * alert can say so. A failed join followed by one that worked is not a failure at all: the verdict
   * then comes from the leg that worked. Optional so older stored diagnoses still type-check.
   */
  readonly rejoined?: boolean;
  /** Notes beside the verdict (brief spikes, the other side's experience); never change it. Optional for older stored diagnoses. */
  readonly notes?: readonly Note[];
  /** What the verdict rests on, e.g. "4 streams measured (audio and video, both directions)". */
  readonly measured?: string;
}
