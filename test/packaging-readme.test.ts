// The README's "Deploy to your tenant" must name only files, commands and variables that exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBicepParser, type BicepFile } from '../scripts/package/bicepSyntax.js';
import { parseEnvText } from '../scripts/package/envFile.js';
import { serverVariableNames } from '../scripts/package/validateDeploy.js';

const repo = join(import.meta.dirname, '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const start = readme.indexOf('## Deploy to your tenant');
const rest = readme.slice(start + 3);
const section = readme.slice(start, rest.search(/^## /m) === -1 ? undefined : start + 3 + rest.search(/^## /m));
const codeSpans = [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
/** Written by a build, a toolkit run or the reader (env/.env.local is copied from its sample), so not in the repository. */
const GENERATED = [/^appPackage\/build\//, /^\.localConfigs$/, /^env\/\.env\.local$/, /^env\/\.env\.\w+\.user$/, /^app\.zip$/];
const TOOLKIT_COMMANDS = new Set(['account', 'provision', 'deploy', 'publish']);

let template: BicepFile;
beforeAll(async () => {
  template = (await createBicepParser()).parse(join(repo, 'infra', 'azure.bicep'));
});

function looksLikePath(span: string): boolean {
  return /^\.?[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_.*-]+)*$/.test(span) && (span.includes('/') || /\.(json|ya?ml|bicep|sh|ts|md|zip|sample)$/.test(span) || span.startsWith('.'));
}

function exists(path: string): boolean {
  if (!path.includes('*')) return existsSync(join(repo, path));
  const pattern = new RegExp(`^${path.split('/').pop()?.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
  const folder = join(repo, dirname(path));
  return existsSync(folder) && readdirSync(folder).some((f) => pattern.test(f));
}

describe('README: Deploy to your tenant', () => {
  it('is there and covers the toolkit, by hand, admin consent, the public URL, the helpdesk role, sideloading, the catalog and scale-out', () => {
    for (const words of ['teamsapp provision', 'teamsapp deploy', 'teamsapp publish', '### By hand', 'Admin consent', 'PUBLIC_URL/api/notifications', 'CallDoctor.Helpdesk', 'sideload', 'app catalog', '### Running several instances']) {
      expect(section.replace(/\s+/g, ' '), words).toContain(words);
    }
  });

  it('names only files that exist', () => {
    // PUBLIC_URL/api/... is a URL under a variable, not a file.
    const paths = codeSpans.flatMap((s) => s.split(/\s+/)).filter(looksLikePath).filter((p) => !GENERATED.some((g) => g.test(p)) && !/^[A-Z][A-Z0-9_]+\//.test(p));
    expect(existsSync(join(repo, 'env', '.env.local.sample'))).toBe(true);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !exists(p))).toEqual([]);
  });

  it('names only npm scripts, toolkit commands and environments that exist', () => {
    const scripts = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const commands = codeSpans.flatMap((s) => s.split('&&').map((c) => c.trim()));
    const npmRuns = commands.filter((c) => c.startsWith('npm run ') && !c.includes('--if-present')).map((c) => c.split(/\s+/)[2] as string);
    expect(npmRuns).toEqual(expect.arrayContaining(['package', 'validate:deploy', 'start:local']));
    expect(npmRuns.filter((name) => !(name in scripts))).toEqual([]);
    const toolkit = commands.filter((c) => c.startsWith('teamsapp '));
    expect(toolkit.length).toBeGreaterThanOrEqual(5);
    for (const command of toolkit) {
      expect(TOOLKIT_COMMANDS.has(command.split(/\s+/)[1] as string), command).toBe(true);
      const env = /--env (\S+)/.exec(command)?.[1];
      if (env) expect(existsSync(join(repo, 'env', `.env.${env}`)) || existsSync(join(repo, 'env', `.env.${env}.sample`)), command).toBe(true);
    }
  });

  it('names only variables the server, the env files or the Bicep outputs define, and only parameters the template declares', () => {
    const envKeys = readdirSync(join(repo, 'env')).flatMap((f) => Object.keys(parseEnvText(readFileSync(join(repo, 'env', f), 'utf8'))));
    // Names the yml files write (their own check proves each is provided before it is used).
    const ymlNames = ['teamsapp.yml', 'teamsapp.local.yml'].flatMap((f) => readFileSync(join(repo, f), 'utf8').match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g) ?? []);
    const known = new Set([...serverVariableNames(['TAB_CLIENT_ID', 'TAB_APP_ID_URI']), ...envKeys, ...template.outputs, ...ymlNames]);
    const variables = codeSpans.flatMap((s) => s.split(/[\s=/<>]+/)).filter((t) => /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(t));
    expect(variables.length).toBeGreaterThan(10);
    expect([...new Set(variables)].filter((v) => !known.has(v))).toEqual([]);
    const manifestKeys = Object.keys(JSON.parse(readFileSync(join(repo, 'appPackage', 'manifest.json'), 'utf8')) as object);
    const params = new Set([...template.params.map((p) => p.name), ...manifestKeys]);
    for (const [, name] of section.matchAll(/`([a-z]+[A-Z][A-Za-z]+)`/g)) expect(params.has(name as string), name).toBe(true);
    for (const [, name] of section.matchAll(/\b([a-z]+[A-Z][A-Za-z]+)=/g)) expect(params.has(name as string), `${name}=`).toBe(true);
  });
});
