// Cross-file Bicep checks that ARM would otherwise reject only at deployment: module params against
// the module's `param`s, the parameters file against the template, and resource names against
// Azure's length and character rules (evaluated from the parameter values where possible).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { BicepFile, BicepNode, BicepParser } from './bicepSyntax.js';
import { stringLiteral } from './bicepSyntax.js';
import type { EnvValues } from './envFile.js';
import { substituteJson } from './placeholders.js';

interface NameRule {
  readonly min: number;
  readonly max: number;
  readonly pattern: RegExp;
  readonly allowed: string;
}

const alnumHyphen = (min: number, max: number): NameRule => ({ min, max, pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, allowed: 'letters, digits and inner hyphens' });

/** Azure's naming rules (learn.microsoft.com "Naming rules and restrictions for Azure resources"). */
export const NAME_RULES: Readonly<Record<string, NameRule>> = {
  'Microsoft.Storage/storageAccounts': { min: 3, max: 24, pattern: /^[a-z0-9]+$/, allowed: 'lower-case letters and digits' },
  'Microsoft.Storage/storageAccounts/tableServices/tables': { min: 3, max: 63, pattern: /^[A-Za-z][A-Za-z0-9]*$/, allowed: 'letters and digits, starting with a letter' },
  'Microsoft.Storage/storageAccounts/queueServices/queues': { min: 3, max: 63, pattern: /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/, allowed: 'lower-case letters, digits and single inner hyphens' },
  'Microsoft.Web/sites': alnumHyphen(2, 60),
  'Microsoft.Web/serverfarms': alnumHyphen(1, 60),
  'Microsoft.ManagedIdentity/userAssignedIdentities': { min: 3, max: 128, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, allowed: 'letters, digits, hyphens and underscores' },
  'Microsoft.BotService/botServices': { min: 2, max: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, allowed: 'letters, digits, periods, hyphens and underscores' },
  'Microsoft.KeyVault/vaults': { min: 3, max: 24, pattern: /^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*[A-Za-z0-9]$/, allowed: 'letters, digits and single hyphens, starting with a letter' },
  'Microsoft.KeyVault/vaults/secrets': { min: 1, max: 127, pattern: /^[A-Za-z0-9-]+$/, allowed: 'letters, digits and hyphens' },
  'Microsoft.OperationalInsights/workspaces': alnumHyphen(4, 63),
  'Microsoft.Insights/components': { min: 1, max: 260, pattern: /^[^%&\\?/]+$/, allowed: 'anything but % & \\ ? /' },
};

export function moduleParamProblems(template: BicepFile, parser: BicepParser): string[] {
  const problems: string[] = [];
  for (const module of template.modules) {
    const target = join(dirname(template.file), module.path);
    if (!existsSync(target)) {
      problems.push(`${template.file}: module ${module.symbol} points at ${module.path}, which does not exist`);
      continue;
    }
    const declared = parser.parse(target);
    problems.push(...declared.syntaxErrors);
    const names = new Set(declared.params.map((p) => p.name));
    for (const passed of module.params) {
      if (!names.has(passed)) problems.push(`${template.file}: module ${module.symbol} passes '${passed}', which ${module.path} does not declare as a param`);
    }
    for (const param of declared.params) {
      if (!param.hasDefault && !module.params.includes(param.name)) problems.push(`${template.file}: module ${module.symbol} does not pass required param '${param.name}' of ${module.path}`);
    }
  }
  return problems;
}

type ParameterFile = { parameters?: Record<string, { value?: unknown; reference?: unknown }> };

/** The parameters file's values after ${{VAR}} substitution; a missing variable is named. */
export function readParameterFile(file: string, env: EnvValues): { values: Record<string, unknown>; problems: string[] } {
  const substituted = substituteJson(readFileSync(file, 'utf8'), env);
  const parsed = JSON.parse(substituted.text) as ParameterFile;
  const values = Object.fromEntries(Object.entries(parsed.parameters ?? {}).map(([k, v]) => [k, v.value ?? v.reference]));
  return { values, problems: substituted.unresolved.map((name) => `${file} uses \${{${name}}}, which has no value`) };
}

export function parameterFileProblems(template: BicepFile, parameterFile: string, values: Record<string, unknown>): string[] {
  const declared = new Map(template.params.map((p) => [p.name, p]));
  const problems = Object.keys(values)
    .filter((name) => !declared.has(name))
    .map((name) => `parameter '${name}' in ${parameterFile} is not declared in ${template.file}`);
  for (const param of template.params) {
    if (!param.hasDefault && values[param.name] === undefined) problems.push(`required parameter '${param.name}' of ${template.file} has no value in ${parameterFile}`);
  }
  return problems;
}

