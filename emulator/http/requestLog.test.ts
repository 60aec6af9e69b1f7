import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { RequestLog } from './requestLog.js';

/** Just enough of express's req/res for the middleware: the events and fields it reads. */
function exchange(url: string) {
  const res = Object.assign(new EventEmitter(), { statusCode: 200, headersSent: false, writableFinished: false });
  const req = { method: 'GET', originalUrl: url };
  return { req: req as unknown as Request, res, asResponse: res as unknown as Response };
}

describe('RequestLog', () => {
  it('when a request arrives, then it is listed at once without a status, and settle() waits until it is answered', async () => {
    const arrived = new Date('2026-11-29T10:00:00Z');
    const log = new RequestLog(() => arrived);
    const { req, res, asResponse } = exchange('/v1.0/communications/callRecords?$select=id');
    let nextCalled = false;
    log.middleware()(req, asResponse, () => (nextCalled = true));
    expect(nextCalled).toBe(true);
    expect(log.all()).toEqual([{ method: 'GET', path: '/v1.0/communications/callRecords', url: '/v1.0/communications/callRecords?$select=id', status: undefined, at: arrived }]);
    let settled = false;
    const settling = log.settle().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);

    // The answer has started: its status shows before the exchange is over.
    res.statusCode = 429;
    res.headersSent = true;
    expect(log.all()[0]!.status).toBe(429);
    res.writableFinished = true;
    res.emit('finish');
    res.emit('close');
    await settling;
    expect(settled).toBe(true);
    expect(log.all()[0]!.status).toBe(429);
  });

  it('when the connection closes without an answer, then the request is logged with status 0 and no longer pending', async () => {
    const log = new RequestLog();
    const { req, res, asResponse } = exchange('/beta/communications/callRecords/x');
    log.middleware()(req, asResponse, () => undefined);
    expect(log.pending).toBe(1);
    res.emit('close');
    await log.settle();
    expect(log.pending).toBe(0);
    expect(log.all()[0]!.status).toBe(0);
  });

  it('when the log is cleared while a request is in flight, then settle() still waits for it', async () => {
    const log = new RequestLog();
    const { req, res, asResponse } = exchange('/v1.0/users/x');
    log.middleware()(req, asResponse, () => undefined);
    log.clear();
    expect(log.all()).toEqual([]);
    expect(log.pending).toBe(1);
    res.writableFinished = true;
    res.emit('finish');
    await log.settle();
    expect(log.pending).toBe(0);
  });

  it('when the path has a malformed escape, then the request is still logged with its raw path', () => {
    const log = new RequestLog();
    const { req, asResponse } = exchange('/v1.0/users/%E0');
    log.middleware()(req, asResponse, () => undefined);
    expect(log.all()[0]!.path).toBe('/v1.0/users/%E0');
  });
});
