// Call records the benchmarks share, built with diagnosis/'s test builder.
import { ALICE, groupCall, healthyAudio, healthyVideo } from '../../diagnosis/testing/recordBuilder.js';
import type { LegSpec } from '../../diagnosis/testing/recordBuilder.js';

export { ALICE };

/** A meeting of `sessions` legs, Alice's first; a third on Wi-Fi, every 17th with some jitter, half with video. */
export function meeting(sessions: number, id = '6e6e0000-0000-4000-8000-000000000250'): Record<string, unknown> {
  const legs: LegSpec[] = Array.from({ length: sessions }, (_, i) => ({
    participant: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Person ${i}`, network: i % 3 === 0 ? { connectionType: 'wifi', wifiSignalStrength: 60 + (i % 40), wifiBand: 'frequency50GHz' } : {} },
    sent: i % 17 === 0 ? healthyAudio({ averageJitter: 'PT0.045S' }) : healthyAudio(),
    extraMedia: i % 2 === 0 ? [{ label: 'main-video', callerToCallee: healthyVideo(), calleeToCaller: healthyVideo() }] : [],
  }));
  legs[0] = { ...legs[0]!, participant: { ...ALICE } };
  return groupCall(legs, id);
}

