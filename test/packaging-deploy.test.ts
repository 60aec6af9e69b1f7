// The deployment files checked offline as `npm run validate:deploy` does: the three toolkit yml
// files against the toolkit's schema and the repository, and infra/ with the tree-sitter Bicep
// grammar. The repository's own files pass; each broken copy fails naming the mistake.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resourceNameProblems } from '../scripts/package/bicepChecks.js';
import { createBicepParser, type BicepParser } from '../scripts/package/bicepSyntax.js';
import { checkDeployment, serverVariableNames } from '../scripts/package/validateDeploy.js';

const repo = join(import.meta.dirname, '..');
const FILES = ['teamsapp.yml', 'teamsapp.local.yml', 'm365agentsplayground.yml', 'aad.manifest.json', '.webappignore', 'appPackage', 'infra', 'env'];
// Another branch adds these to server/config/variables.ts; accepted until it is merged.
const serverVariables = serverVariableNames(['TAB_CLIENT_ID', 'TAB_APP_ID_URI']);

let bicep: BicepParser;
beforeAll(async () => {
  bicep = await createBicepParser();
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'call-doctor-deploy-'));
  for (const file of FILES) cpSync(join(repo, file), join(root, file), { recursive: true });
  return root;
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit did not change ${file}`);
  writeFileSync(path, after);
}

const check = (root: string) => checkDeployment({ root, bicep, serverVariables });

describe('deployment files', () => {
  it('when the repository\'s own files are checked, then nothing is wrong', () => {
    expect(check(repo)).toEqual([]);
  });

  it('when a yml step uses an unknown action, then the step and the action are named', () => {
    const root = project();
    edit(root, 'teamsapp.yml', (t) => t.replace('uses: teamsApp/validateAppPackage', 'uses: teamsApp/validateAppPackge'));
    expect(check(root)).toContain("teamsapp.yml /provision/7/uses unknown action 'teamsApp/validateAppPackge'");
  });

  it('when a yml step names a file that does not exist, then the file is named', () => {
    const root = project();
    rmSync(join(root, '.webappignore'));
    expect(check(root)).toEqual(['teamsapp.yml /deploy/3 (azureAppService/zipDeploy) names ./.webappignore, which does not exist']);
  });

  it('when the env file of a yml is missing, then it is named', () => {
    const root = project();
    rmSync(join(root, 'env', '.env.playground'));
    expect(check(root)).toEqual(['m365agentsplayground.yml runs in env playground, but env/.env.playground does not exist']);
  });

  it('when a step uses a variable before the step that writes it, then the variable and its file are named', () => {
    const root = project();
    // aadApp/update needs TAB_DOMAIN, which only arm/deploy writes: swap them.
    edit(root, 'teamsapp.yml', (t) => {
      const arm = t.slice(t.indexOf('  # App Service, managed identity'), t.indexOf('  # Now that the host name'));
      const update = t.slice(t.indexOf('  # Now that the host name'), t.indexOf('  - uses: teamsApp/validateManifest'));
      return t.replace(arm + update, update + arm);
    });
    expect(check(root)).toEqual([
      'teamsapp.yml /provision/3 (aadApp/update) uses ${{TAB_DOMAIN}} (in ./aad.manifest.json), which neither env/.env.dev nor an earlier step provides',
      'teamsapp.yml /provision/3 (aadApp/update) uses ${{TAB_ENDPOINT}} (in ./aad.manifest.json), which neither env/.env.dev nor an earlier step provides',
    ]);
  });

  it('when the local server settings name a variable the server does not read, then it is named', () => {
    const root = project();
    edit(root, 'teamsapp.local.yml', (t) => t.replace('        BOT_TYPE: SingleTenant', '        MICROSOFT_APP_TYPE: SingleTenant'));
    expect(check(root)).toEqual(['teamsapp.local.yml /deploy/1 (file/createOrUpdateEnvironmentFile) sets MICROSOFT_APP_TYPE in ./.localConfigs, which the server does not read (server/config/variables.ts)']);
  });

  it('when azure.bicep has a syntax error, then its line is named', () => {
    const root = project();
    edit(root, 'infra/azure.bicep', (t) => t.replace("resource identity 'Microsoft.ManagedIdentity", "resorce identity 'Microsoft.ManagedIdentity"));
    const problems = check(root);
    expect(problems.some((p) => /^infra\/azure\.bicep:\d+:\d+ syntax error/.test(p)), problems.join('\n')).toBe(true);
  });

  it('when the parameters file sets a parameter the template does not declare, then it is named', () => {
    const root = project();
    edit(root, 'infra/azure.parameters.json', (t) => t.replace('"webAppSku"', '"webAppSkuName"'));
    expect(check(root)).toEqual(["parameter 'webAppSkuName' in infra/azure.parameters.json is not declared in infra/azure.bicep"]);
  });

  it('when a module is passed a param it does not declare, then the module and the param are named', () => {
    const root = project();
    edit(root, 'infra/botRegistration/azurebot.bicep', (t) => t.replace('param botTenantId string', 'param botAppTenantId string').replace('msaAppTenantId: botTenantId', 'msaAppTenantId: botAppTenantId'));
    expect(check(root)).toEqual([
      "infra/azure.bicep: module bot passes 'botTenantId', which ./botRegistration/azurebot.bicep does not declare as a param",
      "infra/azure.bicep: module bot does not pass required param 'botAppTenantId' of ./botRegistration/azurebot.bicep",
    ]);
  });

  it('when Bicep gives the server an app setting it does not read, then the setting is named', () => {
    const root = project();
    edit(root, 'infra/azure.bicep', (t) => t.replace("{ name: 'STORE', value: 'azure' }", "{ name: 'STORAGE_KIND', value: 'azure' }"));
    expect(check(root)).toEqual(['infra/azure.bicep sets app setting STORAGE_KIND, which the server does not read (server/config/variables.ts)']);
  });

  it('when resourceBaseName is as long as its @maxLength allows, then every resource name is still within Azure\'s limits', () => {
    const template = bicep.parse(join(repo, 'infra', 'azure.bicep'));
    const longest = resourceNameProblems(template, { resourceBaseName: 'calldoctorproduction' });
    expect(longest.problems).toEqual([]);
    expect(longest.checked).toBeGreaterThanOrEqual(10);
    // ...and a base one character longer than the template allows would break the storage account.
    expect(resourceNameProblems(template, { resourceBaseName: 'calldoctorproduction12345' }).problems.join('\n')).toContain('Microsoft.Storage/storageAccounts');
  });

  it('gives the App Service what issue 13 asks: Node 20, run from package, HTTPS only, always on, the health route', () => {
    const text = readFileSync(join(repo, 'infra', 'azure.bicep'), 'utf8');
    for (const needed of ["linuxFxVersion: 'NODE|20-lts'", "{ name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }", 'httpsOnly: true', 'alwaysOn: true', "healthCheckPath: '/healthz'", "msaAppType: 'UserAssignedMSI'", "channelName: 'MsTeamsChannel'"]) {
      expect(text + readFileSync(join(repo, 'infra', 'botRegistration', 'azurebot.bicep'), 'utf8')).toContain(needed);
    }
    // The health route the App Service probes is the server's own.
    expect(readFileSync(join(repo, 'server', 'http', 'createHttpApp.ts'), 'utf8')).toContain("app.get('/healthz'");
    expect(text).not.toMatch(/AccountKey=.*appSettings|name: 'AZURE_STORAGE_CONNECTION_STRING', value: '(?!@Microsoft\.KeyVault)/);
  });

  it('runs the lifecycle issue 13 asks for: provision, deploy and publish in the toolkit\'s order', () => {
    const doc = parse(readFileSync(join(repo, 'teamsapp.yml'), 'utf8')) as Record<string, { uses: string }[]>;
    const uses = (lifecycle: string) => (doc[lifecycle] ?? []).map((s) => s.uses);
    const provision = uses('provision');
    const order = ['teamsApp/create', 'aadApp/create', 'arm/deploy', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update'];
    expect(provision.filter((u) => order.includes(u))).toEqual(order);
    expect(uses('deploy')).toContain('azureAppService/zipDeploy');
    expect(uses('publish').at(-1)).toBe('teamsApp/publishAppPackage');
  });

  it('gives the tab app the Graph permissions, access_as_user for the Teams clients and the helpdesk role', () => {
    const aad = JSON.parse(readFileSync(join(repo, 'aad.manifest.json'), 'utf8')) as {
      requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
      oauth2Permissions: { value: string; id: string }[];
      preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
      appRoles: { value: string; allowedMemberTypes: string[] }[];
    };
    const graphRoles = aad.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph')?.resourceAccess.filter((a) => a.type === 'Role').map((a) => a.id);
    expect(graphRoles).toEqual(['CallRecords.Read.All', 'CallRecord-PstnCalls.Read.All', 'GroupMember.Read.All', 'TeamsAppInstallation.ReadWriteForUser.All']);
    const scope = aad.oauth2Permissions.find((p) => p.value === 'access_as_user');
    expect(scope).toBeDefined();
    const teamsClients = aad.preAuthorizedApplications.filter((a) => a.permissionIds.includes(scope!.id)).map((a) => a.appId);
    expect(teamsClients).toEqual(expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']));
    expect(aad.appRoles).toEqual([expect.objectContaining({ value: 'CallDoctor.Helpdesk', allowedMemberTypes: ['User'] })]);
    // The same permissions the managed identity is granted by hand.
    const grant = readFileSync(join(repo, 'infra', 'grant-graph-permissions.sh'), 'utf8');
    for (const role of graphRoles ?? []) expect(grant).toContain(role);
  });
});
