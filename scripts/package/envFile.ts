// Reads a toolkit env file (env/.env.<env>, KEY=value lines, # comments) with Node's own dotenv parser.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export type EnvValues = Readonly<Record<string, string>>;

export function parseEnvText(text: string): EnvValues {
  return { ...parseEnv(text) } as Record<string, string>;
}

/** The env file plus its gitignored `.user` companion (where the toolkit writes SECRET_* values). */
export function readEnvFiles(envFile: string): EnvValues {
  if (!existsSync(envFile)) throw new Error(`env file ${envFile} does not exist`);
  const values = parseEnvText(readFileSync(envFile, 'utf8'));
  const userFile = `${envFile}.user`;
  return existsSync(userFile) ? { ...values, ...parseEnvText(readFileSync(userFile, 'utf8')) } : values;
}
