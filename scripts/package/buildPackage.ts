// Builds appPackage/build/appPackage.<env>.zip offline: substitute ${{VARS}} from env/.env.<env>,
// stop naming any unresolved one, validate manifest + localization + icons, zip flat with adm-zip.
import AdmZip from 'adm-zip';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvFiles, type EnvValues } from './envFile.js';
import { colorIconProblems, outlineIconProblems } from './iconChecks.js';
import { localizationAgreementProblems, localizationSchemaProblems, ruleProblems, schemaProblems } from './manifestChecks.js';
import { substituteJson } from './placeholders.js';

export class PackagingError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the Teams app package was not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackagingError';
  }
}

export interface PackageOptions {
  /** The repository root (holds appPackage/ and env/). */
  readonly root: string;
  readonly env: string;
  /** Defaults to env/.env.<env> under root. */
  readonly envFile?: string;
  /** Extra values that win over the env file (the toolkit passes TEAMSFX_ENV this way). */
  readonly overrides?: EnvValues;
  /** Defaults to appPackage/build under root. */
  readonly outputDir?: string;
}

export interface BuiltPackage {
  readonly zipPath: string;
  readonly manifestPath: string;
  readonly manifest: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function parseJson(file: string, text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new PackagingError([`${file} is not valid JSON after substitution: ${(error as Error).message}`]);
  }
}

export async function buildAppPackage(options: PackageOptions): Promise<BuiltPackage> {
  const appDir = join(options.root, 'appPackage');
  const envFile = options.envFile ?? join(options.root, 'env', `.env.${options.env}`);
  const values = { TEAMSFX_ENV: options.env, ...readEnvFiles(envFile), ...options.overrides };

  const manifestText = substituteJson(readFileSync(join(appDir, 'manifest.json'), 'utf8'), values);
  if (manifestText.unresolved.length > 0) {
    throw new PackagingError(manifestText.unresolved.map((name) => `manifest.json uses \${{${name}}}, which has no value in ${envFile}`));
  }
  const manifest = parseJson('manifest.json', manifestText.text);
  const problems = [...(await schemaProblems(manifest)), ...ruleProblems(manifest)];

  const files = new Map<string, Buffer>();
  const icons = (manifest.icons ?? {}) as Json;
  for (const [key, check] of [['color', colorIconProblems], ['outline', outlineIconProblems]] as const) {
    const name = icons[key];
    if (typeof name !== 'string') continue; // the schema already reported it
    const file = join(appDir, name);
    if (!existsSync(file)) problems.push(`icons.${key} names ${name}, which is not in appPackage/`);
    else {
      const bytes = readFileSync(file);
      problems.push(...check(bytes, name));
      files.set(name, bytes);
    }
  }

  const localizationFile = ((manifest.localizationInfo ?? {}) as Json).defaultLanguageFile;
  if (typeof localizationFile === 'string') {
    const path = join(appDir, localizationFile);
    if (!existsSync(path)) problems.push(`localizationInfo.defaultLanguageFile names ${localizationFile}, which is not in appPackage/`);
    else {
      const text = substituteJson(readFileSync(path, 'utf8'), values);
      problems.push(...text.unresolved.map((name) => `${localizationFile} uses \${{${name}}}, which has no value in ${envFile}`));
      const localization = parseJson(localizationFile, text.text);
      problems.push(...localizationSchemaProblems(localization, localizationFile), ...localizationAgreementProblems(manifest, localization, localizationFile));
      files.set(localizationFile, Buffer.from(text.text));
    }
  }
  if (problems.length > 0) throw new PackagingError(problems);

  const outputDir = options.outputDir ?? join(appDir, 'build');
  mkdirSync(outputDir, { recursive: true });
  const manifestPath = join(outputDir, `manifest.${options.env}.json`);
  writeFileSync(manifestPath, manifestText.text);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(manifestText.text));
  for (const [name, bytes] of files) zip.addFile(name, bytes);
  const zipPath = join(outputDir, `appPackage.${options.env}.zip`);
  zip.writeZip(zipPath);
  return { zipPath, manifestPath, manifest };
}
