import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudy, startServer, tempDataDir, type TestServer } from '../helpers.ts';

let server: TestServer;
let removeClient: () => Promise<void>;
beforeAll(async () => {
  // A stand-in for the built client, so that pages, assets and the SPA fallback are served.
  const client = await tempDataDir();
  removeClient = client.remove;
  await mkdir(join(client.dir, 'assets'));
  await writeFile(join(client.dir, 'index.html'), '<!doctype html><title>Werksessie</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(join(client.dir, 'assets', 'app.js'), 'console.log(1);');
  server = await startServer({ clientDir: client.dir });
});
afterAll(async () => {
  await server.close();
  await removeClient();
});

const POLICY = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'self' ws: wss:",
  'frame-ancestors': "'none'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

function policyOf(response: Response): Record<string, string> {
  const header = response.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(header.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

function expectSecurityHeaders(response: Response, what: string) {
  expect(policyOf(response), what).toEqual(POLICY);
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(response.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(response.headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
  expect(response.headers.get('x-powered-by'), what).toBeNull();
}

describe('security headers', () => {
  it('are on the page, its assets and deep links', async () => {
    for (const path of ['/', '/assets/app.js', '/j/C7KM3P']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(response, path);
    }
  });

  it('have no upgrade-insecure-requests, so the app works over plain HTTP on a local network', async () => {
    const header = (await fetch(`${server.url}/`)).headers.get('content-security-policy');
    expect(header).not.toContain('upgrade-insecure-requests');
  });

  it('are on API answers, errors and downloads too', async () => {
    const { studyId, key } = await createStudy(server.url);
    const answers = [
      await fetch(`${server.url}/api/health`),
      await fetch(`${server.url}/api/studies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${server.url}/api/nothing-here`),
      await fetch(`${server.url}/api/studies/${studyId}/export`, { headers: { authorization: `Bearer ${key}` } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 400, 404, 200]);
    for (const response of answers) expectSecurityHeaders(response, response.url);
  });
});
