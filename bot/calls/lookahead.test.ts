import { describe, expect, it } from 'vitest';
import { loadAhead } from './lookahead.js';

function controlledLoads() {
  const started: number[] = [];
  const finish = new Map<number, (value: string) => void>();
  const fail = new Map<number, (error: Error) => void>();
  const load = (n: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(n);
      finish.set(n, resolve);
      fail.set(n, reject);
    });
  return { started, finish, fail, load };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('loadAhead', () => {
  it('when the first record is slow, then the next ones are already being fetched, and results still come out in order', async () => {
    const { started, finish, load } = controlledLoads();
    const seen: string[] = [];
    const consuming = (async () => {
      for await (const [, value] of loadAhead([1, 2, 3, 4, 5, 6, 7], load, 3)) seen.push(value);
    })();
    await tick();
    expect(started).toEqual([1, 2, 3]);
    finish.get(3)!('three');
    finish.get(2)!('two');
    await tick();
    expect(seen).toEqual([]);
    finish.get(1)!('one');
    await tick();
    expect(seen).toEqual(['one', 'two', 'three']);
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
    for (const n of [4, 5, 6]) finish.get(n)!(String(n));
    await tick();
    finish.get(7)!('7');
    await consuming;
    expect(seen).toEqual(['one', 'two', 'three', '4', '5', '6', '7']);
  });

  it('when the consumer stops at a match, then no more than the look-ahead was started, and a later failure is not unhandled', async () => {
    const { started, finish, fail, load } = controlledLoads();
    const consuming = (async () => {
      for await (const [item] of loadAhead([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], load, 3)) if (item === 1) return item;
      return undefined;
    })();
    await tick();
    finish.get(1)!('one');
    expect(await consuming).toBe(1);
    expect(started.length).toBeLessThanOrEqual(3);
    fail.get(2)!(new Error('Graph 503'));
    await tick();
  });

  it('when a fetch fails, then the error surfaces at its place in the order', async () => {
    const { finish, fail, load } = controlledLoads();
    const seen: string[] = [];
    const consuming = (async () => {
      for await (const [, value] of loadAhead([1, 2, 3], load, 3)) seen.push(value);
    })();
    await tick();
    fail.get(2)!(new Error('Graph 503'));
    finish.get(1)!('one');
    await expect(consuming).rejects.toThrow('Graph 503');
    expect(seen).toEqual(['one']);
  });
});
