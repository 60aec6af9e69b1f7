// Issue #14 in a real browser: `npm start` in demo mode and headless Debian chromium through
// playwright-core (as test/tab-browser.e2e.test.ts). The demo user's Phone view lists their calls
// and a failed one opens into the bot's explanation; a helpdesk user's Phone helpdesk page draws
// the busy trunk's calls-over-time chart. axe runs on both pages. Screenshots go to
// reports/tab-browser/ (not committed).
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment } from '../server/config/index.js';
import { startProcess, type ManagedProcess } from '../server/demo/managedProcess.js';
import type { DemoUser, MyPhoneResponse } from '../tab/api/contract.js';
import { ensureChromium, launchChromium, type LaunchedChromium } from './support/chromium.js';
import { freePort } from './support/ports.js';

const repoRoot = new URL('..', import.meta.url).pathname;
const reports = join(repoRoot, 'reports', 'tab-browser');

let demo: ManagedProcess;
let dir: string;
let base: string;
let browser: LaunchedChromium;
let page: Page;
let users: DemoUser[];

async function apiAs<T>(userId: string, path: string): Promise<T> {
  const token = ((await (await fetch(`${base}/api/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: userId }) })).json()) as { token: string }).token;
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function signInAs(user: DemoUser): Promise<void> {
  await page.goto(`${base}/tab/#/signin`);
  await page.locator(`[data-user="${user.id}"]`).click();
  await page.getByRole('heading', { name: 'My calls' }).waitFor();
}

/**
 * axe on the page, less Tabster's focus sentinels: react-charts wraps each chart in a focus zone
 * whose <i data-tabster-dummy> guards are aria-hidden yet focusable by design (they move focus on,
 * never hold it), which axe's aria-hidden-focus flags once the chart has settled.
 */
async function expectAccessible(): Promise<void> {
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(reports, { recursive: true });
  ensureChromium((line) => process.stdout.write(`${line}\n`));
  dir = mkdtempSync(join(tmpdir(), 'call-doctor-phone-e2e-'));
  demo = startProcess({
    name: 'npm start',
    command: 'npm',
    args: ['start', '--', '--no-playground'],
    cwd: repoRoot,
    env: childEnvironment({ EMULATOR_PORT: String(await freePort()), PORT: String(await freePort()), SQLITE_PATH: join(dir, 'demo.sqlite'), LOG_LEVEL: 'warn', DEMO_LIVE_SECONDS: '0' }),
    onLine: () => {},
  });
  base = (await demo.waitForLine(/Tab:\s+(http:\/\/localhost:\d+)\/tab\//, 170_000))[1]!.replace('localhost', '127.0.0.1');
  users = (await (await fetch(`${base}/api/demo/users`)).json() as { users: DemoUser[] }).users;
  browser = await launchChromium();
  page = await browser.context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop(15_000);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the Phone pages in headless chromium (demo mode)', { timeout: 120_000 }, () => {
  it("when the demo user opens Phone, then their failed Direct Routing call opens into the bot's explanation", async () => {
    const demoUser = users.find((u) => u.demoUser)!;
    const view = await apiAs<MyPhoneResponse>(demoUser.id, '/api/me/phone?days=7');
    const failed = view.calls.find((c) => c.route === 'directRouting' && c.outcome === 'failed')!;
    expect(failed).toBeTruthy();
    await signInAs(demoUser);
    await page.evaluate(`window.location.hash = '#/phone'`);
    const row = page.locator(`[data-phone-call="${failed.id}"]`);
    await row.waitFor();
    expect(await page.locator('[data-phone-call]').count()).toBe(view.calls.length);
    await row.getByRole('button').click();
    await row.getByText(failed.summary).waitFor();
    expect(await row.textContent()).toContain('Trunk (SBC)');
    await expectAccessible();
    await page.screenshot({ path: join(reports, 'phone.png'), fullPage: true });
  });

  it('when a helpdesk user opens Phone helpdesk, then the busy trunk is charted with bars for its calls over time', async () => {
    const helpdesk = users.find((u) => u.helpdesk)!;
    await signInAs(helpdesk);
    await page.evaluate(`window.location.hash = '#/helpdesk/phone'`);
    const chart = page.locator('figure[data-chart="trunk:sbc2.contoso.com"]');
    await chart.waitFor({ timeout: 30_000 });
    await expect.poll(() => chart.locator('svg rect').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await page.getByRole('table', { name: 'Trunks' }).textContent()).toContain('sbc2.contoso.com');
    await expectAccessible();
    await page.screenshot({ path: join(reports, 'phone-helpdesk.png'), fullPage: true });
  });
});
