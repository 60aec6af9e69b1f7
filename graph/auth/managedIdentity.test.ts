// Which identity a managed-identity credential asks Azure for: a user-assigned one only when
// its client id is configured; otherwise the system-assigned one (no client id sent).
import type * as Identity from '@azure/identity';
import { describe, expect, it, vi } from 'vitest';
import type { GraphSettings } from '../settings.js';
import { createCredential } from './createCredential.js';

const constructed = vi.hoisted(() => [] as unknown[][]);

vi.mock('@azure/identity', async (importOriginal) => {
  const actual = await importOriginal<typeof Identity>();
  class RecordingManagedIdentityCredential extends actual.ManagedIdentityCredential {
    constructor(...args: unknown[]) {
      // A copy of what was passed: the library adds its own defaults to the options object.
      constructed.push(args.map((arg) => (arg !== null && typeof arg === 'object' ? { ...arg } : arg)));
      super(...(args as ConstructorParameters<typeof actual.ManagedIdentityCredential>));
    }
  }
  return { ...actual, ManagedIdentityCredential: RecordingManagedIdentityCredential };
});

const base: Omit<GraphSettings, 'auth'> = { tenantId: 'dc368399-474c-4d40-900c-6265431fd81f', clientId: 'ca11d0c7-0000-4000-8000-00000000de70', baseUrl: 'https://graph.microsoft.com', authorityHost: 'https://login.microsoftonline.com' };
const USER_ASSIGNED = '0a5e1d00-0000-4000-8000-0000000000a5';

describe('createCredential with a managed identity', () => {
  it('when no client id is configured, then the system-assigned identity is used (no client id, not the app registration\'s)', () => {
    constructed.length = 0;
    createCredential({ ...base, auth: { kind: 'managedIdentity' } });
    expect(constructed).toHaveLength(1);
    expect(JSON.stringify(constructed[0])).not.toContain(base.clientId);
    expect(constructed[0]!.every((arg) => arg === undefined || (typeof arg === 'object' && (arg as { clientId?: string }).clientId === undefined))).toBe(true);
  });

  it('when a user-assigned identity\'s client id is configured, then exactly that client id is asked for', () => {
    constructed.length = 0;
    createCredential({ ...base, auth: { kind: 'managedIdentity', clientId: USER_ASSIGNED } });
    expect(constructed).toEqual([[{ clientId: USER_ASSIGNED }]]);
  });
});
