// The emulator's self-signed certificate. HTTPS is not optional: the Graph JS SDK only attaches
// tokens to, and only follows nextLinks of, https:// URLs (toolchain.md §6).
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  readonly certPath: string;
  readonly keyPath: string;
  readonly cert: string;
  readonly key: string;
}

export const CERT_FILE = 'emulator-cert.pem';
export const KEY_FILE = 'emulator-key.pem';

/** Reuses the certificate in `dir` when it is still valid for another day; creates one otherwise. */
export async function ensureCertificate(dir: string, now: Date = new Date()): Promise<TlsMaterial> {
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    if (stillValid(cert, now)) return { certPath, keyPath, cert, key: readFileSync(keyPath, 'utf8') };
  }
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: notAfter,
    // cA lets the certificate act as its own trust anchor in NODE_EXTRA_CA_CERTS.
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { certPath, keyPath, cert: pems.cert, key: pems.private };
}

function stillValid(certPem: string, now: Date): boolean {
  try {
    return new Date(new X509Certificate(certPem).validTo).getTime() > now.getTime() + 24 * 3600 * 1000;
  } catch {
    return false; // unreadable file: replace it
  }
}
