import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Priority } from '../contract.js';
import { buckets } from './buckets.js';
import { GraphBudget, type BudgetLease } from './graphBudget.js';
import { MemoryBudgetLedger } from './memoryBudgetLedger.js';

const tiny = { callRecords: { limit: 10, windowMs: 20_000 }, callRecord: { limit: 4, windowMs: 20_000 }, listCallRecords: { limit: 5, windowMs: 20_000 } };

describe('GraphBudget', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-20T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const now = (): Date => new Date();

  /** Acquires and records the order in which requests were admitted. */
  function tracker(budget: GraphBudget) {
    const admitted: string[] = [];
    const leases = new Map<string, BudgetLease>();
    const request = (name: string, priority: Priority, refs = buckets.list()): Promise<void> =>
      budget.acquire(refs, priority).then((lease) => {
        admitted.push(name);
        leases.set(name, lease);
      });
    return { admitted, leases, request };
  }

  it('when a bucket is full, then the next request waits a window after the earliest response and then goes', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, leases, request } = tracker(budget);
    for (let i = 0; i < 5; i++) void request(`r${i}`, 'interactive');
    await vi.advanceTimersByTimeAsync(0);
    for (const lease of leases.values()) lease.release();
    void request('r5', 'interactive');

    await vi.advanceTimersByTimeAsync(19_999);
    expect(admitted).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(admitted).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('when a request is still in flight, then its slot keeps counting past the window', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, leases, request } = tracker(budget);
    for (let i = 0; i < 5; i++) void request(`r${i}`, 'interactive');
    void request('late', 'interactive');

    await vi.advanceTimersByTimeAsync(60_000);
    expect(admitted).not.toContain('late');
    leases.get('r0')!.release();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(admitted).toContain('late');
  });

  it('when background work has filled its share, then an arriving interactive request is admitted at once', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 0.8 });
    const { admitted, request } = tracker(budget);
    for (let i = 0; i < 20; i++) void request(`bg${i}`, 'background');
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toEqual(['bg0', 'bg1', 'bg2', 'bg3']);

    void request('person', 'interactive');
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted.at(-1)).toBe('person');
    expect(budget.snapshot().waiting).toEqual({ interactive: 0, background: 16 });
  });

  it('when interactive and background requests wait for the same bucket, then every interactive one goes first', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, leases, request } = tracker(budget);
    for (let i = 0; i < 5; i++) void request(`fill${i}`, 'background');
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 8; i++) void request(`bg${i}`, 'background');
    void request('person-1', 'interactive');
    void request('person-2', 'interactive');
    for (const lease of leases.values()) lease.release();

    await vi.advanceTimersByTimeAsync(20_000);
    expect(admitted.slice(5)).toEqual(['person-1', 'person-2', 'bg0', 'bg1', 'bg2']);
  });

  it('when one call record has used its own limit, then requests for other records still go', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, request } = tracker(budget);
    for (let i = 0; i < 6; i++) void request(`a${i}`, 'background', buckets.callRecord('A'));
    void request('b0', 'background', buckets.callRecord('B'));
    await vi.advanceTimersByTimeAsync(0);

    expect(admitted).toEqual(['a0', 'a1', 'a2', 'a3', 'b0']);
  });

  it('when Graph answered with Retry-After, then the request\'s buckets admit nothing until it has passed', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, leases, request } = tracker(budget);
    await request('first', 'interactive');
    leases.get('first')!.release({ retryAfterMs: 3_000 });
    void request('retry', 'interactive');

    await vi.advanceTimersByTimeAsync(2_999);
    expect(admitted).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(1);
    expect(admitted).toEqual(['first', 'retry']);
  });

  it('when a waiting request is aborted, then it rejects with the abort reason and frees its place in line', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, leases, request } = tracker(budget);
    for (let i = 0; i < 5; i++) void request(`r${i}`, 'interactive');
    await vi.advanceTimersByTimeAsync(0);
    const controller = new AbortController();
    const aborted = budget.acquire(buckets.list(), 'interactive', controller.signal);
    void request('after', 'interactive');
    controller.abort(new Error('person left'));

    await expect(aborted).rejects.toThrow('person left');
    for (const lease of leases.values()) lease.release();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(admitted.at(-1)).toBe('after');
  });

  it('when a person cannot be admitted within their wait limit, then a GraphThrottledError says when room frees up and the line moves on', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, leases, request } = tracker(budget);
    for (let i = 0; i < 5; i++) void request(`r${i}`, 'interactive');
    await vi.advanceTimersByTimeAsync(0);
    for (const lease of leases.values()) lease.release();
    await vi.advanceTimersByTimeAsync(5_000);

    const impatient = budget.acquire(buckets.list(), 'interactive', undefined, 2_000);
    const settled = expect(impatient).rejects.toMatchObject({ name: 'GraphThrottledError', retryAfterSeconds: 13 });
    void request('patient', 'interactive');
    await vi.advanceTimersByTimeAsync(2_000);
    await settled;
    expect(budget.snapshot().waiting.interactive).toBe(1);
    await vi.advanceTimersByTimeAsync(13_000);
    expect(admitted.at(-1)).toBe('patient');
  });

  it('when Graph answers 429 for one record, then only that record waits Retry-After; another record goes at once', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, leases, request } = tracker(budget);
    void request('hot', 'interactive', buckets.callRecord('a'));
    await vi.advanceTimersByTimeAsync(0);
    leases.get('hot')!.release({ status: 429, retryAfterMs: 20_000 });

    void request('other record', 'interactive', buckets.callRecord('b'));
    void request('list', 'interactive', buckets.list());
    void request('hot again', 'interactive', buckets.callRecord('a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toEqual(['hot', 'other record', 'list']);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(admitted.at(-1)).toBe('hot again');
  });

  it('when Graph answers 503, then every bucket of the request waits, the app-wide one included', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
    const { admitted, leases, request } = tracker(budget);
    void request('first', 'interactive', buckets.callRecord('a'));
    await vi.advanceTimersByTimeAsync(0);
    leases.get('first')!.release({ status: 503, retryAfterMs: 5_000 });

    void request('other record', 'interactive', buckets.callRecord('b'));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(admitted).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(1);
    expect(admitted).toEqual(['first', 'other record']);
  });

  it('when 429s keep coming for several different records, then the app-wide bucket pauses too', async () => {
    const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1, sharedPauseAfterKeys: 3 });
    const { admitted, leases, request } = tracker(budget);
    for (const id of ['a', 'b']) {
      void request(id, 'interactive', buckets.callRecord(id));
      await vi.advanceTimersByTimeAsync(0);
      leases.get(id)!.release({ status: 429, retryAfterMs: 10_000 });
    }
    void request('d', 'interactive', buckets.callRecord('d'));
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted.at(-1)).toBe('d');

    void request('c', 'interactive', buckets.callRecord('c'));
    await vi.advanceTimersByTimeAsync(0);
    leases.get('c')!.release({ status: 429, retryAfterMs: 10_000 });
    void request('e', 'interactive', buckets.callRecord('e'));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(admitted).not.toContain('e');
    await vi.advanceTimersByTimeAsync(1);
    expect(admitted.at(-1)).toBe('e');
  });

  describe('after a Retry-After pause (half-open)', () => {
    /** Trips the list bucket with a 429 and queues `names`, all background unless named 'person'. */
    async function pausedWithQueue(names: string[], retryAfterMs = 3_000) {
      const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
      const track = tracker(budget);
      await track.request('first', 'background');
      track.leases.get('first')!.release({ status: 429, retryAfterMs });
      for (const name of names) void track.request(name, name.startsWith('person') ? 'interactive' : 'background');
      return { budget, ...track };
    }

    it('when the pause ends, then only one request goes, and no other until it is answered', async () => {
      const { admitted, budget } = await pausedWithQueue(['q1', 'q2', 'q3']);

      await vi.advanceTimersByTimeAsync(3_000);
      expect(admitted).toEqual(['first', 'q1']);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(admitted).toEqual(['first', 'q1']);
      expect(budget.snapshot()).toMatchObject({ waiting: { interactive: 0, background: 2 }, inFlight: 1, pauses: 1 });
    });

    it('when the probe is answered without throttling, then the rest of the queue goes at once', async () => {
      const { admitted, leases } = await pausedWithQueue(['q1', 'q2', 'q3']);
      await vi.advanceTimersByTimeAsync(3_000);
      expect(admitted).toEqual(['first', 'q1']);

      leases.get('q1')!.release({ status: 200 });
      await vi.advanceTimersByTimeAsync(0);
      expect(admitted).toEqual(['first', 'q1', 'q2', 'q3']);
    });

    it('when the probe meets another 429, then the bucket pauses for its Retry-After and then probes with one request again', async () => {
      const { admitted, leases } = await pausedWithQueue(['q1', 'q2', 'q3']);
      await vi.advanceTimersByTimeAsync(3_000);

      leases.get('q1')!.release({ status: 429, retryAfterMs: 5_000 });
      await vi.advanceTimersByTimeAsync(4_999);
      expect(admitted).toEqual(['first', 'q1']);
      await vi.advanceTimersByTimeAsync(1);
      expect(admitted).toEqual(['first', 'q1', 'q2']);
      leases.get('q2')!.release({ status: 200 });
      await vi.advanceTimersByTimeAsync(0);
      expect(admitted).toEqual(['first', 'q1', 'q2', 'q3']);
    });

    it('when the probe gets no answer (timeout, dropped connection), then the next request probes and the queue still waits', async () => {
      const { admitted, leases } = await pausedWithQueue(['q1', 'q2', 'q3']);
      await vi.advanceTimersByTimeAsync(3_000);

      leases.get('q1')!.release();
      await vi.advanceTimersByTimeAsync(0);
      expect(admitted).toEqual(['first', 'q1', 'q2']);
    });

    it('when a person and background work wait out the pause, then the person is the probe', async () => {
      const { admitted } = await pausedWithQueue(['bg1', 'bg2', 'person']);

      await vi.advanceTimersByTimeAsync(3_000);
      expect(admitted).toEqual(['first', 'person']);
    });

    it('when another 429 arrives while the probe is in flight, then the probe\'s success does not reopen the bucket', async () => {
      const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
      const { admitted, leases, request } = tracker(budget);
      await Promise.all([request('early', 'background'), request('slow', 'background')]);
      leases.get('early')!.release({ status: 429, retryAfterMs: 1_000 });
      for (const name of ['q1', 'q2', 'q3']) void request(name, 'background');
      await vi.advanceTimersByTimeAsync(1_000);
      expect(admitted.at(-1)).toBe('q1');

      leases.get('slow')!.release({ status: 429, retryAfterMs: 1_000 });
      leases.get('q1')!.release({ status: 200 });
      await vi.advanceTimersByTimeAsync(1_000);
      expect(admitted).toEqual(['early', 'slow', 'q1', 'q2']);
    });

    it('when a 503 paused every bucket, then one request probes the app-wide bucket and a request for another record waits for its answer', async () => {
      const budget = new GraphBudget(now, { limits: tiny, backgroundShare: 1 });
      const { admitted, leases, request } = tracker(budget);
      await request('first', 'background', buckets.callRecord('a'));
      leases.get('first')!.release({ status: 503, retryAfterMs: 2_000 });
      void request('b', 'background', buckets.callRecord('b'));
      void request('c', 'background', buckets.callRecord('c'));

      await vi.advanceTimersByTimeAsync(2_000);
      expect(admitted).toEqual(['first', 'b']);
      leases.get('b')!.release({ status: 200 });
      await vi.advanceTimersByTimeAsync(0);
      expect(admitted).toEqual(['first', 'b', 'c']);
    });
  });

  it('when the background share is out of range, then construction names the option', () => {
    expect(() => new GraphBudget(now, { backgroundShare: 0 })).toThrow(/backgroundShare/);
  });
});

