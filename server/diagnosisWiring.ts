// Adapts diagnosis/ to what the bot receives: one function per judgement, with the thresholds
// resolved once at start-up, and the phone explanation in the bot's shape.
import type { PhoneCallExplanation, PhoneCallRow } from '../bot/index.js';
import { diagnoseCall, explainDirectRoutingCall, explainPstnCall, parseCallRecord, resolveThresholds, type Diagnosis, type Thresholds } from '../diagnosis/index.js';
import type { FullCallRecord } from '../graph/index.js';
import { ConfigError } from './config/index.js';

/** A bad CQD_THRESHOLDS key or value stops start-up with the variable named. */
export function thresholdsFromConfig(overrides: Readonly<Record<string, number>>): Thresholds {
  try {
    return resolveThresholds({ ...overrides });
  } catch (error) {
    throw new ConfigError('CQD_THRESHOLDS', (error as Error).message);
  }
}

export function createDiagnose(thresholds: Thresholds): (record: FullCallRecord, userId: string) => Diagnosis {
  return (record, userId) => {
    const parsed = parseCallRecord(record);
    if (!parsed.ok) {
      // Graph sent something the engine cannot read: say so rather than guess.
      return { callId: record.id, verdict: 'unclassified', causes: [], summary: `This call record could not be read (${parsed.problem}).`, segments: [] };
    }
    return diagnoseCall(parsed.record, userId, { thresholds });
  };
}

export function explainPhoneCall(call: PhoneCallRow): PhoneCallExplanation {
  const explained = call.kind === 'pstn' ? explainPstnCall(call.row) : explainDirectRoutingCall(call.row);
  return {
    outcome: explained.outcome === 'completed' ? 'connected' : explained.outcome,
    summary: explained.summary,
    ...(explained.advice ? { advice: explained.advice } : {}),
    details: explained.details,
  };
}
