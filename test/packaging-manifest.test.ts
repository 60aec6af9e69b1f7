// `npm run package` end to end: the repository's own appPackage/ built into a zip offline (fetch
// throws), read back, and broken copies of it refused with a message naming what is wrong.
import AdmZip from 'adm-zip';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INTENTS, matchIntent } from '../bot/intents/router.js';
import { buildAppPackage, PackagingError } from '../scripts/package/buildPackage.js';
import { colorIconProblems, outlineIconProblems } from '../scripts/package/iconChecks.js';
import { offlineFetch, pngOf } from '../scripts/package/testing.js';

const repo = join(import.meta.dirname, '..');
const HOST = 'calldoctor-test.azurewebsites.net';
const ENV = [
  'TEAMS_APP_ID=11111111-2222-4333-8444-555555555555',
  'BOT_ID=22222222-2222-4333-8444-555555555555',
  'TAB_CLIENT_ID=33333333-2222-4333-8444-555555555555',
  `TAB_DOMAIN=${HOST}`,
  `TAB_ENDPOINT=https://${HOST}`,
  'DEVELOPER_NAME=Contoso IT',
  'PRIVACY_URL=https://contoso.example/privacy',
  'TERMS_OF_USE_URL=https://contoso.example/terms',
].join('\n');

/** The parts of the manifest these tests read or break. */
interface TestManifest {
  developer?: unknown;
  authorization?: unknown;
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { commands: { title: string }[] }[] }[];
  staticTabs: { entityId: string; contentUrl?: string }[];
  configurableTabs: { configurationUrl: string }[];
  webApplicationInfo: unknown;
  validDomains: string[];
}

/** A scratch project: the repository's appPackage/ and an env/.env.test, to break at will. */
function project(env = ENV): string {
  const root = mkdtempSync(join(tmpdir(), 'call-doctor-package-'));
  cpSync(join(repo, 'appPackage'), join(root, 'appPackage'), { recursive: true, filter: (src) => !src.includes(`${join('appPackage', 'build')}`) });
  cpSync(join(repo, 'env'), join(root, 'env'), { recursive: true });
  writeFileSync(join(root, 'env', '.env.test'), `${env}\n`);
  return root;
}

function editManifest(root: string, edit: (m: TestManifest) => void): void {
  const file = join(root, 'appPackage', 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as TestManifest;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

async function problemsOf(root: string): Promise<readonly string[]> {
  const error = await buildAppPackage({ root, env: 'test' }).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof PackagingError)) throw new Error(`expected a PackagingError, got ${String(error)}`);
  return error.problems;
}

describe('npm run package', () => {
  beforeEach(() => vi.stubGlobal('fetch', offlineFetch));
  afterEach(() => vi.unstubAllGlobals());

  it('when the env has every value, then the zip holds the substituted manifest, both icons and the en-us strings at its root', async () => {
    const root = project();
    const built = await buildAppPackage({ root, env: 'test' });
    expect(built.zipPath).toBe(join(root, 'appPackage', 'build', 'appPackage.test.zip'));
    const zip = new AdmZip(built.zipPath);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as TestManifest;
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.bots[0]?.botId).toBe('22222222-2222-4333-8444-555555555555');
    expect(manifest.staticTabs[0]).toMatchObject({ entityId: 'calls', contentUrl: `https://${HOST}/tab/#/calls` });
    expect(manifest.configurableTabs[0]?.configurationUrl).toBe(`https://${HOST}/tab/#/config`);
    expect(manifest.webApplicationInfo).toEqual({ id: '33333333-2222-4333-8444-555555555555', resource: `api://${HOST}/33333333-2222-4333-8444-555555555555` });
    expect(manifest.validDomains).toEqual([HOST]);
    expect(colorIconProblems(zip.readFile('color.png') as Buffer)).toEqual([]);
    expect(outlineIconProblems(zip.readFile('outline.png') as Buffer)).toEqual([]);
  });

  it('has the bot in personal, team and group chats, without files, beside a chat and an about tab', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'appPackage', 'manifest.json'), 'utf8')) as TestManifest;
    expect(manifest.bots[0]).toMatchObject({ scopes: ['personal', 'team', 'groupChat'], supportsFiles: false });
    expect(manifest.staticTabs.map((t) => t.entityId)).toEqual(['calls', 'conversations', 'about']);
    expect(manifest.authorization).toBeUndefined(); // no resource-specific consent is needed
  });

  it('lists commands the bot router understands, one for each thing it can answer', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'appPackage', 'manifest.json'), 'utf8')) as TestManifest;
    const titles: string[] = (manifest.bots[0]?.commandLists ?? []).flatMap((l) => l.commands.map((c) => c.title));
    const answered = titles.map((title) => matchIntent(title)?.name);
    expect(answered, 'every command title must reach an intent').not.toContain(undefined);
    const expected = INTENTS.map((i) => i.name).filter((name) => name !== 'thanks');
    expect(new Set(answered)).toEqual(new Set(expected));
  });

  it('when a required field is missing, then the schema error names it', async () => {
    const root = project();
    editManifest(root, (m) => delete m.developer);
    expect(await problemsOf(root)).toContain('manifest.json: must have required property \'developer\'. Details: {"missingProperty":"developer"}');
  });

  it('when the colour icon is the wrong size, then packaging stops naming the size', async () => {
    const root = project();
    writeFileSync(join(root, 'appPackage', 'color.png'), pngOf(96, 96, () => [15, 138, 140, 255]));
    expect(await problemsOf(root)).toEqual(['color.png must be 192x192, got 96x96']);
  });

  it('when a placeholder has no value, then packaging stops naming the variable and the env file', async () => {
    const root = project(ENV.replace(/^BOT_ID=.*$/m, 'BOT_ID='));
    expect(await problemsOf(root)).toEqual([`manifest.json uses \${{BOT_ID}}, which has no value in ${join(root, 'env', '.env.test')}`]);
  });

  it('when a tab URL is outside validDomains, then the tab is named', async () => {
    const root = project();
    editManifest(root, (m) => (m.staticTabs[0]!.contentUrl = 'https://elsewhere.example.net/tab/#/calls'));
    expect(await problemsOf(root)).toEqual([`manifest.json /staticTabs[0].contentUrl host elsewhere.example.net is not in validDomains ["${HOST}"]`]);
  });

  it('when the committed env/.env.dev is used before provisioning, then the CLI exits 1 naming what provision has not written yet', async () => {
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/package/main.ts', '--env', 'dev'], { cwd: repo }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'TAB_ENDPOINT', 'TAB_CLIENT_ID']) expect(result.stderr).toContain(`\${{${name}}}`);
  });
});
