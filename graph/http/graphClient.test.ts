import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buckets } from '../budget/buckets.js';
import { GraphBudget, type BudgetOptions } from '../budget/graphBudget.js';
import { GraphError, GraphPermissionError, GraphThrottledError } from '../errors.js';
import { brokenBody, droppedConnection, graphErrorResponse, json, recordingLogger, route, scriptedFetch, stalledBody, type ScriptedFetch } from '../testing/index.js';
import { createGraphClient, DEFAULT_HTTP_TUNING, type HttpTuning } from './createGraphClient.js';
import { GraphExecutor } from './graphExecutor.js';
import type { GraphRequest } from './graphRequest.js';

const TOKEN = 'secret-token-value';
const RECORD_URL = /\/v1\.0\/communications\/callRecords\/abc$/;
const recordRequest: GraphRequest = { method: 'GET', version: 'v1.0', path: '/communications/callRecords/abc', buckets: buckets.callRecord('abc'), logPath: '/communications/callRecords/abc' };

function setup(graph: ScriptedFetch, options: { budget?: BudgetOptions; tuning?: Partial<HttpTuning> } = {}) {
  const logger = recordingLogger();
  const now = (): Date => new Date();
  const budget = new GraphBudget(now, options.budget);
  const client = createGraphClient({
    baseUrl: 'https://graph.example.test',
    credential: { getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    budget,
    logger,
    now,
    fetch: graph.fetch,
    tuning: { ...DEFAULT_HTTP_TUNING, ...options.tuning },
  });
  return { executor: new GraphExecutor(client, { ...DEFAULT_HTTP_TUNING, ...options.tuning }, now), logger, budget };
}

describe('the Graph client chain', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-20T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when Graph answers 503 with Retry-After, then the request is retried only after that many seconds and succeeds', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, graphErrorResponse(503, 'serviceNotAvailable', { 'retry-after': '4' }), json({ id: 'abc' })));
    const { executor } = setup(graph);

    const result = executor.send<{ id: string }>(recordRequest);
    await vi.advanceTimersByTimeAsync(3_900);
    expect(graph.seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toEqual({ id: 'abc' });
    expect(graph.seen).toHaveLength(2);
    expect(graph.seen[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('when the connection drops twice, then the third attempt\'s answer comes back', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, droppedConnection(), droppedConnection(), json({ id: 'abc' })));
    const { executor } = setup(graph);

    const result = executor.send<{ id: string }>(recordRequest);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(result).resolves.toEqual({ id: 'abc' });
    expect(graph.seen).toHaveLength(3);
  });

  it('when every attempt times out, then a GraphUnavailableError (504) follows the last retry', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, 'hang'));
    const { executor } = setup(graph, { tuning: { timeoutMs: 1_000, maxConnectionRetries: 2 } });

    const result = executor.send(recordRequest);
    const settled = expect(result).rejects.toMatchObject({ name: 'GraphUnavailableError', status: 504 });
    await vi.advanceTimersByTimeAsync(10_000);
    await settled;
    expect(graph.seen).toHaveLength(3);
  });

  it('when a timed-out attempt is retried and answers, then the caller gets the answer', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, 'hang', json({ id: 'abc' })));
    const { executor } = setup(graph, { tuning: { timeoutMs: 1_000 } });

    const result = executor.send<{ id: string }>(recordRequest);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(result).resolves.toEqual({ id: 'abc' });
  });

  it('when the body stalls after the headers, then the timeout covers it and the retry brings the record', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, () => stalledBody({ id: 'abc' }), json({ id: 'abc' })));
    const { executor } = setup(graph, { tuning: { timeoutMs: 500 } });

    const result = executor.send<{ id: string }>(recordRequest);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(result).resolves.toEqual({ id: 'abc' });
    expect(graph.seen).toHaveLength(2);
  });

  it('when every body stalls, then a GraphUnavailableError (504) comes back instead of waiting forever', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, () => stalledBody({ id: 'abc' })));
    const { executor } = setup(graph, { tuning: { timeoutMs: 500, maxConnectionRetries: 1 } });

    const result = executor.send(recordRequest);
    const settled = expect(result).rejects.toMatchObject({ name: 'GraphUnavailableError', status: 504 });
    await vi.advanceTimersByTimeAsync(5_000);
    await settled;
    expect(graph.seen).toHaveLength(2);
  });

  it('when a GET\'s connection drops mid-body, then it is sent again and the answer comes back', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, () => brokenBody({ id: 'abc' }), json({ id: 'abc' })));
    const { executor } = setup(graph);

    const result = executor.send<{ id: string }>(recordRequest);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(result).resolves.toEqual({ id: 'abc' });
    expect(graph.seen).toHaveLength(2);
  });

  it('when a POST\'s connection drops mid-body, then it is not sent again and the error says the connection dropped', async () => {
    const graph = scriptedFetch(route('POST', /\/v1\.0\/subscriptions$/, () => brokenBody({ id: 'sub' }, 201)));
    const { executor } = setup(graph);

    const error = await executor.send({ method: 'POST', version: 'v1.0', path: '/subscriptions', body: {}, buckets: [], logPath: '/subscriptions' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GraphUnavailableError', status: 503 });
    expect(graph.seen).toHaveLength(1);
  });

  it('when Graph keeps answering 429, then a GraphThrottledError carries Retry-After and Graph\'s request-id', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, graphErrorResponse(429, 'TooManyRequests', { 'retry-after': '1' })));
    const { executor } = setup(graph, { tuning: { maxRetries: 2 } });

    const result = executor.send(recordRequest);
    const settled = expect(result).rejects.toSatisfy((e) => e instanceof GraphThrottledError && e.retryAfterSeconds === 1 && e.requestId === 'req-TooManyRequests');
    await vi.advanceTimersByTimeAsync(10_000);
    await settled;
    expect(graph.seen).toHaveLength(3);
  });

  it('when a person would have to wait longer than allowed for Retry-After, then they get a GraphThrottledError at once; background work waits', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, graphErrorResponse(429, 'TooManyRequests', { 'retry-after': '60' }), json({ id: 'abc' })));
    const { executor } = setup(graph, { tuning: { maxInteractiveRetryWaitSeconds: 10 } });

    await expect(executor.send(recordRequest)).rejects.toSatisfy((e) => e instanceof GraphThrottledError && e.retryAfterSeconds === 60);
    expect(graph.seen).toHaveLength(1);

    const background = executor.send<{ id: string }>(recordRequest, { priority: 'background' });
    await vi.advanceTimersByTimeAsync(61_000);
    await expect(background).resolves.toEqual({ id: 'abc' });
  });

  it('when Graph answers 403, then a GraphPermissionError names the permission the app needs', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, graphErrorResponse(403, 'Forbidden')));
    const { executor } = setup(graph);

    const error = await executor.send(recordRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphPermissionError);
    expect(error).toMatchObject({ status: 403, reason: 'permissionMissing' });
    expect((error as Error).message).toContain('CallRecords.Read.All');
    expect(graph.seen).toHaveLength(1);
  });

  it('when Graph answers 401, then the error says the token was rejected, not that a permission is missing', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, graphErrorResponse(401, 'InvalidAuthenticationToken')));
    const { executor } = setup(graph);

    const error = await executor.send(recordRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphPermissionError);
    expect(error).toMatchObject({ status: 401, reason: 'tokenRejected' });
    expect((error as Error).message).toContain('rejected the app\'s token');
    expect((error as Error).message).not.toContain('CallRecords.Read.All');
  });

  it('when a request waits in the budget, then its token is taken after the wait, not before', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, json({ id: 'abc' })));
    const tokensTakenWhile: number[] = [];
    const logger = recordingLogger();
    const now = (): Date => new Date();
    const budget = new GraphBudget(now, { limits: { callRecord: { limit: 1, windowMs: 20_000 } }, backgroundShare: 1 });
    const client = createGraphClient({
      baseUrl: 'https://graph.example.test',
      credential: {
        getToken: async () => {
          tokensTakenWhile.push(budget.snapshot().waiting.background);
          return { token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 };
        },
      },
      budget,
      logger,
      now,
      fetch: graph.fetch,
      tuning: DEFAULT_HTTP_TUNING,
    });
    const executor = new GraphExecutor(client, DEFAULT_HTTP_TUNING, now);
    const holder = await budget.acquire(buckets.callRecord('abc'), 'background');

    const waiting = executor.send(recordRequest, { priority: 'background' });
    await vi.advanceTimersByTimeAsync(0);
    expect(budget.snapshot().waiting.background).toBe(1);
    expect(tokensTakenWhile).toEqual([]);
    holder.release();
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(waiting).resolves.toEqual({ id: 'abc' });
    expect(tokensTakenWhile).toEqual([0]);
    expect(graph.seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('when a request is retried after a 429, then each attempt is paid for in the budget', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, graphErrorResponse(429, 'TooManyRequests', { 'retry-after': '1' }), json({ id: 'abc' })));
    const { executor } = setup(graph, { budget: { limits: { callRecord: { limit: 2, windowMs: 20_000 } }, backgroundShare: 1 }, tuning: { maxInteractiveBudgetWaitMs: 60_000 } });

    const first = executor.send(recordRequest);
    await vi.advanceTimersByTimeAsync(1_100);
    await first;
    const second = executor.send(recordRequest);
    await vi.advanceTimersByTimeAsync(18_000);
    expect(graph.seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3_000);
    await second;
    expect(graph.seen).toHaveLength(3);
  });

  it('when the budget cannot admit a person in time, then they get a GraphThrottledError and Graph is not called', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, json({ id: 'abc' })));
    const { executor } = setup(graph, { budget: { limits: { callRecord: { limit: 1, windowMs: 20_000 } } }, tuning: { maxInteractiveBudgetWaitMs: 3_000 } });
    const first = executor.send(recordRequest);
    await vi.advanceTimersByTimeAsync(10);
    await first;

    const second = executor.send(recordRequest);
    const settled = expect(second).rejects.toSatisfy((e) => e instanceof GraphThrottledError && e.retryAfterSeconds !== undefined && e.retryAfterSeconds > 0);
    await vi.advanceTimersByTimeAsync(3_000);
    await settled;
    expect(graph.seen).toHaveLength(1);
  });

  it('when the caller aborts while the request waits for a retry, then the abort reason comes back and nothing more is sent', async () => {
    const graph = scriptedFetch(route('GET', RECORD_URL, droppedConnection()));
    const { executor } = setup(graph, { tuning: { connectionRetryDelayMs: 5_000 } });
    const controller = new AbortController();

    const result = executor.send(recordRequest, { signal: controller.signal });
    const settled = expect(result).rejects.toThrow('person left');
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error('person left'));
    await settled;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(graph.seen).toHaveLength(1);
  });

  it('when requests are logged, then lines carry path, status and request-id but never the query, the token or a phone number', async () => {
    const graph = scriptedFetch(route('GET', /callRecords\?/, json({ value: [] })));
    const { executor, logger } = setup(graph);
    const filtered: GraphRequest = { ...recordRequest, path: "/communications/callRecords?$filter=participants_v2/any(p:p/id eq '+15550100')", logPath: '/communications/callRecords' };

    await executor.send(filtered);
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]!.fields).toMatchObject({ method: 'GET', path: '/communications/callRecords', status: 200, requestId: 'req-200' });
    const text = JSON.stringify(logger.entries);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('15550100');
    expect(text).not.toContain('$filter');
  });

  it('when Graph\'s error text echoes the filter, then .message is a fixed sentence with status, code and request-id, and the echo stays in graphMessage', async () => {
    const echo = "Invalid filter clause: participants_v2/any(p:p/id eq '+15550100')";
    const graph = scriptedFetch(route('GET', /callRecords\?/, json({ error: { code: 'BadRequest', message: echo, innerError: { 'request-id': 'req-echo' } } }, 400, { 'request-id': 'req-echo' })));
    const { executor, logger } = setup(graph);
    const filtered: GraphRequest = { ...recordRequest, path: "/communications/callRecords?$filter=participants_v2/any(p:p/id eq '+15550100')", logPath: '/communications/callRecords' };

    const error = (await executor.send(filtered).catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.message).toBe('Microsoft Graph answered 400 BadRequest (request-id req-echo)');
    expect(error.graphMessage).toBe(echo);
    // What a log serializer or JSON would see of the error, and what was logged.
    const visible = `${error.message} ${error.stack} ${JSON.stringify(error)} ${JSON.stringify({ ...error })} ${JSON.stringify(logger.entries)}`;
    expect(visible).not.toContain('15550100');
    expect(visible).not.toContain('participants_v2/any');
  });

  it('when a collection has next links, then each is fetched exactly as given until the last page', async () => {
    const link2 = 'https://graph.example.test/v1.0/communications/callRecords/getPstnCalls(from=2019-11-01,to=2019-12-01)?$skip=1000';
    const link3 = 'https://graph.example.test/v1.0/communications/callRecords/getPstnCalls(from=2019-11-01,to=2019-12-01)?$skip=2000';
    const graph = scriptedFetch(
      route('GET', /fromDateTime/, json({ value: [1, 2], '@odata.nextLink': link2 })),
      route('GET', /\$skip=1000$/, json({ value: [3], '@odata.nextLink': link3 })),
      route('GET', /\$skip=2000$/, json({ value: [4] })),
    );
    const { executor } = setup(graph);
    const report: GraphRequest = { method: 'GET', version: 'v1.0', path: '/communications/callRecords/getPstnCalls(fromDateTime=2019-11-01,toDateTime=2019-12-01)', buckets: buckets.report('getPstnCalls'), logPath: '/x' };

    await expect(executor.all<number>(report)).resolves.toEqual([1, 2, 3, 4]);
    expect(graph.seen.map((r) => r.url).slice(1)).toEqual([link2, link3]);
  });
});
