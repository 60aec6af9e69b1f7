// Builds the tab UI with vite (the deploy step `npm run build`, and demo mode when the build is
// missing or older than its sources). vite is loaded only when a build runs, so production never
// needs it at run time.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the sources and the build live, relative to the repository root. */
export function tabPaths(repoRoot: string) {
  return {
    root: resolve(repoRoot, 'tab/ui'),
    distDir: resolve(repoRoot, 'dist/tab'),
    /** Everything the bundle is made of: a change to any of these makes the build stale. */
    sources: ['tab/ui', 'tab/api/contract.ts', 'diagnosis', 'bot/cards/wording.ts', 'package-lock.json'].map((p) => resolve(repoRoot, p)),
  };
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function tabBuildIsStale(repoRoot: string): boolean {
  const { distDir, sources } = tabPaths(repoRoot);
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}

/**
 * Builds into a fresh directory and swaps it in, so two processes starting at once (demo mode and
 * a test run on a clean checkout) never empty the folder the other is writing or serving.
 */
export async function buildTab(repoRoot: string, options: { readonly quiet?: boolean } = {}): Promise<void> {
  const { root, distDir } = tabPaths(repoRoot);
  const unique = `${process.pid}-${Date.now().toString(36)}`;
  const building = `${distDir}.building-${unique}`;
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  try {
    await build({
      configFile: false,
      root,
      base: '/tab/',
      logLevel: options.quiet ? 'warn' : 'info',
      plugins: [react()],
      build: { outDir: building, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
    });
    const retired = `${distDir}.old-${unique}`;
    if (existsSync(distDir)) renameSync(distDir, retired);
    try {
      renameSync(building, distDir);
    } catch (error) {
      // Another build swapped its (equally fresh) output in between: keep theirs.
      if (!existsSync(join(distDir, 'index.html'))) throw error;
    }
    rmSync(retired, { recursive: true, force: true });
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** Demo mode: build when missing or stale; returns whether it built. */
export async function ensureTabBuilt(repoRoot: string, print: (line: string) => void): Promise<boolean> {
  if (!tabBuildIsStale(repoRoot)) return false;
  print('Building the tab (vite; the build is missing or older than its sources)...');
  await buildTab(repoRoot, { quiet: true });
  return true;
}
