// Injected faults for tests and benchmarks: the next N matching Graph requests get a 503/504,
// a dropped connection, a body that stalls or breaks off after the headers, or extra latency
// (Dev Proxy's GraphRandomErrorPlugin, made deterministic).
import type { NextFunction, Request, Response } from 'express';
import { THROTTLED_CODE, THROTTLED_INNER_CODE } from './graphError.js';

export interface FaultSpec {
  /** Answer with this status and a Graph error body. */
  readonly status?: 429 | 500 | 502 | 503 | 504;
  /** Sent as the Retry-After header (seconds) with `status`. */
  readonly retryAfterSeconds?: number;
  /** Destroy the socket without answering. */
  readonly drop?: boolean;
  /**
   * The route answers as usual, but only the status, the headers (with the full Content-Length)
   * and the first half of the body go out; then the body stalls until the client gives up
   * ('stall') or the connection drops ('drop').
   */
  readonly body?: 'stall' | 'drop';
  /** Delay before handling (combined with the above, or alone). */
  readonly latencyMs?: number;
  /** How many matching requests this fault applies to; default 1, Infinity for "until cleared". */
  readonly count?: number;
  /** Apply to every Nth matching request only (1 = all), until cleared; `count` is then ignored. */
  readonly every?: number;
  /** Only requests whose path contains this text. */
  readonly pathIncludes?: string;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
  seen: number;
}

const CODES: Record<number, string> = { 429: THROTTLED_CODE, 500: 'InternalServerError', 502: 'BadGateway', 503: 'serviceNotAvailable', 504: 'GatewayTimeout' };

export class FaultInjector {
  private faults: ActiveFault[] = [];

  inject(faults: FaultSpec | readonly FaultSpec[]): void {
    for (const fault of Array.isArray(faults) ? faults : [faults as FaultSpec]) {
      const every = fault.every !== undefined && Number.isInteger(fault.every) && fault.every > 0 ? fault.every : undefined;
      this.faults.push({ ...fault, every, remaining: every ? Infinity : (fault.count ?? 1), seen: 0 });
    }
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault that applies to this request (counted faults are consumed by one). */
  take(path: string): FaultSpec | undefined {
    for (const fault of this.faults) {
      if (fault.remaining <= 0 || (fault.pathIncludes && !path.includes(fault.pathIncludes))) continue;
      fault.seen += 1;
      if (fault.every && fault.seen % fault.every !== 0) continue;
      fault.remaining -= 1;
      this.faults = this.faults.filter((f) => f.remaining > 0);
      return fault;
    }
    return undefined;
  }
}

export type GraphErrorSender = (req: Request, res: Response, status: number, code: string, message: string, innerCode?: string) => void;

export function faultMiddleware(faults: FaultInjector, sendError: GraphErrorSender) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const fault = faults.take(req.originalUrl);
    if (!fault) return next();
    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.drop) {
      res.locals.dropped = true;
      req.socket.destroy();
      return;
    }
    if (fault.body) {
      breakBody(req, res, fault.body);
      return next();
    }
    if (fault.status) {
      if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds));
      sendError(req, res, fault.status, CODES[fault.status] ?? 'UnknownError', `Injected fault: the service answered ${fault.status}.`, fault.status === 429 ? THROTTLED_INNER_CODE : undefined);
      return;
    }
    next();
  };
}

/** Makes the route's answer break off after the headers and half the body. */
function breakBody(req: Request, res: Response, how: 'stall' | 'drop'): void {
  const socket = req.socket;
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    const bytes = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.alloc(0);
    if (!res.hasHeader('content-length')) res.setHeader('content-length', String(bytes.length));
    res.write(bytes.subarray(0, Math.ceil(bytes.length / 2)), () => {
      // Let the headers and the first bytes reach the client before the connection goes.
      if (how === 'drop') setTimeout(() => socket.destroy(), 20);
    });
    return res;
  }) as Response['end'];
}