describe('GraphBudget at scale', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-20T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * Queues `waiters` background requests for different records behind a full app-wide bucket,
   * then counts the scheduler's steps (comparisons and room checks, through the injected
   * counter) for releasing the requests in flight and for admitting the next ones as their
   * window passes. Steps, not time: the count does not depend on the machine.
   */
  async function stepsAt(waiters: number): Promise<{ perRelease: number; perAdmission: number }> {
    let steps = 0;
    const budget = new GraphBudget(() => new Date(), { limits: { callRecords: { limit: 10, windowMs: 20_000 } }, backgroundShare: 1, countStep: () => steps++ });
    const leases: BudgetLease[] = [];
    const admitted: number[] = [];
    for (let i = 0; i < 10 + waiters; i++) {
      void budget.acquire(buckets.callRecord(`record-${i}`), 'background').then((lease) => {
        admitted.push(i);
        leases.push(lease);
      });
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toHaveLength(10);

    steps = 0;
    for (const lease of leases.splice(0)) lease.release();
    const perRelease = steps / 10;

    steps = 0;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(admitted).toHaveLength(20);
    expect(admitted.slice(10)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const perAdmission = steps / 10;
    expect(budget.snapshot().waiting.background).toBe(waiters - 10);
    return { perRelease, perAdmission };
  }

  it('when 10,000 requests wait, then a release and an admission cost about what they cost with 100 waiting', async () => {
    const small = await stepsAt(100);
    const large = await stepsAt(10_000);

    // A heap's log factor: log2(10,000) / log2(100) = 2. Re-sorting every waiter would be 100x or more.
    expect(large.perRelease).toBeLessThanOrEqual(small.perRelease * 2 + 5);
    expect(large.perAdmission).toBeLessThanOrEqual(small.perAdmission * 2 + 5);
    expect(large.perRelease + large.perAdmission).toBeLessThan(200);
  });
});

