// Whether a 400 says the query form itself is unsupported, as opposed to any other bad request
// (a stale skip token, a bad id). Only the former justifies switching a query form off for good.
// Used only when the undocumented combined forms are opted in (GraphSettings.combinedQueries):
// Graph documents no wording for the refusal, so the default never depends on this guess.
import { GraphError } from '../errors.js';

export type QueryOption = 'expand' | 'filter';

// Codes Graph (and OData services behind it) use for a query it will not run.
const QUERY_CODES = /^(BadRequest|invalidRequest|Request_UnsupportedQuery|Request_BadRequest)$/i;
// Graph's wordings: "Query option 'Expand' is not allowed", "Parsing Select and Expand failed.",
// "Invalid filter clause", "Unsupported query", "Unsupported $expand ...", "... is not supported".
const REFUSAL = /unsupported|not supported|not allowed|invalid .*clause|parsing .*failed/i;

export function isUnsupportedQuery(error: unknown, option: QueryOption): boolean {
  if (!(error instanceof GraphError) || error.status !== 400 || !QUERY_CODES.test(error.code)) return false;
  // Graph's text is read here, never logged: it can echo the filter.
  const text = error.graphMessage ?? '';
  return new RegExp(`\\b${option}\\b`, 'i').test(text) && REFUSAL.test(text);
}
