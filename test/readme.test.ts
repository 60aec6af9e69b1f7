import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VARIABLES } from '../server/config/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the two set-up commands', () => {
    const firstCommands = [...readme.matchAll(/^\s*(npm ci && npm \w+)\s*$/gm)].map((m) => m[1]).slice(0, 2);
    expect(firstCommands).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });

  it('documents every environment variable the config module reads, and no other', () => {
    const table = readme.slice(readme.indexOf('## Configuration'));
    const documented = [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(VARIABLES.map((v) => v.name).sort());
  });
});