describe('GraphBudget with a shared ledger', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-20T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const now = (): Date => new Date();
  const tinyList = { listCallRecords: { limit: 5, windowMs: 20_000 } };

  /** Acquires `count` list requests on each budget and answers each at once; returns how many each got. */
  function storm(budgets: readonly GraphBudget[], count: number, refs = buckets.list) {
    const admitted = budgets.map(() => 0);
    const all = budgets.flatMap((budget, i) =>
      Array.from({ length: count }, () =>
        budget.acquire(refs(), 'background').then((lease) => {
          admitted[i]!++;
          lease.release({ status: 200 });
        }),
      ),
    );
    return { admitted, all };
  }

  it('when two instances share one ledger, then together they admit no more than one bucket\'s limit per window', async () => {
    const ledger = new MemoryBudgetLedger();
    const budgets = [0, 1].map(() => new GraphBudget(now, { limits: tinyList, backgroundShare: 1, shared: { ledger, appId: 'app', tenantId: 'tenant-a' } }));
    const { admitted } = storm(budgets, 5);

    await vi.advanceTimersByTimeAsync(0);
    expect(admitted[0]! + admitted[1]!).toBe(5);
    await vi.advanceTimersByTimeAsync(21_999);
    expect(admitted[0]! + admitted[1]!).toBe(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(admitted[0]! + admitted[1]!).toBe(10);
  });

  it('when each instance keeps its own budget, then together they admit twice the limit in one window (what the ledger prevents)', async () => {
    const budgets = [0, 1].map(() => new GraphBudget(now, { limits: tinyList, backgroundShare: 1 }));
    const { admitted } = storm(budgets, 5);

    await vi.advanceTimersByTimeAsync(0);
    expect(admitted[0]! + admitted[1]!).toBe(10);
  });

  it('when budgets of two tenants share a ledger, then the per-app bucket across tenants holds them both while each tenant\'s own buckets have room', async () => {
    const ledger = new MemoryBudgetLedger();
    const limits = { callRecordsApp: { limit: 6, windowMs: 20_000 }, listCallRecords: { limit: 5, windowMs: 20_000 } };
    const budgets = ['tenant-a', 'tenant-b'].map((tenantId) => new GraphBudget(now, { limits, backgroundShare: 1, shared: { ledger, appId: 'app', tenantId } }));
    const { admitted } = storm(budgets, 5);

    await vi.advanceTimersByTimeAsync(0);
    expect(admitted[0]! + admitted[1]!).toBe(6);
    expect(Math.min(...admitted)).toBeGreaterThanOrEqual(1);
  });

  it('when background work of two instances fills its share of the shared bucket, then a person on either instance still gets in', async () => {
    const ledger = new MemoryBudgetLedger();
    const budgets = [0, 1].map(() => new GraphBudget(now, { limits: { listCallRecords: { limit: 10, windowMs: 20_000 } }, backgroundShare: 0.8, shared: { ledger, appId: 'app', tenantId: 't' } }));
    const { admitted } = storm(budgets, 8);
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted[0]! + admitted[1]!).toBe(8);

    let person = false;
    void budgets[1]!.acquire(buckets.list(), 'interactive').then(() => (person = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(person).toBe(true);
  });

  it('when the ledger cannot be reached, then requests go on the instance\'s own budget and the failures are counted', async () => {
    const failing = { reserve: () => Promise.reject(new Error('storage down')) };
    const budget = new GraphBudget(now, { limits: tinyList, backgroundShare: 1, shared: { ledger: failing, appId: 'app', tenantId: 't' } });
    const { admitted } = storm([budget], 7);

    await vi.advanceTimersByTimeAsync(0);
    expect(admitted[0]).toBe(5);
    expect(budget.snapshot().ledgerErrors).toBe(5);
  });

  it('when a request is aborted while the ledger is asked, then it rejects and its slot is not handed to anyone', async () => {
    let answer: (value: { granted: true }) => void = () => undefined;
    const slow = { reserve: () => new Promise<{ granted: true }>((resolve) => (answer = resolve)) };
    const budget = new GraphBudget(now, { limits: tinyList, backgroundShare: 1, shared: { ledger: slow, appId: 'app', tenantId: 't' } });
    const controller = new AbortController();
    const waiting = budget.acquire(buckets.list(), 'interactive', controller.signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(budget.snapshot().reserving).toBe(1);

    controller.abort(new Error('person left'));
    await expect(waiting).rejects.toThrow('person left');
    answer({ granted: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(budget.snapshot()).toMatchObject({ reserving: 0, inFlight: 0, waiting: { interactive: 0, background: 0 } });
  });

  it('when a request is aborted while the ledger is asked and the ledger then says no, then nothing breaks and the budget is idle', async () => {
    let answer: (value: { granted: false; key: string; retryAt: Date }) => void = () => undefined;
    const slow = { reserve: () => new Promise<{ granted: false; key: string; retryAt: Date }>((resolve) => (answer = resolve)) };
    const budget = new GraphBudget(now, { limits: tinyList, backgroundShare: 1, shared: { ledger: slow, appId: 'app', tenantId: 't' } });
    const controller = new AbortController();
    const waiting = budget.acquire(buckets.callRecord('c'), 'interactive', controller.signal);
    await vi.advanceTimersByTimeAsync(0);

    controller.abort(new Error('person left'));
    await expect(waiting).rejects.toThrow('person left');
    answer({ granted: false, key: 'app|t|callRecord:c', retryAt: new Date(Date.now() + 5_000) });
    await vi.advanceTimersByTimeAsync(0);
    expect(budget.snapshot()).toMatchObject({ reserving: 0, inFlight: 0, waiting: { interactive: 0, background: 0 } });
  });
});
