import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../../server/app.ts';
import { connectClient, createStudy, sendOk } from '../helpers.ts';

const lines: string[] = [];
let built: BuiltApp;
let url: string;
beforeAll(async () => {
  built = await buildApp({ clientDir: '/nonexistent-client', logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
});
afterAll(() => built.app.close());

describe('the facilitator key', () => {
  it('appears in no server log line, even at the most talkative level', async () => {
    const { studyId, key } = await createStudy(url, 'Evaluatie Wmo 2026');
    const socket = await connectClient(url, { studyId, key });
    const session = await sendOk(socket, 'session:create', { title: 'Werksessie Wmo', date: '2026-03-12', mode: 'digitaal', domains: ['Wmo'] });
    socket.disconnect();
    const auth = { authorization: `Bearer ${key}` };
    expect((await fetch(`${url}/api/studies/${studyId}/export`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${url}/api/studies/${studyId}/export`, { headers: { authorization: `Bearer ${key}x` } })).status).toBe(401);
    expect((await fetch(`${url}/api/join/${session.joinCode}`)).status).toBe(200);

    // Requests were logged, with their URLs, but never the key.
    expect(lines.some((line) => line.includes(`/api/studies/${studyId}/export`))).toBe(true);
    expect(lines.some((line) => line.includes(`/api/join/${session.joinCode}`))).toBe(true);
    for (const line of lines) expect(line).not.toContain(key);
  });
});
