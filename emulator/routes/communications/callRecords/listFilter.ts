// The two $filter forms Graph documents for listing call records (§5.1), joined with `and`:
//   startDateTime ge|gt|le|lt 2023-09-25T09:25:00Z
//   participants_v2/any(p:p/id eq '821809f5-...')
// Anything else is a 400, as the service does not support other filters. Strict mode also
// refuses joining the two forms, which Graph documents only separately (§13).
import { badRequest } from '../../../http/graphError.js';
import { participantIdsOf } from '../../../store/recordStore.js';
import type { JsonObject } from '../../../store/json.js';

export type RecordPredicate = (record: JsonObject) => boolean;

const SUPPORTED = "Call records can be filtered only on startDateTime (lt, le, gt, ge, joined with 'and') and participants_v2/any(p:p/id eq '<id>').";
const DATE_CLAUSE = /^startDateTime\s+(lt|le|gt|ge)\s+(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))$/;
const PARTICIPANT_CLAUSE = /^participants_v2\/any\(\s*(\w+)\s*:\s*(\w+)\/id\s+eq\s+'((?:[^']|'')*)'\s*\)$/;

const STRICT = "Unsupported query: the participants_v2 filter is supported only on its own, and startDateTime clauses only with each other.";

export function parseListFilter(filter: string | undefined, options: { readonly strict?: boolean } = {}): RecordPredicate {
  if (filter === undefined || filter.trim() === '') return () => true;
  const clauses = filter.trim().split(/\s+and\s+/);
  if (options.strict && clauses.length > 1 && clauses.some((c) => PARTICIPANT_CLAUSE.test(c.trim()))) throw badRequest(`Invalid filter clause. ${STRICT} ${SUPPORTED}`);
  const predicates = clauses.map(parseClause);
  return (record) => predicates.every((p) => p(record));
}

function parseClause(raw: string): RecordPredicate {
  const clause = raw.trim();
  const date = DATE_CLAUSE.exec(clause);
  if (date) {
    const limit = Date.parse(date[2]!);
    if (Number.isNaN(limit)) throw badRequest(`Invalid date-time '${date[2]}' in $filter. ${SUPPORTED}`);
    const op = date[1]!;
    return (record) => {
      const start = Date.parse(String(record.startDateTime));
      return op === 'lt' ? start < limit : op === 'le' ? start <= limit : op === 'gt' ? start > limit : start >= limit;
    };
  }
  const participant = PARTICIPANT_CLAUSE.exec(clause);
  if (participant) {
    if (participant[1] !== participant[2]) throw badRequest(`The lambda variable '${participant[2]}' is not defined in $filter. ${SUPPORTED}`);
    const id = participant[3]!.replace(/''/g, "'");
    return (record) => participantIdsOf(record).includes(id);
  }
  throw badRequest(`Unsupported filter clause '${clause.slice(0, 120)}'. ${SUPPORTED}`);
}
