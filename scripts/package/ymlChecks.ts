// Checks one toolkit project file (teamsapp.yml, teamsapp.local.yml, m365agentsplayground.yml):
// the toolkit schema, every file it names, its env file, and that every ${{VAR}} it (or a file it
// hands to a step) uses is in the env file or written by an earlier step.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { BicepParser } from './bicepSyntax.js';
import { readEnvFiles, type EnvValues } from './envFile.js';
import { placeholdersIn, substitutePlaceholders } from './placeholders.js';
import { LIFECYCLES, loadYmlSchema } from './ymlSchema.js';

type Json = Record<string, unknown>;

export interface YmlCheckOptions {
  readonly root: string;
  /** Relative to root, e.g. teamsapp.yml. */
  readonly yml: string;
  /** The environment this file runs in (dev, local, playground). */
  readonly env: string;
  /** Relative to root; defaults to <environmentFolderPath>/.env.<env>. */
  readonly envFile?: string;
  readonly bicep: BicepParser;
  /** Names the server reads; the keys of .localConfigs files must be among them. */
  readonly serverVariables?: ReadonlySet<string>;
}

/** Variables the toolkit provides itself or asks for when empty. */
const BUILT_IN = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];
/** Written by aadApp/update when referenced and empty (the access_as_user scope id). */
const GENERATED_BY: Record<string, readonly string[]> = { 'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] };
/** `with` keys that name an existing file or folder. */
const INPUT_PATHS = ['manifestPath', 'artifactFolder', 'ignoreFile', 'workingDirectory'];

interface Step {
  readonly where: string;
  readonly uses: string;
  readonly with: Json;
  readonly raw: Json;
}

function stepsOf(doc: Json, yml: string): Step[] {
  const steps: Step[] = [];
  for (const lifecycle of LIFECYCLES) {
    const list = doc[lifecycle];
    if (!Array.isArray(list)) continue;
    list.forEach((raw: unknown, i) => {
      const step = (raw ?? {}) as Json;
      steps.push({ where: `${yml} /${lifecycle}/${i}`, uses: String(step.uses ?? ''), with: (step.with ?? {}) as Json, raw: step });
    });
  }
  return steps;
}

function written(step: Step, bicep: BicepParser, root: string): string[] {
  const names = Object.values((step.raw.writeToEnvironmentFile ?? {}) as Json).map(String);
  if (step.uses === 'arm/deploy') {
    for (const t of (step.with.templates ?? []) as Json[]) {
      const path = join(root, String(t.path ?? ''));
      if (typeof t.path === 'string' && path.endsWith('.bicep') && existsSync(path)) names.push(...bicep.parse(path).outputs);
    }
  }
  if (step.uses === 'script') names.push(...[...String(step.with.run ?? '').matchAll(/::set-teamsfx-env\s+([A-Za-z_]\w*)=/g)].map((m) => m[1] as string));
  return [...names, ...(GENERATED_BY[step.uses] ?? [])];
}

/** Files a step hands to the toolkit whose own ${{VARS}} get substituted at that step. */
function templatedFiles(step: Step): string[] {
  const files: string[] = [];
  if (typeof step.with.manifestPath === 'string') files.push(step.with.manifestPath);
  for (const t of (step.with.templates ?? []) as Json[]) if (typeof t.parameters === 'string') files.push(t.parameters);
  return files;
}

export function checkYml(options: YmlCheckOptions): string[] {
  const { root, yml } = options;
  const text = readFileSync(join(root, yml), 'utf8');
  const parsed = parseDocument(text);
  if (parsed.errors.length > 0) return parsed.errors.map((e) => `${yml}: ${e.message}`);
  const doc = (parsed.toJS() ?? {}) as Json;
  const schema = loadYmlSchema(String(doc.version));
  if ('problem' in schema) return [`${yml}: ${schema.problem}`];

  const problems = schema.topLevel(doc).map((p) => `${yml} ${p.startsWith(' ') ? `/${p}` : p}`);
  const steps = stepsOf(doc, yml);
  for (const step of steps) problems.push(...schema.step(step.raw, step.where));

  const envFile = options.envFile ?? join(String(doc.environmentFolderPath ?? './env'), `.env.${options.env}`);
  if (!existsSync(join(root, envFile))) return [...problems, `${yml} runs in env ${options.env}, but ${envFile} does not exist`];
  const env: EnvValues = { TEAMSFX_ENV: options.env, ...readEnvFiles(join(root, envFile)) };

  const writtenBySteps = new Set(steps.flatMap((s) => written(s, options.bicep, root)));
  const available = new Set([...BUILT_IN, ...Object.keys(env).filter((k) => env[k] !== '' || !writtenBySteps.has(k))]);
  const zips = new Set<string>();
  const resolvePath = (path: string) => substitutePlaceholders(path, env);

  for (const step of steps) {
    const label = `${step.where} (${step.uses})`;
    const paths: string[] = INPUT_PATHS.map((k) => step.with[k]).filter((v): v is string => typeof v === 'string');
    for (const t of (step.with.templates ?? []) as Json[]) for (const k of ['path', 'parameters']) if (typeof t[k] === 'string') paths.push(t[k]);
    for (const path of paths) {
      const resolved = resolvePath(path);
      if (resolved.unresolved.length === 0 && !existsSync(join(root, resolved.text))) problems.push(`${label} names ${path}, which does not exist`);
    }
    if (typeof step.with.outputZipPath === 'string') zips.add(step.with.outputZipPath);
    if (typeof step.with.appPackagePath === 'string' && !zips.has(step.with.appPackagePath) && !existsSync(join(root, resolvePath(step.with.appPackagePath).text))) {
      problems.push(`${label} uses ${step.with.appPackagePath}, which no earlier zipAppPackage step writes`);
    }

    const uses = new Map<string, string>(placeholdersIn(JSON.stringify(step.raw)).map((v) => [v, yml]));
    for (const file of templatedFiles(step)) {
      if (existsSync(join(root, file))) for (const v of placeholdersIn(readFileSync(join(root, file), 'utf8'))) if (!uses.has(v)) uses.set(v, file);
    }
    const generated = new Set(GENERATED_BY[step.uses] ?? []);
    for (const [name, where] of uses) {
      if (!available.has(name) && !generated.has(name)) problems.push(`${label} uses \${{${name}}}${where === yml ? '' : ` (in ${where})`}, which neither ${envFile} nor an earlier step provides`);
    }
    for (const name of written(step, options.bicep, root)) available.add(name);

    if (step.uses === 'file/createOrUpdateEnvironmentFile' && options.serverVariables && /\.localConfigs/.test(String(step.with.target))) {
      for (const key of Object.keys((step.with.envs ?? {}) as Json)) {
        if (!options.serverVariables.has(key)) problems.push(`${label} sets ${key} in ${String(step.with.target)}, which the server does not read (server/config/variables.ts)`);
      }
    }
  }
  return problems;
}
