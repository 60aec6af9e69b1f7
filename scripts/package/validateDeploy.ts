// `npm run validate:deploy`: every offline check of the deployment files (the toolkit yml files,
// the Bicep template and its parameters, the app settings Bicep gives the server). The Teams app
// package itself is checked by `npm run package`.
import { join } from 'node:path';
import { VARIABLES } from '../../server/config/variables.js';
import { checkBicep } from './bicepChecks.js';
import { createBicepParser, type BicepParser } from './bicepSyntax.js';
import { readEnvFiles } from './envFile.js';
import { checkYml } from './ymlChecks.js';

/** The toolkit files, the environment each runs in, and the env file that stands for it in the repo. */
export const PROJECT_FILES = [
  { yml: 'teamsapp.yml', env: 'dev' },
  // env/.env.local is machine-specific and gitignored; its committed sample is what is checked.
  { yml: 'teamsapp.local.yml', env: 'local', envFile: 'env/.env.local.sample' },
  { yml: 'm365agentsplayground.yml', env: 'playground' },
] as const;

/** Settings App Service itself reads, not the server. */
const PLATFORM_SETTING = /^(WEBSITE_|WEBSITES_|SCM_)/;

export interface DeployCheckOptions {
  readonly root: string;
  readonly bicep: BicepParser;
  /** Variables the server reads, plus any another branch adds that are not merged yet. */
  readonly serverVariables: ReadonlySet<string>;
}

export function checkDeployment({ root, bicep, serverVariables }: DeployCheckOptions): string[] {
  const problems: string[] = [];
  for (const file of PROJECT_FILES) problems.push(...checkYml({ root, bicep, serverVariables, ...file }));
  const template = join(root, 'infra', 'azure.bicep');
  const report = checkBicep(bicep, template, join(root, 'infra', 'azure.parameters.json'), readEnvFiles(join(root, 'env', '.env.dev')), root);
  problems.push(...report.problems);
  for (const name of bicep.parse(template).appSettings) {
    if (!PLATFORM_SETTING.test(name) && !serverVariables.has(name)) problems.push(`infra/azure.bicep sets app setting ${name}, which the server does not read (server/config/variables.ts)`);
  }
  return problems;
}

export function serverVariableNames(extra: readonly string[] = []): Set<string> {
  return new Set([...VARIABLES.map((v) => v.name), ...extra]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..', '..');
  // TAB_CLIENT_ID and TAB_APP_ID_URI come with the tab's branch; accepted here until it is merged.
  const problems = checkDeployment({ root, bicep: await createBicepParser(), serverVariables: serverVariableNames(['TAB_CLIENT_ID', 'TAB_APP_ID_URI']) });
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.stdout.write(problems.length === 0 ? 'deployment files: all checks passed\n' : `deployment files: ${problems.length} problems\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
