// One call as the list shows it: when, what kind, which media, the verdict, and with whom.
import type { Diagnosis } from '../../../diagnosis/index.js';
import type { FullCallRecord } from '../../../graph/index.js';
import { describeCall } from '../../../bot/calls/callFacts.js';
import { otherPeople } from '../../../bot/calls/participants.js';
import type { CallListItem, KindFilter } from '../contract.js';

export function kindOf(record: FullCallRecord, userId: string): KindFilter {
  if (otherPeople(record, userId).some((p) => p.phoneNumber !== null)) return 'phone';
  return record.type === 'groupCall' ? 'meeting' : 'oneOnOne';
}

export function callListItem(record: FullCallRecord, diagnosis: Diagnosis, userId: string): CallListItem {
  const facts = describeCall(record, userId);
  return {
    id: record.id,
    startDateTime: facts.start.toISOString(),
    endDateTime: facts.end.toISOString(),
    type: record.type ?? 'unknown',
    modalities: [...(record.modalities ?? [])],
    verdict: diagnosis.verdict,
    with: facts.others,
    kind: kindOf(record, userId),
    topCause: diagnosis.causes[0]?.code ?? null,
  };
}
