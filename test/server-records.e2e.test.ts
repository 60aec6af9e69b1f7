// `npm start -- --records DIR` as a user runs it: demo mode serves call records exported from a
// real tenant (here Microsoft's documentation example, which nobody on this project wrote) instead
// of generated data, on the port and tenant given, without the Playground; a question posted to the
// bot endpoint is answered about that record.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/ports.js';
import { buttons, visibleText } from '../bot/testing/cardReading.js';
import { VERDICTS } from '../bot/cards/wording.js';
import { diagnoseCall, parseCallRecord } from '../diagnosis/index.js';
import { childEnvironment } from '../server/config/index.js';
import { startProcess, type ManagedProcess } from '../server/demo/managedProcess.js';
import { graphExamplesDir, repoRoot } from './support/reference.js';

const EXAMPLE = 'get-callrecord-expand-sessions-segments.v1.0.json';
// The example record's organizer and tenant, as the documentation gives them.
const ABBIE = { id: '821809f5-0000-0000-0000-3b5136c0e777', name: 'Abbie Wilkins' };
const TENANT = 'dc368399-474c-4d40-900c-6265431fd81f';

type Reply = { type: string; text?: string; attachments?: { contentType?: string; content?: unknown }[] };

let demo: ManagedProcess;
let output: string[];
let dir: string;
let botEndpoint: string;
let port: number;
const record = JSON.parse(readFileSync(join(graphExamplesDir, EXAMPLE), 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'call-doctor-records-'));
  const recordsDir = join(dir, 'records');
  mkdirSync(recordsDir);
  copyFileSync(join(graphExamplesDir, EXAMPLE), join(recordsDir, EXAMPLE));
  output = [];
  port = await freePort();
  demo = startProcess({
    name: 'npm start --records',
    command: 'npm',
    args: ['start', '--', '--records', recordsDir, '--no-playground', '--port', String(port), '--tenant', TENANT],
    cwd: repoRoot,
    env: childEnvironment({ EMULATOR_PORT: String(await freePort()), SQLITE_PATH: join(dir, 'demo.sqlite'), LOG_LEVEL: 'warn' }),
    onLine: (line) => output.push(line),
  });
  // Both watched from the start: the banner's lines arrive in one burst.
  const endpoint = demo.waitForLine(/Bot endpoint:\s+(http:\/\/\S+)/, 100_000);
  const ready = demo.waitForLine(/Press Ctrl\+C to stop/, 100_000);
  const [match] = await Promise.all([endpoint, ready]);
  botEndpoint = match[1]!;
}, 120_000);

afterAll(async () => {
  await demo?.stop(15_000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start -- --records DIR --no-playground --port N --tenant ID', () => {
  it('when started, then it serves the records on the given port and says it runs no Playground', () => {
    const text = output.join('\n');
    expect(new URL(botEndpoint).port).toBe(String(port));
    expect(text).toMatch(/serving .*records/);
    expect(text).toMatch(/No Playground \(--records\)/);
    expect(text).not.toMatch(/Chat here:/);
  });

  it("when the record's organizer asks why her last call dropped, then the card diagnoses that call: its verdict, its time and its id", async () => {
    const parsed = parseCallRecord(record);
    if (!parsed.ok) throw new Error(parsed.problem);
    const expected = diagnoseCall(parsed.record, ABBIE.id);
    const start = new Date(String(record.startDateTime));

    // The server listens on loopback (anonymous bot), whatever name the banner prints.
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'records-1',
        channelId: 'msteams',
        // Replies come back in the response (expectReplies), so nothing is ever posted here.
        serviceUrl: 'http://127.0.0.1:9/',
        deliveryMode: 'expectReplies',
        from: { id: `29:${ABBIE.id}`, name: ABBIE.name, aadObjectId: ABBIE.id },
        recipient: { id: '28:call-doctor', name: 'Call Doctor' },
        conversation: { id: `a:personal-${ABBIE.id}`, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        locale: 'en-US',
        text: 'why did my last call drop',
      }),
    });

    expect(response.status).toBe(200);
    const replies = ((await response.json()) as { activities: Reply[] }).activities;
    const card = replies.find((r) => r.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'));
    expect(card, JSON.stringify(replies).slice(0, 500)).toBeDefined();
    const text = visibleText(card!);
    expect(text).toContain(VERDICTS[expected.verdict].label);
    expect(text).toContain(expected.summary);
    // The user's time zone is unknown, so the card shows the start in UTC.
    const hour = start.getUTCHours() % 12 || 12;
    const minutes = String(start.getUTCMinutes()).padStart(2, '0');
    expect(text).toMatch(new RegExp(`When: .*\\b${hour}:${minutes}\\s?${start.getUTCHours() < 12 ? 'AM' : 'PM'}`));
    expect(buttons(card!).find((b) => b.title === 'Show segments')!.url).toContain(`/calls/${encodeURIComponent(String(record.id))}`);
  });

  it("when the record's organizer signs in to the tab (demo sign-in), then her token is accepted and her call is listed", async () => {
    const base = `http://127.0.0.1:${port}`;
    const users = (await (await fetch(`${base}/api/demo/users`)).json()) as { users: { id: string; displayName: string }[] };
    expect(users.users).toContainEqual(expect.objectContaining({ id: ABBIE.id, displayName: ABBIE.name }));
    const issued = await fetch(`${base}/api/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: ABBIE.id }) });
    const { token } = (await issued.json()) as { token: string };

    // The emulator issued the token on the demo clock; the server checks it on the same clock.
    const calls = await fetch(`${base}/api/calls`, { headers: { authorization: `Bearer ${token}` } });
    expect(calls.status).toBe(200);
    expect(((await calls.json()) as { calls: { id: string }[] }).calls.map((c) => c.id)).toContain(String(record.id));
  });
});
