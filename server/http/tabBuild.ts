// Builds the tab UI with vite (the deploy step `npm run build`, and demo mode when the build is
// missing or older than its sources). vite is loaded only when a build runs, so production never
// needs it at run time.
import { existsSync, readdirSync, statSync } from 'node:fs';
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

export async function buildTab(repoRoot: string, options: { readonly quiet?: boolean } = {}): Promise<void> {
  const { root, distDir } = tabPaths(repoRoot);
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    configFile: false,
    root,
    base: '/tab/',
    logLevel: options.quiet ? 'warn' : 'info',
    plugins: [react()],
    build: { outDir: distDir, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
  });
}

/** Demo mode: build when missing or stale; returns whether it built. */
export async function ensureTabBuilt(repoRoot: string, print: (line: string) => void): Promise<boolean> {
  if (!tabBuildIsStale(repoRoot)) return false;
  print('Building the tab (vite; the build is missing or older than its sources)...');
  await buildTab(repoRoot, { quiet: true });
  return true;
}
