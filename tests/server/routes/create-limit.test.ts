import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../server/security/limits.ts';
import { startServer, type TestServer } from '../helpers.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const json = { 'content-type': 'application/json' };

async function serverWith(max: number, blockMs = 60_000) {
  const server = await startServer({ limits: { creates: { max, windowMs: 60_000, blockMs } } });
  servers.push(server);
  return server;
}

const newStudy = (server: TestServer) =>
  fetch(`${server.url}/api/studies`, { method: 'POST', headers: json, body: JSON.stringify({ title: 'Studie', codebook: 'empty' }) });

describe('HTTP requests that create things', () => {
  it('are limited per address, with 429, Retry-After and a message; reading is not', async () => {
    const server = await serverWith(3, 1500);
    const created = [];
    for (let i = 0; i < 3; i++) {
      const response = await newStudy(server);
      expect(response.status).toBe(201);
      created.push((await response.json()) as { studyId: string; key: string });
    }
    const refused = await newStudy(server);
    expect(refused.status).toBe(429);
    expect(['1', '2']).toContain(refused.headers.get('retry-after'));
    expect(await refused.json()).toEqual({ error: 'rate_limited', message: expect.stringMatching(/^Too many requests from this address; try again in [12] seconds?$/) });

    // One budget for every kind of creation: imports and survey uploads are refused too.
    const { studyId, key } = created[0]!;
    const auth = { authorization: `Bearer ${key}` };
    expect((await fetch(`${server.url}/api/studies/import`, { method: 'POST', headers: json, body: '{}' })).status).toBe(429);
    const csv = await readFile(new URL('../../fixtures/surveys/jeugd-wmo-comma.csv', import.meta.url));
    const preview = await fetch(`${server.url}/api/studies/${studyId}/surveys/preview`, { method: 'POST', headers: { 'content-type': 'text/csv', ...auth }, body: csv });
    expect(preview.status).toBe(429);
    expect((await fetch(`${server.url}/api/studies/${studyId}/surveys`, { method: 'POST', headers: { ...json, ...auth }, body: '{}' })).status).toBe(429);

    // Reading goes on.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/studies/${studyId}/export`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${server.url}/api/studies/${studyId}/surveys`, { headers: auth })).status).toBe(200);

    await sleep(1600);
    expect((await newStudy(server)).status).toBe(201);
  });

  it('count refused and invalid requests too, but not unauthorised uploads', async () => {
    const server = await serverWith(2);
    const created = (await (await newStudy(server)).json()) as { studyId: string };
    // An upload without the key is refused before it is counted.
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${server.url}/api/studies/${created.studyId}/surveys/preview`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a;b' })).status).toBe(401);
    }
    expect((await fetch(`${server.url}/api/studies`, { method: 'POST', headers: json, body: '{}' })).status).toBe(400);
    expect((await newStudy(server)).status).toBe(429);
  });

  it('behind a trusted proxy count per forwarded address, which a client cannot choose', async () => {
    const server = await startServer({ trustProxy: 1, limits: { creates: { max: 2, windowMs: 60_000, blockMs: 60_000 } } });
    servers.push(server);
    const from = (chain: string) =>
      fetch(`${server.url}/api/studies`, { method: 'POST', headers: { ...json, 'x-forwarded-for': chain }, body: JSON.stringify({ title: 'Studie', codebook: 'empty' }) });
    // The proxy appends the address it saw; whatever the client put before it is not believed.
    expect((await from('203.0.113.1')).status).toBe(201);
    expect((await from('198.51.100.7, 203.0.113.1')).status).toBe(201);
    expect((await from('198.51.100.8, 203.0.113.1')).status).toBe(429);
    expect((await from('203.0.113.2')).status).toBe(201);
  });

  it(`default to ${DEFAULT_LIMITS.creates.max} a minute`, async () => {
    const server = await startServer();
    servers.push(server);
    const statuses = [];
    for (let i = 0; i <= DEFAULT_LIMITS.creates.max; i++) statuses.push((await newStudy(server)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(DEFAULT_LIMITS.creates.max);
    expect(statuses.at(-1)).toBe(429);
  });
});
