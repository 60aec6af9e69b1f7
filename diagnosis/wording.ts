// Plain-language fragments from the asking user's point of view ("you", "Alex", "the meeting
// service"), shared by evidence sentences and summaries.
import type { SideView, StreamView } from './model.js';

export function percent(fraction: number): string {
  const p = fraction * 100;
  return `${p >= 10 || Number.isInteger(p) ? Math.round(p) : p.toFixed(1)}%`;
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function firstName(name: string | null): string | null {
  const trimmed = name?.trim();
  return trimmed ? trimmed : null;
}

/** What a Microsoft server is, from serviceUserAgent.role (Graph's serviceRole members). */
export function serviceNoun(role: string | null): string {
  const r = (role ?? '').toLowerCase();
  if (r.includes('mcu') || r.includes('conferencing') || r.includes('audioteleconferencer')) return 'the conferencing server';
  if (r.includes('mediationserver') || r === 'gateway' || r.includes('gateway')) return 'the phone gateway';
  if (r.includes('mediacontroller')) return 'the media relay';
  if (r.includes('voicemail') || r.includes('unifiedmessaging')) return 'the voicemail service';
  if (r.includes('callqueue') || r.includes('autoattendant') || r.includes('responsegroup')) return 'the call queue service';
  return 'the Teams service';
}

/** "your", "Alex Doe's", "the other person's", "the meeting service's". */
export function possessive(view: SideView | null): string {
  if (!view) return "one side's";
  switch (view.side) {
    case 'you':
      return 'your';
    case 'other': {
      const name = firstName(view.endpoint.displayName);
      return name ? `${name}'s` : "the other person's";
    }
    case 'service':
      return `${serviceNoun(view.endpoint.role)}'s`;
    case 'unknown': {
      const name = firstName(view.endpoint.displayName);
      return name ? `${name}'s` : "one participant's";
    }
  }
}

/** "you", "Alex Doe", "the other person", "the Teams service". */
export function subject(view: SideView | null): string {
  if (!view) return 'one side';
  switch (view.side) {
    case 'you':
      return 'you';
    case 'other':
      return firstName(view.endpoint.displayName) ?? 'the other person';
    case 'service':
      return serviceNoun(view.endpoint.role);
    case 'unknown':
      return firstName(view.endpoint.displayName) ?? 'one participant';
  }
}

const KIND_NOUN: Record<StreamView['kind'], string> = { audio: 'audio', video: 'video', screenSharing: 'screen sharing', unknown: 'media' };

/** "the audio you sent", "the video Alex sent you", "the audio the Teams service sent Alex". */
export function streamPhrase(stream: StreamView): string {
  const noun = KIND_NOUN[stream.kind];
  if (stream.relative === 'sent') return `the ${noun} you sent`;
  const from = subject(stream.sender);
  if (stream.relative === 'received') return `the ${noun} ${from === 'you' ? 'you' : from} sent you`;
  if (stream.betweenServices) return `the ${noun} ${from} sent ${stream.receiver ? subject(stream.receiver) : 'another Microsoft server'}`;
  const to = !stream.receiver ? 'the meeting' : stream.receiver.side === 'service' && serviceNoun(stream.receiver.endpoint.role) === 'the conferencing server' ? 'the meeting' : subject(stream.receiver);
  return `the ${noun} ${from} sent ${to}`;
}

/** "the packets you sent", "the packets Alex sent you". */
export function packetsPhrase(stream: StreamView): string {
  return streamPhrase(stream).replace(/^the (audio|video|screen sharing|media)/, 'the $1 packets');
}
