import { describe, expect, it } from 'vitest';
import { loadYmlSchema, type YmlSchema } from './ymlSchema.js';

function schema(): YmlSchema {
  const loaded = loadYmlSchema('v1.8');
  if ('problem' in loaded) throw new Error(loaded.problem);
  return loaded;
}

describe('toolkit yml schema', () => {
  it('knows the actions the toolkit documents', () => {
    for (const action of ['teamsApp/create', 'aadApp/create', 'aadApp/update', 'arm/deploy', 'azureAppService/zipDeploy', 'teamsApp/publishAppPackage']) {
      expect(schema().actions.has(action), action).toBe(true);
    }
  });

  it('when a step is well formed, then it passes', () => {
    expect(schema().step({ uses: 'teamsApp/validateManifest', with: { manifestPath: './appPackage/manifest.json' } }, '/provision/0')).toEqual([]);
  });

  it('when an action name is misspelt, then it is called unknown', () => {
    expect(schema().step({ uses: 'teamsApp/validateManifst', with: {} }, '/provision/3')).toEqual(["/provision/3/uses unknown action 'teamsApp/validateManifst'"]);
  });

  it('when a step uses a wrong key, then the missing and the extra key are both named', () => {
    expect(schema().step({ uses: 'teamsApp/validateManifest', with: { manifestFile: 'x' } }, '/provision/3')).toEqual([
      "/provision/3/with must have required property 'manifestPath'",
      '/provision/3/with must NOT have additional properties {"additionalProperty":"manifestFile"}',
    ]);
  });

  it('when a top-level key is misspelt, then the top level reports it', () => {
    expect(schema().topLevel({ version: 'v1.8', provison: [] })).toEqual([' must NOT have additional properties {"additionalProperty":"provison"}']);
  });

  it('when the version has no schema here, then it is unsupported', () => {
    expect(loadYmlSchema('v1.99')).toEqual({ problem: expect.stringContaining('unsupported version "v1.99"') });
  });
});
