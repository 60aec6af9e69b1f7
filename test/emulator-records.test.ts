// --records DIR: documentation examples are served back unchanged apart from paging and context
// annotations (which carry the emulator's own host), in process and through the command line.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_TENANT_ID } from '../emulator/index.js';
import { graphGet } from '../emulator/testing/graphFetch.js';
import { graphExamplesDir } from '../emulator/testing/reference.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;

/** Drops OData control annotations (context and next links), keeping @odata.type and key order. */
function withoutControlAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutControlAnnotations);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !/@odata\.(context|nextLink)$/.test(k)).map(([k, v]) => [k, withoutControlAnnotations(v)]));
}

const example = (name: string): Json => JSON.parse(readFileSync(join(graphExamplesDir, name), 'utf8')) as Json;

function recordsDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-records-'));
  for (const [name, json] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(json));
  return dir;
}

describe('emulator --records with documentation examples', () => {
  let emulator: EmulatorHandle | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it.each([
    ['get-callrecord-expand-sessions-segments.v1.0.json', '?$expand=sessions($expand=segments)'],
    ['get-callrecord-expand-participants_v2.v1.0.json', '?$expand=participants_v2'],
    ['get-callrecord.v1.0.json', ''],
  ])('when %s is served, then GET%s returns it unchanged apart from annotations', async (file, query) => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-records-'));
    copyFileSync(join(graphExamplesDir, file), join(dir, file));
    emulator = await startEmulator({ recordsDir: dir, throttle: false });
    const original = example(file);
    const served = await graphGet<Json>(emulator, `/v1.0/communications/callRecords/${String(original.id)}${query}`);
    expect(served.status).toBe(200);
    expect(JSON.stringify(withoutControlAnnotations(served.body))).toBe(JSON.stringify(withoutControlAnnotations(original)));
    // The documentation's placeholder nextLink was dropped: the one session is all there is.
    expect(served.body['sessions@odata.nextLink']).toBeUndefined();
    expect(served.body['@odata.context']).toBe(`${emulator.baseUrl}/v1.0/$metadata#${String(original['@odata.context']).split('#')[1]}`);
  });

  it('when the list example is split into one file per record, then the list serves the same records unchanged', async () => {
    const list = example('list-callrecords.v1.0.json');
    const values = list.value as Json[];
    emulator = await startEmulator({ recordsDir: recordsDir(Object.fromEntries(values.map((v, i) => [`${i}.json`, v]))), throttle: false });
    const served = await graphGet<{ value: Json[] }>(emulator, '/v1.0/communications/callRecords');
    expect(JSON.stringify(withoutControlAnnotations(served.body.value))).toBe(JSON.stringify(withoutControlAnnotations(values)));
    const filtered = await graphGet<{ value: Json[] }>(emulator, `/v1.0/communications/callRecords?$filter=${encodeURIComponent('startDateTime ge 2023-09-25T09:25:00Z and startDateTime lt 2023-09-25T09:30:00Z')}`);
    expect(filtered.body.value.map((r) => r.id)).toEqual(['3cf3bbc8-b21d-4f2e-bfd0-b13603ae6c65']);
  });

  it('when a file is not valid JSON or not a call record, then starting fails with a message naming the file', async () => {
    const dir = recordsDir({ 'a.json': { id: 'x' } });
    writeFileSync(join(dir, 'b.json'), '{ not json');
    await expect(startEmulator({ recordsDir: dir })).rejects.toThrow(/b\.json/);
    await expect(startEmulator({ recordsDir: recordsDir({ 'a.json': { id: 'x' } }) })).rejects.toThrow(/a\.json: .*startDateTime/);
  });
});

describe('emulator command line', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

  function run(args: string[]): { exited: Promise<number>; stdout: () => string; stderr: () => string; kill: (signal: NodeJS.Signals) => void } {
    const child = spawn(tsx, ['emulator/main.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
    return { exited, stdout: () => out, stderr: () => err, kill: (s) => void child.kill(s) };
  }

  it('when started with --records and --port 0, then it prints its base URL and the certificate to trust, serves the record, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    copyFileSync(join(graphExamplesDir, 'get-callrecord-expand-sessions-segments.v1.0.json'), join(dir, 'record.json'));
    const tlsDir = inject('emulatorTlsDir');
    const cli = run(['--port', '0', '--records', dir, '--tls-dir', tlsDir, '--no-throttle']);
    try {
      await expect.poll(() => /listening on (https:\/\/localhost:\d+)/.exec(cli.stdout())?.[1], { timeout: 20_000, interval: 100 }).toBeDefined();
      const baseUrl = /listening on (https:\/\/localhost:\d+)/.exec(cli.stdout())![1]!;
      expect(cli.stdout()).toContain('NOT FOR PRODUCTION');
      expect(cli.stdout()).toContain(`NODE_EXTRA_CA_CERTS=${join(tlsDir, 'emulator-cert.pem')}`);
      const tokenResponse = await fetch(`${baseUrl}/${DEFAULT_TENANT_ID}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, scope: 'https://graph.microsoft.com/.default' }),
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const record = await fetch(`${baseUrl}/v1.0/communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5`, { headers: { authorization: `Bearer ${token}` } });
      expect(record.status).toBe(200);
    } finally {
      cli.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });

  it('when an option is invalid, then it exits with 2 and names the option', async () => {
    const cli = run(['--port', 'abc']);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain('--port');
  });

  it('when --dump is given, then it writes records, ground truth and users and exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-dump-'));
    const cli = run(['--dump', dir, '--seed', '4', '--now', '2026-11-29T15:00:00Z']);
    expect(await cli.exited).toBe(0);
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as { callId: string }[];
    expect(truth.length).toBeGreaterThan(300);
    const first = JSON.parse(readFileSync(join(dir, 'records', `${truth[0]!.callId}.json`), 'utf8')) as Json;
    expect(first.id).toBe(truth[0]!.callId);
  });
});
