// Injected faults for tests and benchmarks: the next N matching Graph requests get a 503/504,
// a dropped connection, or extra latency (Dev Proxy's GraphRandomErrorPlugin, made deterministic).
import type { NextFunction, Request, Response } from 'express';

export interface FaultSpec {
  /** Answer with this status and a Graph error body. */
  readonly status?: 429 | 500 | 502 | 503 | 504;
  /** Sent as the Retry-After header (seconds) with `status`. */
  readonly retryAfterSeconds?: number;
  /** Destroy the socket without answering. */
  readonly drop?: boolean;
  /** Delay before handling (combined with the above, or alone). */
  readonly latencyMs?: number;
  /** How many matching requests this fault applies to; default 1, Infinity for "until cleared". */
  readonly count?: number;
  /** Only requests whose path contains this text. */
  readonly pathIncludes?: string;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

const CODES: Record<number, string> = { 429: 'TooManyRequests', 500: 'InternalServerError', 502: 'BadGateway', 503: 'serviceNotAvailable', 504: 'GatewayTimeout' };

export class FaultInjector {
  private faults: ActiveFault[] = [];

  inject(faults: FaultSpec | readonly FaultSpec[]): void {
    for (const fault of Array.isArray(faults) ? faults : [faults as FaultSpec]) {
      this.faults.push({ ...fault, remaining: fault.count ?? 1 });
    }
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault that matches this path, consumed by one. */
  take(path: string): FaultSpec | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.pathIncludes || path.includes(f.pathIncludes)));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault;
  }
}

export type GraphErrorSender = (req: Request, res: Response, status: number, code: string, message: string) => void;

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
    if (fault.status) {
      if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds));
      sendError(req, res, fault.status, CODES[fault.status] ?? 'UnknownError', `Injected fault: the service answered ${fault.status}.`);
      return;
    }
    next();
  };
}
