import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import type { GraphSettings } from '../settings.js';
import { createCredential, graphScope } from './createCredential.js';

const base: Omit<GraphSettings, 'auth'> = { tenantId: 'dc368399-474c-4d40-900c-6265431fd81f', clientId: 'ca11d0c7-0000-4000-8000-00000000de70', baseUrl: 'https://graph.microsoft.com', authorityHost: 'https://login.microsoftonline.com' };

describe('createCredential', () => {
  it('when configured for a secret, a certificate or a managed identity, then that credential is built', () => {
    expect(createCredential({ ...base, auth: { kind: 'secret', clientSecret: 's' } })).toBeInstanceOf(ClientSecretCredential);
    expect(createCredential({ ...base, auth: { kind: 'certificate', certificatePath: '/nowhere/cert.pem' } })).toBeInstanceOf(ClientCertificateCredential);
    expect(createCredential({ ...base, auth: { kind: 'managedIdentity' } })).toBeInstanceOf(ManagedIdentityCredential);
  });

  it('when Graph is a national cloud, then the token is asked for that cloud; for the emulator, for global Graph', () => {
    expect(graphScope('https://graph.microsoft.us')).toBe('https://graph.microsoft.us/.default');
    expect(graphScope('https://graph.microsoft.com')).toBe('https://graph.microsoft.com/.default');
    expect(graphScope('https://localhost:4443')).toBe('https://graph.microsoft.com/.default');
  });
});
