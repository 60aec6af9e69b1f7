// How sure the engine is of each kind of finding before severity and share adjust it (rank.ts,
// network.ts). One table with a reason per number, as thresholds.ts does for limits. All of these
// are Call Doctor's own judgement: Microsoft publishes no confidence for a cause.

export interface ConfidenceDefinition {
  readonly value: number;
  readonly source: string;
}

const OURS = 'Call Doctor (ours)';
const def = (value: number, why: string): ConfidenceDefinition => ({ value, source: `${OURS}: ${why}` });

export const CONFIDENCE_TABLE = {
  'network.wifiWeakSignal': def(0.85, 'a signal under 50% is the most common cause of loss on Wi-Fi'),
  'network.wifi24': def(0.6, '2.4 GHz is crowded, but many calls on it are fine'),
  'network.vpn': def(0.8, 'a tunnel adds delay and loss to every packet'),
  'network.tcp': def(0.75, 'TCP retransmits instead of dropping, which shows as jitter and delay'),
  'network.mobile': def(0.7, 'mobile links vary; often, not always, the cause'),
  'network.bandwidthLow': def(0.8, "the endpoint's own measurement that bandwidth ran short"),
  'network.bandwidthEstimate': def(0.75, 'a small estimate on the stream the side sent'),
  'network.congested': def(0.5, "Graph's flag says the network hurt the audio, not why"),
  'network.receiverWeight': def(0.85, "a receiver's condition explains loss less surely than the sender's"),
  'network.latencyOtherWeight': def(0.6, 'conditions other than VPN, TCP or mobile explain delay weakly'),
  'device.notFunctioning': def(0.9, 'a device that did not work is what the user noticed'),
  'device.speakerMuted': def(0.85, 'a muted speaker means nothing was heard'),
  'device.howling': def(0.8, 'howling is loud and obvious'),
  'device.cpu': def(0.75, 'an overloaded CPU distorts audio it processes'),
  'device.videoProcessing': def(0.7, "Graph's ratio that the client could not keep up with video"),
  'device.glitchRatio': def(0.6, 'glitches are heard but may be brief'),
  'device.glitchRate': def(0.55, 'glitch rates are noisier than the glitch ratio'),
  'device.lowSpeech': def(0.6, 'quiet speech is heard but often tolerated'),
  'device.clipping': def(0.6, 'clipping is heard but often tolerated'),
  'failure.failed': def(0.7, "the failure is certain, its cause is not in the record"),
  'failure.rootPenalty': def(0.1, 'a condition present before a drop explains it less surely than a stream it degraded'),
  'symptom.base': def(0.45, 'a symptom without a cause explains what was heard, not why'),
  'symptom.max': def(0.7, 'a symptom never outranks a strong root cause'),
  'rating.poor': def(0.5, 'a rating says the call was bad, not why'),
  'nodata': def(0.5, 'too little data to be sure of anything'),
} as const satisfies Record<string, ConfidenceDefinition>;

export type ConfidenceKey = keyof typeof CONFIDENCE_TABLE;

export function confidenceOf(key: ConfidenceKey): number {
  return CONFIDENCE_TABLE[key].value;
}
