// diagnoseCall: one call record and the asking user's id in, the answer a good support engineer
// would give out. Pure and total: any input yields a Diagnosis, never an exception.
import type { StreamAssessment } from './classify.js';
import { classifyStream } from './classify.js';
import { deviceFindings } from './device.js';
import { failureOutcome } from './failure.js';
import { ratingFindings } from './feedback.js';
import type { Finding } from './finding.js';
import { findingFor, toCause } from './finding.js';
import type { CallRecordInput } from './input.js';
import { networkFindings } from './network.js';
import { buildCallView } from './perspective.js';
import { rankFindings } from './rank.js';
import { segmentQualities } from './segments.js';
import { summarise } from './summary.js';
import { delayProblems, streamProblems, symptomFindings } from './symptoms.js';
import { DEFAULT_THRESHOLDS } from './thresholds.js';
import type { Thresholds } from './thresholds.js';
import type { Diagnosis, Verdict } from './types.js';

export interface DiagnoseOptions {
  readonly thresholds?: Thresholds;
}

function noData(): Finding {
  return findingFor('no-quality-data', null, {
    tier: 'nodata',
    side: 'unknown',
    confidence: 0.5,
    evidence: 'no audio or video stream in the record carried enough measurements (or enough packets) to classify',
    facts: [],
    makesPoor: false,
  });
}

/** The engine without its safety net; exported for the fuzz test, which must see any throw. */
export function diagnoseUnguarded(record: CallRecordInput, userId: string, options: DiagnoseOptions = {}): Diagnosis {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const call = buildCallView(record, userId, thresholds);
  const assessments = new Map<object, StreamAssessment>();
  for (const stream of call.streams) assessments.set(stream, classifyStream(stream, thresholds));

  const problems = [...[...assessments.values()].flatMap((a) => streamProblems(a, thresholds)), ...delayProblems(call, thresholds)];
  const failure = failureOutcome(call, thresholds);
  const findings = [...failure.findings, ...networkFindings(call, problems, thresholds), ...symptomFindings(problems, thresholds), ...deviceFindings(call, thresholds), ...ratingFindings(call)];

  const classified = [...assessments.values()].some((a) => a.view.relevant && a.classification !== 'unclassified');
  let verdict: Verdict;
  if (failure.verdict) verdict = failure.verdict;
  else if (findings.some((f) => f.makesPoor)) verdict = 'poor';
  else verdict = classified ? 'good' : 'unclassified';

  const relevantFindings = verdict === 'good' ? [] : verdict === 'unclassified' ? [noData()] : findings.filter((f) => f.makesPoor);
  const ranked = rankFindings(relevantFindings, verdict);
  const causes = ranked.map(toCause);
  return {
    callId: call.callId,
    verdict,
    causes,
    summary: summarise(verdict, causes, { otherName: ranked[0]?.otherName ?? null, asParticipant: call.userFound, rejoined: failure.rejoined }),
    segments: segmentQualities(call, assessments),
    rejoined: failure.rejoined,
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
    const summary = summarise('unclassified', causes, { otherName: null, asParticipant: true, rejoined: false });
    return { callId: safeId(record), verdict: 'unclassified', causes, summary, segments: [], rejoined: false };
  }
}
