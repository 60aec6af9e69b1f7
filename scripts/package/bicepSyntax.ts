// Parses Bicep with the tree-sitter Bicep grammar (wasm, no native build): the closest thing to a
// Bicep compiler that runs offline. It finds syntax errors and gives the declarations the
// cross-file checks need; it does no type checking or symbol resolution.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

export type BicepNode = Node;

export interface BicepParam {
  readonly name: string;
  readonly hasDefault: boolean;
  /** The default value's expression, when it has one. */
  readonly defaultValue: BicepNode | undefined;
}

export interface BicepResource {
  readonly symbol: string;
  readonly type: string;
  /** The `name:` expression, and the loop it sits in, if any. */
  readonly name: BicepNode | undefined;
  readonly loop: { readonly variable: string; readonly source: BicepNode } | undefined;
}

export interface BicepModule {
  readonly symbol: string;
  readonly path: string;
  readonly params: readonly string[];
}

export interface BicepFile {
  readonly file: string;
  readonly syntaxErrors: readonly string[];
  readonly params: readonly BicepParam[];
  readonly variables: ReadonlyMap<string, BicepNode>;
  readonly resources: readonly BicepResource[];
  readonly modules: readonly BicepModule[];
  readonly outputs: readonly string[];
  /** Names in every `appSettings: [ { name: '...' } ]` list: the environment the app will see. */
  readonly appSettings: readonly string[];
}

export interface BicepParser {
  parse(file: string, text?: string): BicepFile;
}

export async function createBicepParser(): Promise<BicepParser> {
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return { parse: (file, text) => describe(file, parser, text ?? readFileSync(file, 'utf8')) };
}

export function stringLiteral(node: BicepNode | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return node.namedChildren.map((c) => c?.text ?? '').join('');
}

function property(object: BicepNode | null | undefined, key: string): BicepNode | undefined {
  for (const prop of object?.namedChildren ?? []) {
    if (prop?.type === 'object_property' && prop.namedChild(0)?.text === key) return prop.namedChild(1) ?? undefined;
  }
  return undefined;
}

function syntaxErrors(file: string, root: BicepNode): string[] {
  const errors: string[] = [];
  const visit = (node: BicepNode) => {
    if (node.type === 'ERROR' || node.isMissing) {
      const { row, column } = node.startPosition;
      const what = node.isMissing ? `missing ${node.type}` : `unexpected ${JSON.stringify(node.text.split('\n')[0]?.slice(0, 40))}`;
      errors.push(`${file}:${row + 1}:${column + 1} syntax error: ${what}`);
      if (node.type === 'ERROR') return;
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return errors;
}

function describe(file: string, parser: Parser, text: string): BicepFile {
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse ${file}`);
  const root = tree.rootNode;
  const params: BicepParam[] = [];
  const variables = new Map<string, BicepNode>();
  const resources: BicepResource[] = [];
  const modules: BicepModule[] = [];
  const outputs: string[] = [];
  for (const node of root.namedChildren) {
    if (!node) continue;
    const symbol = node.namedChild(0)?.text ?? '';
    if (node.type === 'parameter_declaration') {
      // param NAME TYPE [= default]; a nullable type (string?) needs no value either.
      const value = node.namedChild(2) ?? undefined;
      const nullable = node.namedChild(1)?.text.endsWith('?') ?? false;
      params.push({ name: symbol, hasDefault: value !== undefined || nullable, defaultValue: value });
    } else if (node.type === 'variable_declaration') {
      const value = node.namedChild(1);
      if (value) variables.set(symbol, value);
    } else if (node.type === 'resource_declaration') {
      const body = node.namedChild(2);
      const loop = body?.type === 'for_statement' ? body : undefined;
      const object = loop ? loop.namedChildren.find((c) => c?.type === 'object') : body;
      const loopVariable = loop?.namedChild(0)?.text;
      const loopSource = loop?.namedChild(1);
      resources.push({
        symbol,
        type: stringLiteral(node.namedChild(1)) ?? '',
        name: property(object, 'name'),
        loop: loopVariable && loopSource ? { variable: loopVariable, source: loopSource } : undefined,
      });
    } else if (node.type === 'module_declaration') {
      const paramsObject = property(node.namedChild(2), 'params');
      const passed = (paramsObject?.namedChildren ?? []).filter((c) => c?.type === 'object_property').map((c) => c?.namedChild(0)?.text ?? '');
      modules.push({ symbol, path: stringLiteral(node.namedChild(1)) ?? '', params: passed });
    } else if (node.type === 'output_declaration') {
      outputs.push(symbol);
    }
  }
  return { file, syntaxErrors: syntaxErrors(file, root), params, variables, resources, modules, outputs, appSettings: appSettingNames(root) };
}

function appSettingNames(root: BicepNode): string[] {
  const names: string[] = [];
  const visit = (node: BicepNode) => {
    if (node.type === 'object_property' && node.namedChild(0)?.text === 'appSettings' && node.namedChild(1)?.type === 'array') {
      for (const item of node.namedChild(1)?.namedChildren ?? []) {
        const name = stringLiteral(property(item, 'name'));
        if (name !== undefined) names.push(name);
      }
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return names;
}
