// The toolkit's ${{VAR}} placeholders, as used in manifest.json, aad.manifest.json, the yml files and
// infra/azure.parameters.json. An unset or empty variable is unresolved: packaging names it and stops.
import type { EnvValues } from './envFile.js';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every variable name a text refers to, once each, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

export interface Substitution {
  readonly text: string;
  /** Variables the text names that have no (or an empty) value. */
  readonly unresolved: readonly string[];
}

export function substitutePlaceholders(text: string, values: EnvValues): Substitution {
  const unresolved = new Set<string>();
  const result = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      unresolved.add(name);
      return whole;
    }
    return value;
  });
  return { text: result, unresolved: [...unresolved] };
}

/** Substitutes into JSON text, escaping each value as a JSON string body so quotes cannot break it. */
export function substituteJson(text: string, values: EnvValues): Substitution {
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, JSON.stringify(v).slice(1, -1)]));
  return substitutePlaceholders(text, escaped);
}
