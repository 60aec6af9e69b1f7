// The emulator's team members route and graph/'s directory client over it: every page followed,
// only users kept, 404 for an unknown group, 403 without GroupMember.Read.All.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_TEAM_ID, SUPPORT_TEAM_ID } from '../emulator/index.js';
import { graphGet } from '../emulator/testing/graphFetch.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { graphOverEmulator, graphRequests, clearRequestsSettled } from './support/graphOverEmulator.js';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ now: new Date('2026-11-29T15:30:00Z') });
});
afterAll(() => emulator.close());

describe('GET /groups/{id}/members', () => {
  it('when the directory client reads the support team, then it follows every page and returns its 12 users', async () => {
    const graph = graphOverEmulator(emulator);
    await clearRequestsSettled(emulator);
    const members = await graph.directory.groupMembers(SUPPORT_TEAM_ID);
    expect(members).toHaveLength(12);
    const demoUser = emulator.tenant!.users.find((u) => u.id === emulator.tenant!.demoUserId)!;
    expect(members).toContainEqual({ id: demoUser.id, displayName: demoUser.displayName, userPrincipalName: demoUser.userPrincipalName });
    expect(await graph.directory.groupMembers(SMALL_TEAM_ID)).toHaveLength(3);
    expect(await graph.directory.groupMembers('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect((await graphRequests(emulator, '/groups/')).length).toBeGreaterThan(0);
  });

  it('when a client pages with $top, then nextLinks carry the rest and every item is a typed user with the selected fields', async () => {
    const token = await emulator.appToken(['GroupMember.Read.All']);
    const first = await graphGet<{ value: Record<string, unknown>[]; '@odata.nextLink'?: string; '@odata.context': string }>(emulator, `/v1.0/groups/${SUPPORT_TEAM_ID}/members?$select=id,displayName&$top=5`, { token });
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(5);
    expect(first.body['@odata.context']).toMatch(/\$metadata#directoryObjects\(id,displayName\)$/);
    expect(Object.keys(first.body.value[0]!).sort()).toEqual(['@odata.type', 'displayName', 'id']);
    expect(first.body.value[0]!['@odata.type']).toBe('#microsoft.graph.user');
    const second = await graphGet<{ value: unknown[] }>(emulator, first.body['@odata.nextLink']!, { token });
    expect(second.body.value).toHaveLength(5);
  });

  it('when the app lacks GroupMember.Read.All, then Graph answers 403; a bad $top is a 400', async () => {
    const without = await emulator.appToken(['CallRecords.Read.All']);
    expect((await graphGet(emulator, `/v1.0/groups/${SUPPORT_TEAM_ID}/members`, { token: without })).status).toBe(403);
    const token = await emulator.appToken(['GroupMember.Read.All']);
    expect((await graphGet(emulator, `/v1.0/groups/${SUPPORT_TEAM_ID}/members?$top=0`, { token })).status).toBe(400);
  });

  it('when the directory client looks a user up by UPN, then it gets the user, or null for nobody', async () => {
    const graph = graphOverEmulator(emulator);
    const someone = emulator.tenant!.users[3]!;
    expect(await graph.directory.findUser(someone.userPrincipalName)).toEqual({ id: someone.id, displayName: someone.displayName, userPrincipalName: someone.userPrincipalName });
    expect(await graph.directory.findUser('nobody@contoso.com')).toBeNull();
  });
});
