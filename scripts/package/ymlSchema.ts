// Validates toolkit project files against the toolkit's own YAML schema (copied into schemas/, MIT),
// step by step, so an error names the step and its action instead of 300 lines of anyOf noise.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA_DIR = join(import.meta.dirname, 'schemas', 'teamsapp-yaml');
export const LIFECYCLES = ['provision', 'deploy', 'publish'] as const;

type Json = Record<string, unknown>;
type Definition = { properties?: { uses?: { const?: string } }; allOf?: { $ref?: string }[]; oneOf?: { $ref?: string }[]; anyOf?: { $ref?: string }[] };

export interface YmlSchema {
  readonly version: string;
  readonly actions: ReadonlySet<string>;
  /** Problems with everything but the steps (version, unknown top-level keys). */
  topLevel(doc: Json): string[];
  /** Problems with one step, each prefixed with its place, e.g. /provision/2. */
  step(step: unknown, where: string): string[];
}

function format(errors: readonly ErrorObject[] | null | undefined, where: string): string[] {
  const lines = (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` ${JSON.stringify(e.params)}` : e.keyword === 'enum' || e.keyword === 'const' ? ` ${JSON.stringify(e.params)}` : '';
    return `${where}${e.instancePath} ${e.message ?? 'is invalid'}${extra}`;
  });
  return [...new Set(lines)];
}

export function loadYmlSchema(version: string): YmlSchema | { problem: string } {
  const file = join(SCHEMA_DIR, version, 'yaml.schema.json');
  if (!/^v\d+\.\d+$/.test(version) || !existsSync(file)) return { problem: `unsupported version ${JSON.stringify(version)}: this repository carries the toolkit schema for v1.8 only` };
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { definitions: Record<string, Definition> };
  const ajv = new Ajv({ allowUnionTypes: true, allErrors: true, strict: false });
  ajv.addKeyword('deprecationMessage');
  ajv.addSchema(schema, 'ttk');

  const defs = schema.definitions;
  const usesOf = (name: string, depth = 0): string | undefined => {
    const def = defs[name];
    if (!def || depth > 3) return undefined;
    if (def.properties?.uses?.const) return def.properties.uses.const;
    for (const ref of [...(def.allOf ?? []), ...(def.oneOf ?? []), ...(def.anyOf ?? [])]) {
      const found = ref.$ref ? usesOf(ref.$ref.replace('#/definitions/', ''), depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  // The step kinds a lifecycle accepts, keyed by their `uses`.
  const stepRefs = ((defs.lifeCycleArray as { items?: { anyOf?: { $ref: string }[] } }).items?.anyOf ?? []).map((r) => r.$ref.replace('#/definitions/', ''));
  const byAction = new Map<string, string>();
  for (const name of stepRefs) {
    const uses = usesOf(name);
    if (uses && !byAction.has(uses)) byAction.set(uses, name);
  }
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (def: string) => {
    let v = validators.get(def);
    if (!v) {
      v = ajv.getSchema(`ttk#/definitions/${def}`);
      if (!v) throw new Error(`toolkit schema has no definition ${def}`);
      validators.set(def, v);
    }
    return v;
  };
  const root = ajv.getSchema('ttk');
  if (!root) throw new Error('toolkit schema did not compile');

  return {
    version,
    actions: new Set(byAction.keys()),
    topLevel(doc) {
      const withoutSteps = Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, (LIFECYCLES as readonly string[]).includes(k) && Array.isArray(v) ? [] : v]));
      return root(withoutSteps) ? [] : format(root.errors, '');
    },
    step(step, where) {
      const uses = (step as Json | null)?.uses;
      if (typeof uses !== 'string') return [`${where} has no 'uses' action`];
      const def = byAction.get(uses);
      if (!def) return [`${where}/uses unknown action '${uses}'`];
      const validate = validatorFor(def);
      return validate(step) ? [] : format(validate.errors, where);
    },
  };
}
