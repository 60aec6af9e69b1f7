import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBicep, moduleParamProblems, parameterFileProblems, resourceNameProblems } from './bicepChecks.js';
import { createBicepParser, type BicepParser } from './bicepSyntax.js';

let parser: BicepParser;
beforeAll(async () => {
  parser = await createBicepParser();
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bicep-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const MODULE = `param botName string\nparam sku string = 'F0'\nresource bot 'Microsoft.BotService/botServices@2022-09-15' = {\n  name: botName\n  location: 'global'\n}\n`;

describe('bicep checks', () => {
  it('when a file has a typo and an unclosed brace, then the syntax errors carry their line', () => {
    const file = parser.parse('main.bicep', "parm typo string\nresource a 'Microsoft.Web/sites@2023-12-01' = {\n  name: 'x'\n");
    expect(file.syntaxErrors.length).toBeGreaterThan(0);
    expect(file.syntaxErrors[0]).toMatch(/^main\.bicep:1:1 syntax error/);
  });

  it('when a module is passed an undeclared param and misses a required one, then both are named', () => {
    const dir = folder({ 'bot.bicep': MODULE, 'main.bicep': "module bot './bot.bicep' = {\n  name: 'bot'\n  params: {\n    botNam: 'x'\n  }\n}\n" });
    expect(moduleParamProblems(parser.parse(join(dir, 'main.bicep')), parser).map((p) => p.replace(dir, ''))).toEqual([
      "/main.bicep: module bot passes 'botNam', which ./bot.bicep does not declare as a param",
      "/main.bicep: module bot does not pass required param 'botName' of ./bot.bicep",
    ]);
  });

  it('when the parameters file has an undeclared key or lacks a required value, then each is named', () => {
    const template = parser.parse('main.bicep', "param resourceBaseName string\nparam sku string = 'B1'\nparam maybe string?\n");
    expect(parameterFileProblems(template, 'main.parameters.json', { resourceBaseNam: 'cd', sku: 'B1' })).toEqual([
      "parameter 'resourceBaseNam' in main.parameters.json is not declared in main.bicep",
      "required parameter 'resourceBaseName' of main.bicep has no value in main.parameters.json",
    ]);
  });

  it('when a storage account name comes out too long or with capitals, then Azure\'s limits are quoted', () => {
    const template = parser.parse('main.bicep', "param base string\nvar storageName = '${base}storage'\nresource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: storageName\n}\nresource q 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {\n  name: toLower('${base}--q')\n}\n");
    const { problems, checked } = resourceNameProblems(template, { base: 'CallDoctorProduction' });
    expect(checked).toBe(2);
    expect(problems).toEqual([
      "main.bicep: resource st (Microsoft.Storage/storageAccounts) name 'CallDoctorProductionstorage' is 27 characters; Azure allows 3-24",
      "main.bicep: resource st (Microsoft.Storage/storageAccounts) name 'CallDoctorProductionstorage' may contain only lower-case letters and digits",
      "main.bicep: resource q (Microsoft.Storage/storageAccounts/queueServices/queues) name 'calldoctorproduction--q' may contain only lower-case letters, digits and single inner hyphens",
    ]);
  });

  it('when names are built in a loop over a variable, then every element is checked', () => {
    const template = parser.parse('main.bicep', "var names = [\n  'ok'\n  'bad-name'\n]\nresource t 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for n in names: {\n  name: 'calldoctor${n}'\n}]\n");
    expect(resourceNameProblems(template, {}).problems).toEqual([
      "main.bicep: resource t (Microsoft.Storage/storageAccounts/tableServices/tables) name 'calldoctorbad-name' may contain only letters and digits, starting with a letter",
    ]);
  });

  it('when a parameter still holds a ${{VAR}}, then names built from it are left unchecked rather than guessed', () => {
    const dir = folder({
      'main.bicep': "param base string\nresource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: '${base}st'\n}\n",
      'main.parameters.json': JSON.stringify({ parameters: { base: { value: 'cd${{RESOURCE_SUFFIX}}' } } }),
    });
    const report = checkBicep(parser, join(dir, 'main.bicep'), join(dir, 'main.parameters.json'), {}, dir);
    expect(report).toMatchObject({ problems: [], namesChecked: 0 });
    expect(checkBicep(parser, join(dir, 'main.bicep'), join(dir, 'main.parameters.json'), { RESOURCE_SUFFIX: 'x1' }, dir).namesChecked).toBe(1);
  });
});
