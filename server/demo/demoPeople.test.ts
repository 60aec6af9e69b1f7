import { describe, expect, it } from 'vitest';
import { pickDemoUsers } from './demoPeople.js';
import { playgroundConfig } from './playgroundConfig.js';

const entry = (userId: string, verdict: string) => ({ userId, verdict, ambiguous: false });

describe('pickDemoUsers', () => {
  it('when users had calls, then the one with the most bad calls comes first, ties broken by call count', () => {
    const truth = [entry('calm', 'good'), entry('calm', 'good'), entry('calm', 'good'), entry('stormy', 'dropped'), entry('stormy', 'poor'), entry('busy', 'poor'), entry('busy', 'good'), entry('busy', 'good')];
    expect(pickDemoUsers(truth, 3)).toEqual(['stormy', 'busy', 'calm']);
    expect(pickDemoUsers(truth, 1)).toEqual(['stormy']);
  });
});

describe('playgroundConfig', () => {
  it('when rendered, then the Playground user is the demo user by Entra object id in the emulator tenant', () => {
    const people = {
      currentUser: { id: 'aaaa-1', displayName: 'Ravi Kumar Shah', userPrincipalName: 'ravi@contoso.example', mail: 'ravi@contoso.example' },
      others: [{ id: 'bbbb-2', displayName: 'Lena', userPrincipalName: 'lena@contoso.example', mail: 'lena@contoso.example' }],
    };
    const yaml = playgroundConfig({ tenantId: 'tenant-9', people });
    // JSON is YAML; the first line is a comment.
    const config = JSON.parse(yaml.split('\n').slice(1).join('\n'));
    expect(config.tenantId).toBe('tenant-9');
    expect(config.currentUser).toMatchObject({ aadObjectId: 'aaaa-1', name: 'Ravi Kumar Shah', givenName: 'Ravi', surname: 'Kumar Shah', userPrincipleName: 'ravi@contoso.example' });
    expect(config.users).toHaveLength(1);
    expect(config.users[0]).toMatchObject({ aadObjectId: 'bbbb-2', surname: '-' });
    // The Playground rejects duplicate ids.
    const ids = [config.currentUser.id, ...config.users.map((u: { id: string }) => u.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
