import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { silentLogger } from '../../../graph/index.js';
import { createTabApi } from '../createTabApi.js';
import type { TabApiDependencies } from '../dependencies.js';
import type { Caller } from '../auth/tokenValidator.js';
import type { PoisonedAlertEntry } from '../contract.js';

const entry: PoisonedAlertEntry = { callId: 'c1', changeType: 'created', source: 'notification', receivedAt: '2026-11-30T10:00:00.000Z', reason: 'GraphError 404: not found', attempts: 8, poisonedAt: '2026-11-30T11:00:00.000Z' };
const callers: Record<string, Caller> = {
  user: { userId: 'u', tenantId: 't', displayName: null, userPrincipalName: null, roles: [], helpdesk: false },
  helpdesk: { userId: 'h', tenantId: 't', displayName: null, userPrincipalName: null, roles: ['CallDoctor.Helpdesk'], helpdesk: true },
  admin: { userId: 'a', tenantId: 't', displayName: null, userPrincipalName: null, roles: ['CallDoctor.Admin'], helpdesk: false },
};

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function start(withPoison: boolean) {
  const deps = {
    validateToken: async (token: string) => callers[token]!,
    logger: silentLogger,
    now: () => new Date('2026-11-30T12:00:00Z'),
    mode: 'production',
    ...(withPoison ? { poisonedAlerts: { recent: async (limit: number) => [entry].slice(0, limit) } } : {}),
  } as unknown as TabApiDependencies;
  const app = express().use(createTabApi(deps));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (as: string, query = '') => fetch(`${base}/api/admin/alerts/poison${query}`, { headers: { authorization: `Bearer ${as}` } });
}

describe('GET /api/admin/alerts/poison', () => {
  it('when the helpdesk or an admin asks, then the poisoned alert work is listed; anyone else is refused', async () => {
    const get = await start(true);
    for (const who of ['helpdesk', 'admin']) {
      const response = await get(who);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ entries: [entry] });
    }
    expect((await get('user')).status).toBe(403);
    expect((await get('admin', '?limit=0')).status).toBe(400);
  });

  it('when the alert pipeline is not running, then the route says so with a 404', async () => {
    const get = await start(false);
    expect((await get('admin')).status).toBe(404);
  });
});
