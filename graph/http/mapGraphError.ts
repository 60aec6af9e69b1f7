import { GraphClientError, GraphError as SdkGraphError } from '@microsoft/microsoft-graph-client';
import { GraphError, GraphPermissionError, GraphThrottledError, GraphUnavailableError } from '../errors.js';
import type { GraphRequestContext } from './requestContext.js';

const SAFE_CODE = /^[A-Za-z][\w.-]{0,63}$/;
const CREDENTIAL_ERRORS = ['CredentialUnavailableError', 'AuthenticationError', 'AuthenticationRequiredError'];

/** Turns whatever the SDK threw into one of graph/errors.ts, carrying Graph's request-id. */
export function mapGraphError(error: unknown, request: GraphRequestContext): Error {
  if (request.signal?.aborted) return toError(request.signal.reason);
  if (request.budgetRejection) return request.budgetRejection;
  const response = request.lastResponse;
  const fromBody = error instanceof SdkGraphError ? error.requestId : null;
  const requestId = fromBody ?? response?.requestId;
  if (error instanceof GraphClientError) {
    return new GraphPermissionError(`Could not get a token for Microsoft Graph: ${error.message}`, 401, 'TokenUnavailable', undefined, 'tokenUnavailable');
  }
  if (!(error instanceof SdkGraphError)) return toError(error);
  const status = error.statusCode;
  // Error codes are identifiers; anything else in that slot is not trusted into a message.
  const code = error.code && SAFE_CODE.test(error.code) ? error.code : 'UnknownError';
  if (status === -1 && CREDENTIAL_ERRORS.includes(code)) {
    return new GraphPermissionError(`Could not get a token for Microsoft Graph (${code}); check the app registration and its credential`, 401, code, undefined, 'tokenUnavailable');
  }
  if (status === -1 && request.lastFailure === 'timeout') {
    return new GraphUnavailableError(`Microsoft Graph did not answer in time (${request.attempts} attempts)`, 504, requestId);
  }
  if (status === -1 && request.lastFailure === 'connection') {
    return new GraphUnavailableError(`The connection to Microsoft Graph kept dropping (${request.attempts} attempts)`, 503, requestId);
  }
  if (status === 401) {
    return new GraphPermissionError(`Microsoft Graph rejected the app's token (401 ${code}): it was expired or not issued for this tenant and Graph; check the app registration, tenant id and credential`, status, code, requestId, 'tokenRejected');
  }
  if (status === 403) {
    return new GraphPermissionError(`Microsoft Graph refused the request (403 ${code}): the app needs CallRecords.Read.All (and CallRecord-PstnCalls.Read.All for phone reports) with admin consent`, status, code, requestId, 'permissionMissing');
  }
  if (status === 429) {
    const retryAfter = response?.retryAfterMs;
    return new GraphThrottledError(retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000), requestId);
  }
  if (status === 502 || status === 503 || status === 504) {
    return new GraphUnavailableError(`Microsoft Graph is unavailable (${status}) after ${request.attempts} attempts`, status, requestId);
  }
  // Graph's text can echo the query (a participant id, a phone number): it goes to graphMessage only.
  return new GraphError(`Microsoft Graph answered ${status} ${code} (request-id ${requestId ?? 'none'})`, status, code, requestId, error.message);
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
