// Typed Graph failures. Each carries Graph's request-id so support can trace a call.

export class GraphError extends Error {
  /**
   * Graph's own error text, for a developer reading one failure. It MAY CONTAIN PERSONAL DATA:
   * Graph echoes the query ($filter with a participant id or phone number), so it is never
   * part of `message`, never logged, and not enumerable (log serializers and JSON skip it).
   */
  declare readonly graphMessage: string | undefined;

  constructor(
    /** Safe to log: written by Call Doctor, never Graph's text. */
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | undefined,
    graphMessage?: string,
  ) {
    super(message);
    this.name = 'GraphError';
    Object.defineProperty(this, 'graphMessage', { value: graphMessage, enumerable: false });
  }
}

/** 404: unknown id, or a record older than the 30-day retention. */
export class CallRecordNotFoundError extends GraphError {
  constructor(readonly callId: string, requestId: string | undefined) {
    super(`Call record ${callId} was not found (unknown, or older than 30 days)`, 404, 'NotFound', requestId);
    this.name = 'CallRecordNotFoundError';
  }
}

/** 429 that persisted through retries, or a budget that cannot admit the request in time. */
export class GraphThrottledError extends GraphError {
  constructor(readonly retryAfterSeconds: number | undefined, requestId: string | undefined) {
    super(`Microsoft Graph is throttling call-record requests${retryAfterSeconds ? `; retry after ${retryAfterSeconds} s` : ''}`, 429, 'TooManyRequests', requestId);
    this.name = 'GraphThrottledError';
  }
}

/** 503/504, timeouts and dropped connections that persisted through retries. */
export class GraphUnavailableError extends GraphError {
  constructor(message: string, status: number, requestId: string | undefined) {
    super(message, status, 'ServiceUnavailable', requestId);
    this.name = 'GraphUnavailableError';
  }
}

/**
 * Why Graph would not serve the app: no token could be had (credential or app registration),
 * Graph rejected the token it was sent (401: expired, wrong tenant or audience), or the token is
 * fine and the app lacks the permission or admin consent (403).
 */
export type GraphPermissionReason = 'tokenUnavailable' | 'tokenRejected' | 'permissionMissing';

/** 401/403, or no token: the reason says which (a missing CallRecords.Read.All or consent is `permissionMissing`). */
export class GraphPermissionError extends GraphError {
  constructor(
    message: string,
    status: number,
    code: string,
    requestId: string | undefined,
    readonly reason: GraphPermissionReason = status === 403 ? 'permissionMissing' : 'tokenRejected',
  ) {
    super(message, status, code, requestId);
    this.name = 'GraphPermissionError';
  }
}

/** A caller passed something Graph would reject or that could alter the request (bad id, range, filter value). */
export class GraphInputError extends GraphError {
  constructor(message: string) {
    super(message, 400, 'InvalidRequest', undefined);
    this.name = 'GraphInputError';
  }
}
