// Demo mode gives each data set its own SQLite file, so "your last call" never comes from another
// records folder or an earlier generated tenant. A records folder keeps its store while its files
// stay the same (the cache stays warm across runs); a generated tenant is generated anew around
// the clock of each run, so its store starts empty every time.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { DemoSettings, StoreSettings } from '../config/index.js';

export function demoDataSetStore(store: StoreSettings, demo: DemoSettings, cwd: string): StoreSettings {
  if (store.kind !== 'sqlite' || store.path === ':memory:') return store;
  const dataSet = demo.recordsDir === undefined ? `seed-${demo.seed}` : `records-${folderFingerprint(resolve(cwd, demo.recordsDir))}`;
  const ext = extname(store.path);
  const path = `${store.path.slice(0, store.path.length - ext.length)}.${dataSet}${ext}`;
  if (demo.recordsDir === undefined) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  return { ...store, path };
}

/** The folder's path and its files' names, sizes and modification times: a changed file is another data set. */
function folderFingerprint(dir: string): string {
  const hash = createHash('sha256').update(dir);
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    // A missing folder is the emulator's to report; the path alone names the data set.
  }
  for (const name of names) {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) hash.update(`\n${name}\t${stat.size}\t${stat.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 12);
}
