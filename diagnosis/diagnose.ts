// diagnoseCall: one call record and the asking user's id in, the answer a good support engineer
// would give out. Pure and total: any input yields a Diagnosis, never an exception.
import type { StreamAssessment } from './classify.js';
import { classifyStream } from './classify.js';
import { confidenceOf as c } from './confidence.js';
import { deviceFindings } from './device.js';
import { failureOutcome } from './failure.js';
import { ratingFindings } from './feedback.js';
import type { Finding } from './finding.js';
import { findingFor, toCause } from './finding.js';
import type { CallRecordInput } from './input.js';
import { networkFindings, receivedFlagProblems } from './network.js';
import { measuredOf, spikeNotes } from './notes.js';
import { buildCallView } from './perspective.js';
import { rankFindings } from './rank.js';
import { segmentQualities } from './segments.js';
import { summarise } from './summary.js';
import { delayProblems, streamProblems, symptomFindings } from './symptoms.js';
import { breachesKey, DEFAULT_THRESHOLDS } from './thresholds.js';
import type { Thresholds } from './thresholds.js';
import type { Diagnosis, Note, Verdict } from './types.js';

export interface DiagnoseOptions {
  readonly thresholds?: Thresholds;
}

const NO_STREAMS = 'no audio or video stream in the record carried enough measurements (or enough packets) to classify';
const NO_SESSIONS = 'the record has no session data: it was fetched without $expand=sessions($expand=segments), so no stream, network or device was in it to judge';

function noData(evidence = NO_STREAMS): Finding {
  return findingFor('no-quality-data', null, { tier: 'nodata', side: 'unknown', confidence: c('nodata'), evidence, facts: [], makesPoor: false });
}

function userNotFound(userId: string): Note {
  return {
    code: 'user-not-found',
    side: 'unknown',
    text: 'the person asked about is on no endpoint of this record, so no side can be called yours: sides read "unclear" and the call is judged as a whole',
    facts: [{ field: 'userId', value: userId }],
  };
}

/** The engine without its safety net; exported for the fuzz test, which must see any throw. */
export function diagnoseUnguarded(record: CallRecordInput, userId: string, options: DiagnoseOptions = {}): Diagnosis {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const call = buildCallView(record, userId, thresholds);
  const assessments = new Map<object, StreamAssessment>();
  for (const stream of call.streams) assessments.set(stream, classifyStream(stream, thresholds));

  const assessed = [...assessments.values()];
  const problems = [...assessed.flatMap((a) => streamProblems(a, thresholds)), ...delayProblems(call, thresholds), ...receivedFlagProblems(call, thresholds)];
  const failure = failureOutcome(call, thresholds);
  const devices = deviceFindings(call, thresholds);
  const findings = [...failure.findings, ...networkFindings(call, problems, thresholds), ...symptomFindings(problems, thresholds), ...devices.findings, ...ratingFindings(call)];

  // Too little evidence is no verdict: one figure on one stream cannot show that a call was good.
  const measured = measuredOf(assessed);
  const enough = measured.streams > 0 && !breachesKey(measured.values, 'evidence.minMeasuredValues', thresholds);
  let verdict: Verdict;
  if (failure.verdict) verdict = failure.verdict;
  else if (findings.some((f) => f.makesPoor)) verdict = 'poor';
  else verdict = enough ? 'good' : 'unclassified';

  const why = !call.hasSessions ? NO_SESSIONS : measured.streams === 0 ? NO_STREAMS : `${measured.detail()}, too little to call the call good`;
  const relevantFindings = verdict === 'good' ? [] : verdict === 'unclassified' ? [noData(why)] : findings.filter((f) => f.makesPoor);
  const ranked = rankFindings(relevantFindings, verdict, { meeting: call.isMeeting });
  const causes = ranked.map(toCause);
  const userGiven = typeof userId === 'string' && userId.trim() !== '';
  const notes = [...(userGiven && !call.userFound && call.hasSessions ? [userNotFound(userId)] : []), ...spikeNotes(assessed, thresholds), ...devices.notes];
  return {
    callId: call.callId,
    verdict,
    causes,
    summary: summarise(verdict, causes, { otherName: ranked[0]?.otherName ?? null, asParticipant: call.userFound, rejoined: failure.rejoined, measured: measured.phrase, group: ranked[0]?.group ?? 0 }),
    segments: segmentQualities(call, assessments),
    rejoined: failure.rejoined,
    notes,
    measured: measured.phrase,
  };
}

function safeId(record: unknown): string {
  try {
    const id = (record as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}

/** Never throws: a record too broken to read is answered as unclassified. */
export function diagnoseCall(record: CallRecordInput, userId: string, options: DiagnoseOptions = {}): Diagnosis {
  try {
    return diagnoseUnguarded(record, typeof userId === 'string' ? userId : '', options);
  } catch {
    // Defence in depth for inputs nobody foresaw (e.g. getters that throw); the fuzz test keeps this path cold.
    const causes = [toCause(noData())];
    const summary = summarise('unclassified', causes, { otherName: null, asParticipant: true, rejoined: false, measured: 'no stream was measured', group: 0 });
    return { callId: safeId(record), verdict: 'unclassified', causes, summary, segments: [], rejoined: false, notes: [] };
  }
}
