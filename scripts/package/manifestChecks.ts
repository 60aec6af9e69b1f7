// Checks a substituted Teams manifest: the official schema (offline), then what the schema does not
// check but Teams rejects or silently breaks on: semver, https URLs, tab hosts inside validDomains,
// the SSO resource's host, and the en-us localization file agreeing with the manifest's strings.
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import Ajv04Module from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { bundledTeamsSchema } from './teamsSchemas.js';

type Json = Record<string, unknown>;

const SEMVER = /^\d+\.\d+\.\d+$/;

export async function schemaProblems(manifest: Json): Promise<string[]> {
  const found = bundledTeamsSchema(manifest.$schema, 'manifest');
  if ('problem' in found) return [found.problem];
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, found.schema as never);
  return errors.map((e) => `manifest.json${e.startsWith(' ') ? ':' : ' '}${e}`);
}

export function localizationSchemaProblems(localization: Json, file: string): string[] {
  const found = bundledTeamsSchema(localization.$schema, 'localization');
  if ('problem' in found) return [`${file}: ${found.problem}`];
  const ajv = new Ajv04Module.default({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats.default(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(found.schema);
  if (validate(localization)) return [];
  return (validate.errors ?? []).map((e: { instancePath: string; message?: string; params: unknown }) => `${file}${e.instancePath || ''} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`);
}

/** Host names a domain list allows; `*.contoso.com` allows any one-level subdomain. */
export function hostAllowed(host: string, validDomains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return validDomains.some((d) => {
    const domain = d.toLowerCase();
    if (!domain.startsWith('*.')) return h === domain;
    const suffix = domain.slice(1);
    const label = h.endsWith(suffix) ? h.slice(0, -suffix.length) : '';
    return label !== '' && !label.includes('.');
  });
}

function tabUrls(manifest: Json): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  const statics = Array.isArray(manifest.staticTabs) ? (manifest.staticTabs as Json[]) : [];
  statics.forEach((tab, i) => {
    for (const key of ['contentUrl', 'websiteUrl'] as const) {
      if (typeof tab[key] === 'string') urls.push({ where: `staticTabs[${i}].${key}`, url: tab[key] });
    }
  });
  const configurables = Array.isArray(manifest.configurableTabs) ? (manifest.configurableTabs as Json[]) : [];
  configurables.forEach((tab, i) => {
    if (typeof tab.configurationUrl === 'string') urls.push({ where: `configurableTabs[${i}].configurationUrl`, url: tab.configurationUrl });
  });
  return urls;
}

export function ruleProblems(manifest: Json): string[] {
  const problems: string[] = [];
  if (typeof manifest.version !== 'string' || !SEMVER.test(manifest.version)) {
    problems.push(`manifest.json /version must be semver like 1.0.0 (bump it on every change), got ${JSON.stringify(manifest.version)}`);
  }
  const validDomains = Array.isArray(manifest.validDomains) ? (manifest.validDomains as string[]) : [];
  const developer = (manifest.developer ?? {}) as Json;
  const urls = [
    ...['websiteUrl', 'privacyUrl', 'termsOfUseUrl'].map((key) => ({ where: `developer.${key}`, url: developer[key], tab: false })),
    ...tabUrls(manifest).map((u) => ({ ...u, tab: true })),
  ];
  for (const { where, url, tab } of urls) {
    if (typeof url !== 'string') continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`manifest.json /${where} is not a URL: ${url}`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`manifest.json /${where} must be https, got ${url}`);
    if (tab && !hostAllowed(parsed.hostname, validDomains)) {
      problems.push(`manifest.json /${where} host ${parsed.hostname} is not in validDomains ${JSON.stringify(validDomains)}`);
    }
  }
  const sso = manifest.webApplicationInfo as Json | undefined;
  if (sso && typeof sso.resource === 'string') {
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(sso.resource);
    if (!match) problems.push(`manifest.json /webApplicationInfo/resource must look like api://<tab host>/<client id>, got ${sso.resource}`);
    else {
      if (!hostAllowed(match[1] as string, validDomains)) problems.push(`manifest.json /webApplicationInfo/resource host ${match[1]} is not in validDomains`);
      if (match[2] !== sso.id) problems.push(`manifest.json /webApplicationInfo/resource must end with its id ${String(sso.id)}`);
    }
  }
  return problems;
}

/** Reads `a.b[0].c` style localization keys out of the manifest. */
function valueAt(manifest: unknown, key: string): unknown {
  const parts = key.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  return parts.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), manifest);
}

/** Teams shows the localization file's strings; the manifest's own copy must say the same. */
export function localizationAgreementProblems(manifest: Json, localization: Json, file: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    const inManifest = valueAt(manifest, key);
    if (inManifest === undefined) problems.push(`${file} "${key}" names nothing in manifest.json`);
    else if (inManifest !== value) problems.push(`${file} "${key}" is ${JSON.stringify(value)} but manifest.json has ${JSON.stringify(inManifest)}`);
  }
  return problems;
}
