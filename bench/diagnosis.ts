// Diagnosis speed: records per second for a 1:1 call and a 250-session meeting, beside
// JSON.parse of the same bytes (the cost every record pays anyway), printed as a ratio.
import { diagnoseCall, parseCallRecord } from '../diagnosis/index.js';
import type { CallRecordInput } from '../diagnosis/index.js';
import { ALICE, BOB, healthyAudio, healthyVideo, peerToPeer } from '../diagnosis/testing/recordBuilder.js';
import { meeting } from './support/records.js';
import { formatRate, measureEach } from './support/measure.js';
import type { BenchOptions, Figures } from './support/registry.js';
import type { Rate } from './support/measure.js';

export const name = 'diagnosis: records per second, against JSON.parse of the same bytes';
export const key = 'diagnosis';

function oneToOne(): object {
  return peerToPeer({
    callee: { ...BOB, network: { connectionType: 'wifi', wifiSignalStrength: 24, wifiBand: 'frequency24GHz' } },
    media: [{ calleeToCaller: healthyAudio({ averagePacketLossRate: 0.14 }) }, { label: 'main-video', callerToCallee: healthyVideo(), calleeToCaller: healthyVideo({ averageVideoFrameRate: 5 }) }],
  });
}

function benchOne(label: string, record: object, log: (line: string) => void, quick: boolean): { perSecond: number; ratio: number } {
  const bytes = JSON.stringify(record);
  const parsed = parseCallRecord(JSON.parse(bytes));
  if (!parsed.ok) throw new Error(`benchmark record is not a call record: ${parsed.problem}`);
  const input: CallRecordInput = parsed.record;
  const [jsonParse, diagnose] = measureEach([() => JSON.parse(bytes), () => diagnoseCall(input, ALICE.id)], quick ? { rounds: 1, roundMs: 50, warmupMs: 20 } : {}) as [Rate, Rate];
  const ratio = jsonParse.perSecond / diagnose.perSecond;
  log(
    `${label.padEnd(26)} ${String(Math.round(bytes.length / 1024)).padStart(5)} KiB  diagnose ${formatRate(diagnose.perSecond).padStart(8)} records/s   JSON.parse ${formatRate(jsonParse.perSecond).padStart(8)} records/s   diagnose costs ${ratio.toFixed(2)}x a JSON.parse`,
  );
  return { perSecond: diagnose.perSecond, ratio };
}

export async function run(log: (line: string) => void, options: BenchOptions = { quick: false }): Promise<Figures> {
  const one = benchOne('1:1 call (audio + video)', oneToOne(), log, options.quick);
  const big = benchOne('meeting, 250 sessions', meeting(250), log, options.quick);
  return {
    oneToOnePerSecond: one.perSecond,
    meetingPerSecond: big.perSecond,
    // The goal is at most 1: diagnosing should cost no more than reading the bytes did.
    ratioToJsonParse: Math.max(one.ratio, big.ratio),
    oneToOneRatioToJsonParse: one.ratio,
    meetingRatioToJsonParse: big.ratio,
  };
}
