import { request } from 'node:https';

/** Polls until `url` answers over HTTPS trusting `ca` (any status counts: the server is up). */
export async function waitForHttps(url: string, ca: string, timeoutMs: number, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    try {
      await probe(url, ca);
      return;
    } catch (error) {
      lastError = (error as Error).message;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastError})`);
}

function probe(url: string, ca: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', ca, timeout: 2_000 }, (res) => {
      res.resume();
      resolve();
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}
