// The official Teams JSON schemas bundled in @microsoft/app-manifest, picked by a manifest's
// $schema URL. Only bundled versions are accepted: nothing here ever downloads a schema.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v1\.\d+|vDevPreview)\/MicrosoftTeams(\.Localization)?\.schema\.json$/;

function bundledSchemaFolder(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

export type TeamsSchemaKind = 'manifest' | 'localization';

/** The bundled schema a $schema URL names, or a sentence saying why there is none. */
export function bundledTeamsSchema(url: unknown, kind: TeamsSchemaKind): { schema: object; version: string } | { problem: string } {
  const match = typeof url === 'string' ? SCHEMA_URL.exec(url) : null;
  const wantLocalization = kind === 'localization';
  if (!match || Boolean(match[2]) !== wantLocalization) {
    const expected = wantLocalization ? 'MicrosoftTeams.Localization.schema.json' : 'MicrosoftTeams.schema.json';
    return { problem: `$schema must be the official https://developer.microsoft.com/json-schemas/teams/v1.N/${expected} URL, got ${JSON.stringify(url)}` };
  }
  const version = match[1] as string;
  const file = join(bundledSchemaFolder(), version, wantLocalization ? 'MicrosoftTeams.Localization.schema.json' : 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) return { problem: `$schema names Teams schema ${version}, which @microsoft/app-manifest does not bundle (1.18 never shipped); use 1.19 or newer` };
  return { schema: JSON.parse(readFileSync(file, 'utf8')) as object, version };
}
