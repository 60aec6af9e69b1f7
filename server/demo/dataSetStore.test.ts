import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aCallSummary } from '../../graph/testing/index.js';
import { createSqliteStore } from '../store/sqlite/createSqliteStore.js';
import { demoDataSetStore } from './dataSetStore.js';

const now = () => new Date('2026-11-29T12:00:00Z');
const USER = 'a11ce000-0000-4000-8000-000000000001';

describe('demo data-set store', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'call-doctor-dataset-'));
    dirs.push(dir);
    return dir;
  };
  const recordsFolder = (root: string, name: string, files: Record<string, string>) => {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  };
  const demo = (recordsDir: string | undefined, seed = 42) => ({ emulatorPort: 0, seed, playground: false, playgroundPort: 0, recordsDir, liveSeconds: 0 });
  const lastCall = async (path: string) => {
    const store = createSqliteStore({ path, now });
    try {
      return (await store.graph.index.recent(USER, { since: new Date(0) })).map((c) => c.id);
    } finally {
      store.close();
    }
  };
  const index = async (path: string, callId: string) => {
    const store = createSqliteStore({ path, now });
    await store.graph.index.upsert(USER, [aCallSummary({ id: callId })]);
    store.close();
  };

  it('when a demo serves another records folder, then its store does not show the earlier folder\'s calls', async () => {
    const root = tempDir();
    const base = { kind: 'sqlite' as const, path: join(root, 'data', 'call-doctor.sqlite') };
    const first = demoDataSetStore(base, demo(recordsFolder(root, 'a', { 'a.json': '{"id":"a"}' })), root);
    await index(first.kind === 'sqlite' ? first.path : '', 'call-from-folder-a');

    const second = demoDataSetStore(base, demo(recordsFolder(root, 'b', { 'b.json': '{"id":"b"}' })), root);
    expect(second).not.toEqual(first);
    expect(await lastCall(second.kind === 'sqlite' ? second.path : '')).toEqual([]);
    // The same folder, unchanged, keeps its warm store.
    expect(demoDataSetStore(base, demo(join(root, 'a')), root)).toEqual(first);
  });

  it('when a records folder\'s files change, then it gets a new store', () => {
    const root = tempDir();
    const base = { kind: 'sqlite' as const, path: join(root, 'store.sqlite') };
    const folder = recordsFolder(root, 'a', { 'a.json': '{"id":"a"}' });
    const before = demoDataSetStore(base, demo(folder), root);
    writeFileSync(join(folder, 'c.json'), '{"id":"c"}');

    expect(demoDataSetStore(base, demo(folder), root)).not.toEqual(before);
  });

  it('when a generated tenant is served, then its store starts empty each run (the tenant is generated anew for the clock)', async () => {
    const root = tempDir();
    const base = { kind: 'sqlite' as const, path: join(root, 'store.sqlite') };
    const first = demoDataSetStore(base, demo(undefined, 42), root);
    const path = first.kind === 'sqlite' ? first.path : '';
    await index(path, 'call-from-an-earlier-run');

    const again = demoDataSetStore(base, demo(undefined, 42), root);
    expect(again).toEqual(first);
    expect(await lastCall(path)).toEqual([]);
    expect(existsSync(base.path)).toBe(false);
  });

  it('when the store is not a SQLite file, then it is left as configured', () => {
    const azure = { kind: 'azure' as const, connectionString: 'UseDevelopmentStorage=true', alertsQueue: 'calldoctor-alerts' };
    expect(demoDataSetStore(azure, demo(undefined), '/')).toBe(azure);
    expect(demoDataSetStore({ kind: 'sqlite', path: ':memory:' }, demo(undefined), '/')).toEqual({ kind: 'sqlite', path: ':memory:' });
  });
});
