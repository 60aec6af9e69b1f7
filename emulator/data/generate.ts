// generateTenant: a deterministic, realistic tenant for a seed and a "now" (shared contract A).
import { backgroundCalls } from './background.js';
import type { ComposeContext, Composed } from './compose.js';
import { demoStory } from './demoStory.js';
import { Rng } from './random.js';
import { reportRows } from './reports.js';
import type { GeneratedTenant } from './types.js';
import { buildUsers, userNamed } from './users.js';

export const DEMO_USER_NAME = 'Alex Wilber';

export interface GenerateOptions {
  readonly seed: number;
  readonly now: Date;
  /** Defaults to a tenant id derived from the seed. */
  readonly tenantId?: string;
}

export function generateTenant(options: GenerateOptions): GeneratedTenant {
  const root = new Rng(options.seed);
  const tenantId = options.tenantId ?? root.fork('tenant').uuid();
  const users = buildUsers(root.fork('users'));
  const demo = userNamed(users, DEMO_USER_NAME);
  // Separate streams per part: changing the background mix does not change the demo story's ids.
  const ctx = (label: string): ComposeContext => ({ rng: root.fork(label), tenantId, now: options.now, clients: new Map() });
  const clients = new Map();
  const story = demoStory({ ...ctx('demo'), clients }, users, demo);
  const background = backgroundCalls({ ...ctx('background'), clients }, users, demo);
  const all: Composed[] = [...background, ...story].sort((a, b) => String(a.record.startDateTime).localeCompare(String(b.record.startDateTime)));
  const reports = reportRows(root.fork('reports'), users, demo, options.now);
  return {
    tenantId,
    users,
    demoUserId: demo.id,
    records: all.map((c) => c.record),
    groundTruth: all.map((c) => c.truth),
    ...reports,
  };
}
