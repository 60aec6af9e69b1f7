// Reads the Graph documentation examples kept beside the tests.
import { readFileSync } from 'node:fs';

export const EXAMPLES_DIR = new URL('./graph-examples/', import.meta.url);

export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, EXAMPLES_DIR), 'utf8'));
}
