// A small OData CSDL validator for tests: loads the official schema files and checks a JSON
// payload against a type (names, base types, polymorphic @odata.type, enums, Edm formats,
// non-nullable properties, open types). It lets tests prove every payload the emulator serves
// matches Graph's published contract rather than what the emulator's authors believed.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

interface PropertyDef {
  readonly type: string;
  readonly nullable: boolean;
  readonly navigation: boolean;
}

interface TypeDef {
  readonly name: string;
  readonly kind: 'entity' | 'complex' | 'enum';
  readonly base?: string;
  readonly abstract: boolean;
  readonly open: boolean;
  readonly properties: Map<string, PropertyDef>;
  readonly members: Set<string>;
}

const ALIASES: Record<string, string> = { graph: 'microsoft.graph' };
const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class CsdlModel {
  private constructor(private readonly types: Map<string, TypeDef>) {}

  static load(files: readonly string[]): CsdlModel {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['Schema', 'EntityType', 'ComplexType', 'EnumType', 'Property', 'NavigationProperty', 'Member'].includes(name) });
    const types = new Map<string, TypeDef>();
    for (const file of files) {
      const doc = parser.parse(readFileSync(file, 'utf8')) as { 'edmx:Edmx': { 'edmx:DataServices': { Schema: Record<string, unknown>[] } } };
      for (const schema of doc['edmx:Edmx']['edmx:DataServices'].Schema) {
        const ns = String(schema.Namespace);
        const add = (raw: Record<string, unknown>, kind: TypeDef['kind']): void => {
          const properties = new Map<string, PropertyDef>();
          for (const p of (raw.Property ?? []) as Record<string, string>[]) properties.set(p.Name!, { type: resolve(p.Type!), nullable: p.Nullable !== 'false', navigation: false });
          for (const p of (raw.NavigationProperty ?? []) as Record<string, string>[]) properties.set(p.Name!, { type: resolve(p.Type!), nullable: true, navigation: true });
          const members = new Set(((raw.Member ?? []) as Record<string, string>[]).map((m) => m.Name!));
          const name = `${ns}.${String(raw.Name)}`;
          // A type listed twice in an extract (the supporting file repeats two) merges its properties.
          const existing = types.get(name);
          if (existing) for (const [k, v] of properties) existing.properties.set(k, v);
          else types.set(name, { name, kind, base: raw.BaseType ? resolve(String(raw.BaseType)) : undefined, abstract: raw.Abstract === 'true', open: raw.OpenType === 'true', properties, members });
        };
        for (const t of (schema.EntityType ?? []) as Record<string, unknown>[]) add(t, 'entity');
        for (const t of (schema.ComplexType ?? []) as Record<string, unknown>[]) add(t, 'complex');
        for (const t of (schema.EnumType ?? []) as Record<string, unknown>[]) add(t, 'enum');
      }
    }
    return new CsdlModel(types);
  }

  has(typeName: string): boolean {
    return this.types.has(resolve(typeName));
  }

  /**
   * Problems found, each naming the JSON path; empty when the value conforms. `selected` marks a
   * $select projection: its own properties may be left out, but whatever is present (and
   * everything nested in it) must conform in full.
   */
  validate(value: unknown, typeName: string, path = '$', options: { selected?: boolean } = {}): string[] {
    const problems: string[] = [];
    this.check(value, resolve(typeName), path, problems, options.selected ?? false);
    return problems;
  }

  private check(value: unknown, type: string, path: string, problems: string[], selected = false): void {
    const collection = /^Collection\((.+)\)$/.exec(type);
    if (collection) {
      if (!Array.isArray(value)) return void problems.push(`${path}: expected an array (${type})`);
      value.forEach((item, i) => (item === null ? problems.push(`${path}[${i}]: null inside a collection`) : this.check(item, collection[1]!, `${path}[${i}]`, problems)));
      return;
    }
    if (type.startsWith('Edm.')) return this.checkPrimitive(value, type, path, problems);
    const def = this.types.get(type);
    if (!def) return void problems.push(`${path}: type ${type} is not in the loaded schema`);
    if (def.kind === 'enum') {
      if (typeof value !== 'string' || !def.members.has(value)) problems.push(`${path}: ${JSON.stringify(value)} is not a member of ${type}`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return void problems.push(`${path}: expected an object of ${type}`);
    const obj = value as Record<string, unknown>;
    let actual = def;
    const declared = obj['@odata.type'];
    if (typeof declared === 'string') {
      const named = this.types.get(resolve(declared.replace(/^#/, '')));
      if (!named) return void problems.push(`${path}: @odata.type ${declared} is not a known type`);
      if (!this.derivesFrom(named.name, def.name)) return void problems.push(`${path}: @odata.type ${declared} does not derive from ${type}`);
      actual = named;
    } else if (def.abstract && def.kind === 'complex') {
      return void problems.push(`${path}: ${type} is abstract, so @odata.type must name the concrete type`);
    } else if (def.name.startsWith('microsoft.graph.callRecords.') && this.hasDerived(def.name)) {
      problems.push(`${path}: polymorphic ${type} needs @odata.type`);
    }
    const properties = this.propertiesOf(actual.name);
    for (const [key, v] of Object.entries(obj)) {
      if (key.includes('@')) continue; // instance annotations (@odata.type, nav@odata.context, ...)
      const prop = properties.get(key);
      if (!prop) {
        if (!this.isOpen(actual.name)) problems.push(`${path}.${key}: not a property of ${actual.name}`);
        continue;
      }
      if (v === null) {
        if (!prop.nullable) problems.push(`${path}.${key}: null, but ${actual.name}.${key} is not nullable`);
        continue;
      }
      this.check(v, prop.type, `${path}.${key}`, problems);
    }
    if (selected) return;
    for (const [key, prop] of properties) {
      if (!prop.nullable && !prop.navigation && !(key in obj)) problems.push(`${path}.${key}: missing, but ${actual.name}.${key} is not nullable`);
    }
  }

  private checkPrimitive(value: unknown, type: string, path: string, problems: string[]): void {
    const fail = (what: string): void => void problems.push(`${path}: ${JSON.stringify(value)} is not ${what} (${type})`);
    switch (type) {
      case 'Edm.String':
        return void (typeof value === 'string' || fail('a string'));
      case 'Edm.Boolean':
        return void (typeof value === 'boolean' || fail('a boolean'));
      case 'Edm.Int32':
      case 'Edm.Int64':
        return void ((typeof value === 'number' && Number.isInteger(value)) || fail('an integer'));
      case 'Edm.Single':
      case 'Edm.Double':
      case 'Edm.Decimal':
        return void ((typeof value === 'number' && Number.isFinite(value)) || fail('a number'));
      case 'Edm.DateTimeOffset':
        return void ((typeof value === 'string' && DATE_TIME_OFFSET.test(value)) || fail('an ISO 8601 date-time with offset'));
      case 'Edm.Duration':
        return void ((typeof value === 'string' && DURATION.test(value)) || fail('an ISO 8601 duration'));
      case 'Edm.Guid':
        return void ((typeof value === 'string' && GUID.test(value)) || fail('a GUID'));
      default:
        problems.push(`${path}: unsupported primitive ${type}`);
    }
  }

  private chain(name: string): TypeDef[] {
    const out: TypeDef[] = [];
    for (let t = this.types.get(name); t; t = t.base ? this.types.get(t.base) : undefined) out.push(t);
    return out;
  }

  private propertiesOf(name: string): Map<string, PropertyDef> {
    const merged = new Map<string, PropertyDef>();
    for (const t of this.chain(name).reverse()) for (const [k, v] of t.properties) merged.set(k, v);
    return merged;
  }

  private isOpen(name: string): boolean {
    return this.chain(name).some((t) => t.open);
  }

  private derivesFrom(name: string, ancestor: string): boolean {
    return this.chain(name).some((t) => t.name === ancestor);
  }

  private hasDerived(name: string): boolean {
    return [...this.types.values()].some((t) => t.base === name);
  }
}

function resolve(type: string): string {
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) return `Collection(${resolve(collection[1]!)})`;
  const [head, ...rest] = type.split('.');
  return head && ALIASES[head] && rest.length > 0 ? `${ALIASES[head]}.${rest.join('.')}` : type;
}
