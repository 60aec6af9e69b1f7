// The tab in headless Debian chromium: from navigation start to the segment list of a
// 250-session meeting being on screen (`detailRenderMs`), and the gzip size of the JavaScript the
// first load needs (`initialJsGzipBytes`). Demo mode serves the meeting as a records folder
// (`npm start -- --records DIR --no-playground`), as a user would run it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { childEnvironment } from '../server/config/index.js';
import { startProcess } from '../server/demo/managedProcess.js';
import { launchChromium } from '../test/support/chromium.js';
import { freePort } from '../test/support/ports.js';
import { percentile, type BenchOptions, type Figures } from './support/registry.js';
import { ALICE, meeting } from './support/records.js';

export const name = 'tab: a 250-session meeting segment by segment, in headless chromium';
export const key = 'tab';

const repoRoot = new URL('..', import.meta.url).pathname;

export async function run(log: (line: string) => void, options: BenchOptions = { quick: false }): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'call-doctor-bench-tab-'));
  const recordsDir = join(dir, 'records');
  mkdirSync(recordsDir);
  const record = meeting(250);
  writeFileSync(join(recordsDir, 'meeting-250.json'), JSON.stringify(record));
  const port = await freePort();
  const demo = startProcess({
    name: 'npm start --records',
    command: 'npm',
    args: ['start', '--', '--records', recordsDir, '--no-playground', '--port', String(port)],
    cwd: repoRoot,
    env: childEnvironment({ EMULATOR_PORT: String(await freePort()), SQLITE_PATH: join(dir, 'demo.sqlite'), LOG_LEVEL: 'warn' }),
  });
  const browser = await launchChromium();
  try {
    await demo.waitForLine(/Press Ctrl\+C to stop/, 170_000);
    const base = `http://127.0.0.1:${port}`;
    const url = `${base}/tab/?as=${ALICE.id}#/calls/${String(record.id)}`;
    const renders: number[] = [];
    let initialJsGzipBytes = 0;
    const loads = options.quick ? 1 : 5;
    for (let i = 0; i <= loads; i++) {
      // A new page each time, with the HTTP cache cleared: each load is a first visit. The first is a warm-up.
      const page = await browser.context.newPage();
      const client = await browser.context.newCDPSession(page);
      await client.send('Network.clearBrowserCache');
      const scripts: Promise<number>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length, () => 0));
      });
      await page.goto(url);
      await page.locator('article[data-session]').first().waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
        throw new Error(`the call detail did not show; the page said: ${(await page.locator('body').innerText()).slice(0, 400)}`, { cause: error });
      });
      await page.getByRole('heading', { name: /Everyone else's legs/ }).waitFor({ timeout: 60_000 });
      const visibleAt = await page.evaluate(() => performance.now());
      if (i > 0) renders.push(visibleAt);
      initialJsGzipBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      await page.close();
    }
    const figures: Figures = { detailRenderMs: percentile(renders, 0.5), detailRenderMaxMs: Math.max(...renders), initialJsGzipBytes, sessions: (record.sessions as unknown[]).length };
    log(`segment list of a ${figures.sessions}-session meeting visible ${figures.detailRenderMs!.toFixed(0)} ms after navigation start (median of ${renders.length}; worst ${figures.detailRenderMaxMs!.toFixed(0)} ms); first load's JavaScript ${(initialJsGzipBytes / 1024).toFixed(0)} KiB gzipped`);
    return figures;
  } finally {
    await browser.close();
    await demo.stop(15_000);
    rmSync(dir, { recursive: true, force: true });
  }
}
