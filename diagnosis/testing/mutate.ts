// Random structural mutations of a JSON document for the fuzz test: delete, null, wrong types,
// odd durations and numbers, huge arrays, prototype-looking keys.
import type { Rng } from './random.js';

type Container = Record<string, unknown> | unknown[];

function containers(root: unknown, out: { parent: Container; key: string | number }[] = [], depth = 0): typeof out {
  if (depth > 12 || root === null || typeof root !== 'object') return out;
  const entries: [string | number, unknown][] = Array.isArray(root) ? root.slice(0, 50).map((v, i) => [i, v]) : Object.entries(root);
  for (const [key, value] of entries) {
    out.push({ parent: root as Container, key });
    containers(value, out, depth + 1);
  }
  return out;
}

function junk(rng: Rng, depth = 0): unknown {
  const choices: (() => unknown)[] = [
    () => null,
    () => undefined,
    () => rng.int(-1e6, 1e6),
    () => rng.pick([Infinity, -Infinity, Number.NaN, 1e308, -0, Number.MAX_SAFE_INTEGER + 2]),
    () => rng.pick(['', 'PT', 'P1Y', '-PT5S', 'PT1e400S', 'PT0.016S', 'P3DT4H', 'PTS', 'x'.repeat(5000), 'callerToCallee', 'calleeToCaller', 'wifi', 'tunnel', 'tcp', 'midcall', 'callSetup', 'frequency24GHz', '#microsoft.graph.callRecords.serviceEndpoint']),
    () => rng.chance(0.5),
    () => (depth < 2 ? [junk(rng, depth + 1), junk(rng, depth + 1)] : []),
    () => (depth < 2 ? { id: junk(rng, depth + 1), stage: 'midcall', streams: junk(rng, depth + 1) } : {}),
    () => Object.create(null) as object,
  ];
  return rng.pick(choices)();
}

function hugeArray(rng: Rng): unknown[] {
  const length = rng.int(2_000, 5_000);
  const item = rng.chance(0.5) ? { streamDirection: 'callerToCallee', averageJitter: 'PT0.2S', averagePacketLossRate: 0.5 } : junk(rng);
  return Array.from({ length }, () => item);
}

/** Applies `count` mutations in place and returns the document (or a replacement for the root). */
export function mutate(doc: unknown, rng: Rng, count: number): unknown {
  let root = doc;
  for (let i = 0; i < count; i++) {
    const sites = containers(root);
    if (sites.length === 0 || rng.chance(0.01)) {
      root = junk(rng);
      continue;
    }
    const { parent, key } = rng.pick(sites);
    const roll = rng.next();
    const target = parent as Record<string | number, unknown>;
    if (roll < 0.25) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete target[key];
    } else if (roll < 0.5) target[key] = null;
    else if (roll < 0.9) target[key] = junk(rng);
    else if (roll < 0.97) target[key] = rng.chance(0.3) ? hugeArray(rng) : [target[key], target[key], target[key]];
    else if (!Array.isArray(parent)) Object.defineProperty(parent, rng.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty']), { value: junk(rng), enumerable: true, configurable: true, writable: true });
  }
  return root;
}
