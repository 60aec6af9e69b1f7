// --dump DIR: the generated tenant as files, for the diagnose CLI and for --records.
//   DIR/records/<id>.json   one callRecord each (sessions with segments, participants_v2 inline)
//   DIR/ground-truth.json   the intended verdict/cause/side per record
//   DIR/users.json, DIR/reports.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedTenant } from './types.js';

export function dumpTenant(tenant: GeneratedTenant, dir: string): number {
  const recordsDir = join(dir, 'records');
  mkdirSync(recordsDir, { recursive: true });
  for (const record of tenant.records) writeFileSync(join(recordsDir, `${String(record.id)}.json`), `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(join(dir, 'ground-truth.json'), `${JSON.stringify(tenant.groundTruth, null, 2)}\n`);
  writeFileSync(join(dir, 'users.json'), `${JSON.stringify({ tenantId: tenant.tenantId, demoUserId: tenant.demoUserId, users: tenant.users }, null, 2)}\n`);
  const { pstnCalls, directRoutingCalls, smsLog, blockedUsers, dialoutReport } = tenant;
  writeFileSync(join(dir, 'reports.json'), `${JSON.stringify({ pstnCalls, directRoutingCalls, smsLog, blockedUsers, dialoutReport }, null, 2)}\n`);
  return tenant.records.length;
}
