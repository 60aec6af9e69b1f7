// OData conventions on single records and users: $select, $expand errors, Prefer headers for
// nulls and evolvable enums, request ids, and the errors for unknown segments and users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphGet } from '../emulator/testing/graphFetch.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

type Json = Record<string, unknown>;

describe('emulator OData conventions', () => {
  let emulator: EmulatorHandle;
  let p2p: Json;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 21, throttle: false });
    p2p = emulator.tenant!.records.filter((r) => r.type === 'peerToPeer').at(-1) as Json;
  });
  afterAll(() => emulator.close());

  it('when $select names two properties, then only those, the id and the auto-expanded organizer come back', async () => {
    const got = await graphGet<Json>(emulator, `/v1.0/communications/callRecords/${String(p2p.id)}?$select=startDateTime,type`);
    expect(Object.keys(got.body).filter((k) => !k.includes('@'))).toEqual(['type', 'startDateTime', 'id', 'organizer_v2']);
  });

  it('when $select or $expand names something the type does not have, then it is a 400', async () => {
    expect((await graphGet(emulator, `/v1.0/communications/callRecords/${String(p2p.id)}?$select=callQuality`)).status).toBe(400);
    expect((await graphGet(emulator, `/v1.0/communications/callRecords/${String(p2p.id)}?$expand=segments`)).status).toBe(400);
  });

  it('when Prefer: omit-values=nulls is sent, then null properties are left out', async () => {
    const path = `/v1.0/communications/callRecords/${String(p2p.id)}?$expand=sessions($expand=segments)`;
    const plain = await graphGet<Json>(emulator, path);
    const omitted = await graphGet<Json>(emulator, path, { headers: { prefer: 'omit-values=nulls' } });
    expect(plain.body.joinWebUrl).toBeNull();
    expect('joinWebUrl' in omitted.body).toBe(false);
    expect(JSON.stringify(omitted.body)).not.toContain(':null');
  });

  it('when a client is an Azure Communication Services one, then productFamily reads unknownFutureValue unless Prefer: include-unknown-enum-members is sent', async () => {
    const record = structuredClone(p2p) as Json & { sessions: Json[] };
    record.id = 'acs-call';
    (((record.sessions[0]!.caller as Json).userAgent) as Json).productFamily = 'azureCommunicationServices';
    await emulator.addRecord(record);
    const family = (body: Json): unknown => (((body.sessions as Json[])[0]!.caller as Json).userAgent as Json).productFamily;
    const path = '/v1.0/communications/callRecords/acs-call?$expand=sessions';
    expect(family((await graphGet<Json>(emulator, path)).body)).toBe('unknownFutureValue');
    expect(family((await graphGet<Json>(emulator, path, { headers: { prefer: 'include-unknown-enum-members' } })).body)).toBe('azureCommunicationServices');
  });

  it('when a request sends client-request-id, then the response carries it and a request-id', async () => {
    const got = await graphGet(emulator, `/v1.0/communications/callRecords/${String(p2p.id)}/organizer_v2`, { headers: { 'client-request-id': 'trace-me-123' } });
    expect(got.status).toBe(200);
    expect(got.body.id).toBe((p2p.organizer_v2 as Json).id);
    expect(got.headers.get('client-request-id')).toBe('trace-me-123');
    expect(got.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when a path segment is unknown, then Graph answers 400 naming the segment', async () => {
    const got = await graphGet<{ error: { code: string; message: string } }>(emulator, '/v1.0/communications/callRecordz');
    expect(got.status).toBe(400);
    expect(got.body.error.message).toContain("segment 'callRecordz'");
  });

  it('when a user is read with $select, then only those fields come back; an unknown user is a 404', async () => {
    const ravi = emulator.tenant!.users.find((u) => u.displayName === 'Ravi Patel')!;
    const got = await graphGet<Json>(emulator, `/v1.0/users/${ravi.id}?$select=displayName,mail`);
    expect(got.body).toEqual({ '@odata.context': expect.stringContaining('$metadata#users(displayName,mail)/$entity'), displayName: 'Ravi Patel', mail: ravi.mail });
    expect((await graphGet(emulator, '/v1.0/users/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await graphGet(emulator, `/v1.0/users/${ravi.id}?$select=salary`)).status).toBe(400);
  });
});
