import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphExamplesDir } from '../testing/reference.js';
import { usersInRecords } from './recordUsers.js';

const example = (name: string): unknown => JSON.parse(readFileSync(join(graphExamplesDir, name), 'utf8'));

describe('users of a records folder', () => {
  it("when serving Microsoft's documentation example, then its organizer can sign in by the name the record gives her", () => {
    const users = usersInRecords([example('get-callrecord-expand-sessions-segments.v1.0.json')]);
    expect(users).toContainEqual(expect.objectContaining({ id: '821809f5-0000-0000-0000-3b5136c0e777', displayName: 'Abbie Wilkins' }));
  });

  it('when a person appears in several records, once without a name, then they are listed once, with the name', () => {
    const id = 'a11ce000-0000-4000-8000-000000000001';
    const unnamed = { id: 'r1', participants_v2: [{ id, identity: { user: { id } } }] };
    const named = { id: 'r2', participants_v2: [{ id, identity: { user: { id: id.toUpperCase(), displayName: 'Alice Park' } } }] };
    expect(usersInRecords([unnamed, named])).toEqual([expect.objectContaining({ id, displayName: 'Alice Park' })]);
  });

  it('when a record names phones, guests without ids or garbage, then only users with ids are listed', () => {
    const record = { participants_v2: [{ identity: { phone: { id: '+15550100' } } }, { identity: { user: { displayName: 'No id' } } }, 7, null], sessions: ['x', { caller: { identity: { user: { id: 'b0b00000-0000-4000-8000-000000000002' } } } }] };
    expect(usersInRecords([record, 'not a record']).map((u) => u.id)).toEqual(['b0b00000-0000-4000-8000-000000000002']);
  });
});
