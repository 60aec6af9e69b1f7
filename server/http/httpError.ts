// Errors that know their HTTP answer (style-anchors 10). Route code throws these; the single
// error hook in errorHandler.ts turns them into responses. Anything else becomes a bare 500.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Stable machine-readable code, e.g. 'invalid_json'. */
    readonly code: string,
    /** Safe to show the caller: never includes internals or personal data. */
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly requestId: string };
}

interface BodyParserError {
  readonly type: string;
  readonly status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && typeof (error as BodyParserError).status === 'number';
}

/** Maps the errors the HTTP layer knows about; returns undefined for anything unexpected. */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.parse.failed':
        return new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
      case 'entity.too.large':
        return new HttpError(413, 'body_too_large', 'The request body is larger than this endpoint accepts.');
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return new HttpError(415, 'unsupported_encoding', 'The request body encoding or charset is not supported; send UTF-8 JSON.');
      case 'request.aborted':
        return new HttpError(400, 'request_aborted', 'The request was aborted before its body arrived.');
      default:
        return error.status >= 400 && error.status < 500 ? new HttpError(error.status, 'bad_request', 'The request could not be read.') : undefined;
    }
  }
  return undefined;
}
