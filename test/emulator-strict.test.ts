// Strict mode (issue #11, item 6): the emulator refuses the query forms Graph does not document
// (graph-callrecords.md §5.2, §13): more than one $expand on get, and the participant filter
// combined with startDateTime on list. Without the flag both are served, as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphGet } from '../emulator/testing/graphFetch.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';

const combinedExpand = '$expand=sessions($expand=segments),participants_v2';

describe('emulator strict mode', () => {
  let strict: EmulatorHandle;
  let lenient: EmulatorHandle;
  let id: string;
  let user: string;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startEmulator({ seed: 4, throttle: false, strict: true }), startEmulator({ seed: 4, throttle: false })]);
    id = String(strict.tenant!.records.at(-1)!.id);
    user = strict.tenant!.demoUserId;
  });
  afterAll(() => Promise.all([strict.close(), lenient.close()]));

  const combinedFilter = (): string => `$filter=${encodeURIComponent(`participants_v2/any(p:p/id eq '${user}') and startDateTime ge 2020-01-01T00:00:00Z`)}`;

  it('when a get combines two expansions, then strict mode answers 400 naming the documented forms; lenient mode serves it', async () => {
    const refused = await graphGet<{ error: { code: string; message: string } }>(strict, `/v1.0/communications/callRecords/${id}?${combinedExpand}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('BadRequest');
    expect(refused.body.error.message).toMatch(/one \$expand/i);

    expect((await graphGet(lenient, `/v1.0/communications/callRecords/${id}?${combinedExpand}`)).status).toBe(200);
  });

  it('when a list combines the participant filter with startDateTime, then strict mode answers 400; lenient mode serves it', async () => {
    const refused = await graphGet<{ error: { code: string; message: string } }>(strict, `/v1.0/communications/callRecords?${combinedFilter()}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/filter/i);

    expect((await graphGet(lenient, `/v1.0/communications/callRecords?${combinedFilter()}`)).status).toBe(200);
  });

  it('when the documented forms are used, then strict mode serves them', async () => {
    for (const path of [
      `/v1.0/communications/callRecords/${id}?$expand=sessions($expand=segments)`,
      `/v1.0/communications/callRecords/${id}?$expand=participants_v2`,
      `/v1.0/communications/callRecords/${id}/participants_v2`,
      `/v1.0/communications/callRecords?$filter=${encodeURIComponent(`participants_v2/any(p:p/id eq '${user}')`)}`,
      `/v1.0/communications/callRecords?$filter=${encodeURIComponent('startDateTime ge 2020-01-01T00:00:00Z and startDateTime lt 2030-01-01T00:00:00Z')}`,
    ]) {
      expect((await graphGet(strict, path)).status, path).toBe(200);
    }
  });
});
