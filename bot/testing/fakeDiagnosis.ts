// A stand-in for diagnosis/'s diagnoseCall in bot unit tests: a few obvious rules, so tests can say
// "this call dropped" without depending on the real engine's thresholds.
import type { FullCallRecord } from '../../graph/contract.js';
import type { Cause, Diagnosis } from '../../diagnosis/types.js';

export function fakeDiagnose(record: FullCallRecord, _userId: string): Diagnosis {
  const base = { callId: record.id, segments: [] };
  const failure = record.sessions.map((s) => s.failureInfo).find((f) => f);
  if (failure?.stage === 'callSetup') {
    return { ...base, verdict: 'setup-failed', summary: 'The call never connected.', causes: [cause('media-connectivity-failed', 'you', 'media could not reach the other side', 'Check that your firewall allows Teams media (UDP 3478-3481).')] };
  }
  if (failure) {
    return { ...base, verdict: 'dropped', summary: 'The call ended unexpectedly mid-call.', causes: [cause('dropped-unexpectedly', 'service', 'the session ended with a mid-call failure', 'Rejoin; if it keeps happening, tell your IT team.')] };
  }
  const streams = record.sessions.flatMap((s) => s.segments ?? []).flatMap((seg) => seg.media ?? []).flatMap((m) => m.streams ?? []);
  if (streams.length === 0) {
    return { ...base, verdict: 'unclassified', summary: 'This call record has no quality data.', causes: [cause('no-quality-data', 'unknown', 'no media streams were reported', 'Nothing to do; some clients do not report quality.')] };
  }
  const lossy = streams.find((s) => (s.averagePacketLossRate ?? 0) > 0.1);
  if (lossy) {
    return { ...base, verdict: 'poor', summary: 'Your audio lost many packets.', causes: [cause('packet-loss', 'you', `${Math.round((lossy.averagePacketLossRate ?? 0) * 100)}% of the packets you sent were lost`, 'Move closer to your Wi-Fi access point or use a cable.')] };
  }
  return { ...base, verdict: 'good', summary: 'The call went well: no quality problems.', causes: [] };
}

function cause(code: Cause['code'], side: Cause['side'], evidence: string, advice: string): Cause {
  return { code, side, confidence: 0.8, evidence, advice, facts: [] };
}
