// A diagnosis stand-in that says, per call id, which causes a call had: tests of symptoms and
// follow-ups state "this morning's call had the asker's microphone not working" in one line and
// assert that the bot found that call. Calls not in the script fall back to fakeDiagnose.
import type { FullCallRecord } from '../../graph/contract.js';
import type { Cause, CauseCode, Diagnosis, Side, Verdict } from '../../diagnosis/types.js';
import { fakeDiagnose } from './fakeDiagnosis.js';

export interface ScriptedCause {
  readonly code: CauseCode;
  readonly side?: Side;
  readonly evidence?: string;
  readonly advice?: string;
  readonly confidence?: number;
  readonly facts?: Cause['facts'];
}

export interface ScriptedCall {
  readonly verdict?: Verdict;
  readonly causes: readonly ScriptedCause[];
  readonly summary?: string;
}

export function scriptedDiagnose(script: Readonly<Record<string, ScriptedCall>>): (record: FullCallRecord, userId: string) => Diagnosis {
  return (record, userId) => {
    const scripted = script[record.id];
    if (!scripted) return fakeDiagnose(record, userId);
    const causes = scripted.causes.map((c) => ({
      code: c.code,
      side: c.side ?? 'you',
      confidence: c.confidence ?? 0.8,
      evidence: c.evidence ?? `evidence for ${c.code}`,
      advice: c.advice ?? `advice for ${c.code}`,
      facts: c.facts ?? [],
    }));
    return {
      callId: record.id,
      verdict: scripted.verdict ?? (causes.length > 0 ? 'poor' : 'good'),
      causes,
      summary: scripted.summary ?? (causes.length > 0 ? `The call had ${causes[0]!.code}.` : 'The call went well: no quality problems.'),
      segments: [],
    };
  };
}