type Scope = { readonly template: BicepFile; readonly values: Record<string, unknown>; readonly locals: Record<string, string> };

const FUNCTIONS: Record<string, (args: string[]) => string | undefined> = {
  toLower: ([s]) => s?.toLowerCase(),
  toUpper: ([s]) => s?.toUpperCase(),
  replace: ([s, from, to]) => (s === undefined || from === undefined || to === undefined ? undefined : s.split(from).join(to)),
  take: ([s, n]) => (s === undefined || n === undefined ? undefined : s.slice(0, Number(n))),
  concat: (args) => args.join(''),
  // 13 characters, like the real hash; the value does not matter for length checks.
  uniqueString: () => 'abcdefghijklm',
};

/** Evaluates the string expressions resource names are made of; undefined when it cannot. */
export function evaluate(node: BicepNode | null | undefined, scope: Scope, depth = 0): string | undefined {
  if (!node || depth > 20) return undefined;
  switch (node.type) {
    case 'string': {
      let out = '';
      for (const part of node.namedChildren) {
        if (!part) continue;
        const value = part.type === 'interpolation' ? evaluate(part.namedChild(0), scope, depth + 1) : part.type === 'escape_sequence' ? part.text.slice(1) : part.text;
        if (value === undefined) return undefined;
        out += value;
      }
      return out;
    }
    case 'number':
      return node.text;
    case 'parenthesized_expression':
      return evaluate(node.namedChild(0), scope, depth + 1);
    case 'identifier': {
      const name = node.text;
      if (name in scope.locals) return scope.locals[name];
      const given = scope.values[name];
      // A value still holding a ${{VAR}} is known only at provision time: its name cannot be checked.
      if (typeof given === 'string') return given.includes('${{') ? undefined : given;
      if (typeof given === 'number') return String(given);
      const param = scope.template.params.find((p) => p.name === name);
      if (param) return evaluate(param.defaultValue, scope, depth + 1);
      return evaluate(scope.template.variables.get(name), scope, depth + 1);
    }
    case 'call_expression': {
      const fn = FUNCTIONS[node.namedChild(0)?.text ?? ''];
      const args = (node.namedChild(1)?.namedChildren ?? []).map((a) => evaluate(a, scope, depth + 1));
      if (!fn || args.some((a) => a === undefined)) return undefined;
      return fn(args as string[]);
    }
    default:
      return undefined;
  }
}

function loopItems(source: BicepNode, scope: Scope): BicepNode[] | undefined {
  const array = source.type === 'identifier' ? scope.template.variables.get(source.text) : source;
  return array?.type === 'array' ? (array.namedChildren.filter(Boolean) as BicepNode[]) : undefined;
}

export function resourceNameProblems(template: BicepFile, values: Record<string, unknown>): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  const check = (type: string, symbol: string, name: string | undefined) => {
    const rule = NAME_RULES[type.split('@')[0] ?? ''];
    if (!rule || name === undefined) return;
    checked++;
    const where = `${template.file}: resource ${symbol} (${type.split('@')[0]}) name '${name}'`;
    if (name.length < rule.min || name.length > rule.max) problems.push(`${where} is ${name.length} characters; Azure allows ${rule.min}-${rule.max}`);
    if (!rule.pattern.test(name)) problems.push(`${where} may contain only ${rule.allowed}`);
  };
  for (const resource of template.resources) {
    const scope: Scope = { template, values, locals: {} };
    if (!resource.loop) {
      check(resource.type, resource.symbol, evaluate(resource.name, scope));
      continue;
    }
    for (const item of loopItems(resource.loop.source, scope) ?? []) {
      const value = stringLiteral(item);
      if (value !== undefined) check(resource.type, resource.symbol, evaluate(resource.name, { ...scope, locals: { [resource.loop.variable]: value } }));
    }
  }
  return { problems, checked };
}

export interface BicepReport {
  readonly problems: readonly string[];
  readonly namesChecked: number;
  readonly outputs: readonly string[];
}

/** Every check on one template and its parameters file. */
export function checkBicep(parser: BicepParser, templateFile: string, parameterFile: string, env: EnvValues, root = process.cwd()): BicepReport {
  const template = parser.parse(templateFile);
  const shown = { ...template, file: relative(root, templateFile) };
  const shownParams = relative(root, parameterFile);
  // Unresolved ${{VARS}} are the yml check's business (it knows which steps produce them).
  const { values } = readParameterFile(parameterFile, env);
  const names = resourceNameProblems(shown, values);
  const problems = [
    ...template.syntaxErrors,
    ...moduleParamProblems(template, parser),
    ...parameterFileProblems(shown, shownParams, values),
    ...names.problems,
  ].map((p) => p.split(`${root}${sep}`).join(''));
  return { problems, namesChecked: names.checked, outputs: template.outputs };
}
