import { describe, expect, it } from 'vitest';
import { choosePeople } from './demoPeople.js';
import { playgroundConfig } from './playgroundConfig.js';

const person = (id: string, displayName: string) => ({ id, displayName, userPrincipalName: `${id}@contoso.example`, mail: `${id}@contoso.example` });

describe('choosePeople', () => {
  it("when the emulator names a demo user, then the Playground signs in as that user and lists a few others", () => {
    const users = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => person(id, `Person ${id}`));
    const people = choosePeople(users, 'D');
    expect(people.currentUser.id).toBe('d');
    expect(people.others.map((p) => p.id)).toEqual(['a', 'b', 'c', 'e', 'f']);
  });

  it('when the demo user is unknown, then the error says so instead of signing in as someone else', () => {
    expect(() => choosePeople([person('a', 'A')], 'zzz')).toThrow(/demo user zzz/);
  });
});

describe('playgroundConfig', () => {
  it('when rendered, then the Playground user is the demo user by Entra object id in the emulator tenant', () => {
    const people = { currentUser: person('aaaa-1', 'Ravi Kumar Shah'), others: [person('bbbb-2', 'Lena')] };
    const yaml = playgroundConfig({ tenantId: 'tenant-9', people });
    // JSON is YAML; the first line is a comment.
    const config = JSON.parse(yaml.split('\n').slice(1).join('\n'));
    expect(config.tenantId).toBe('tenant-9');
    expect(config.currentUser).toMatchObject({ aadObjectId: 'aaaa-1', name: 'Ravi Kumar Shah', givenName: 'Ravi', surname: 'Kumar Shah', userPrincipleName: 'aaaa-1@contoso.example' });
    expect(config.users).toHaveLength(1);
    expect(config.users[0]).toMatchObject({ aadObjectId: 'bbbb-2', surname: '-' });
    // The Playground rejects duplicate ids.
    const ids = [config.currentUser.id, ...config.users.map((u: { id: string }) => u.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
