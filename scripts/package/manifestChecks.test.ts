import { describe, expect, it, vi, afterEach, beforeEach } from 'vitest';
import { hostAllowed, localizationAgreementProblems, ruleProblems, schemaProblems } from './manifestChecks.js';
import { offlineFetch } from './testing.js';

const GUID = '11111111-2222-4333-8444-555555555555';
const manifest = () => ({
  $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
  manifestVersion: '1.22',
  version: '1.0.0',
  id: GUID,
  developer: { name: 'Contoso', websiteUrl: 'https://cd.contoso.com/tab/', privacyUrl: 'https://contoso.com/privacy', termsOfUseUrl: 'https://contoso.com/terms' },
  icons: { color: 'color.png', outline: 'outline.png' },
  name: { short: 'Call Doctor', full: 'Call Doctor for Teams' },
  description: { short: 'Explains calls.', full: 'Explains why your Teams call sounded bad.' },
  accentColor: '#0F8A8C',
  staticTabs: [{ entityId: 'calls', name: 'My calls', contentUrl: 'https://cd.contoso.com/tab/#/calls', scopes: ['personal'] }],
  configurableTabs: [{ configurationUrl: 'https://cd.contoso.com/tab/#/config', scopes: ['team'] }],
  validDomains: ['cd.contoso.com'],
  webApplicationInfo: { id: GUID, resource: `api://cd.contoso.com/${GUID}` },
});

describe('manifest checks', () => {
  beforeEach(() => vi.stubGlobal('fetch', offlineFetch));
  afterEach(() => vi.unstubAllGlobals());

  it('when the manifest is complete, then the bundled schema and the rules find nothing, offline', async () => {
    expect(await schemaProblems(manifest())).toEqual([]);
    expect(ruleProblems(manifest())).toEqual([]);
  });

  it('when $schema names a version the package does not bundle, then it says so instead of downloading', async () => {
    const problems = await schemaProblems({ ...manifest(), $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json', manifestVersion: '1.18' });
    expect(problems).toEqual([expect.stringContaining('does not bundle')]);
  });

  it('when a tab URL points outside validDomains, then the tab and host are named', () => {
    const m = manifest();
    m.configurableTabs[0]!.configurationUrl = 'https://elsewhere.example.net/tab/#/config';
    expect(ruleProblems(m)).toEqual(['manifest.json /configurableTabs[0].configurationUrl host elsewhere.example.net is not in validDomains ["cd.contoso.com"]']);
  });

  it('when a URL is plain http or the version is not semver, then each is named (the schema allows both)', () => {
    const m = { ...manifest(), version: 'one.zero', developer: { ...manifest().developer, privacyUrl: 'http://contoso.com/privacy' } };
    expect(ruleProblems(m)).toEqual([
      'manifest.json /version must be semver like 1.0.0 (bump it on every change), got "one.zero"',
      'manifest.json /developer.privacyUrl must be https, got http://contoso.com/privacy',
    ]);
  });

  it('when the SSO resource is on another host or another app, then it is reported', () => {
    const m = { ...manifest(), webApplicationInfo: { id: GUID, resource: 'api://other.contoso.com/22222222-2222-4333-8444-555555555555' } };
    expect(ruleProblems(m)).toEqual([
      'manifest.json /webApplicationInfo/resource host other.contoso.com is not in validDomains',
      `manifest.json /webApplicationInfo/resource must end with its id ${GUID}`,
    ]);
  });

  it('matches wildcard domains one label deep only', () => {
    expect(hostAllowed('cd.contoso.com', ['*.contoso.com'])).toBe(true);
    expect(hostAllowed('a.cd.contoso.com', ['*.contoso.com'])).toBe(false);
    expect(hostAllowed('contoso.com', ['*.contoso.com'])).toBe(false);
  });

  it('when the localization file disagrees with the manifest, then the key and both values are named', () => {
    expect(localizationAgreementProblems(manifest(), { 'name.short': 'Call Dr', 'staticTabs[0].name': 'My calls', 'bots[0].name': 'x' }, 'en-us.json')).toEqual([
      'en-us.json "name.short" is "Call Dr" but manifest.json has "Call Doctor"',
      'en-us.json "bots[0].name" names nothing in manifest.json',
    ]);
  });
});
