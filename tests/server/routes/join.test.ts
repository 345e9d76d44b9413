import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../../shared/domain/join-code.ts';
import { connectClient, facilitatorWithSession, joinAs, send, sendOk, startServer, type ClientSocket, type TestServer } from '../helpers.ts';

const preview = (server: TestServer, code: string) => fetch(`${server.url}/api/join/${code}`);

/** A well-formed code that differs from `code` in its first character, so no session has it. */
function otherCode(code: string, server: TestServer): string {
  const taken = new Set([...server.repo.sessions.values()].map((doc) => doc.data.joinCode));
  for (const c of JOIN_CODE_ALPHABET) {
    const candidate = c + code.slice(1);
    if (!taken.has(candidate)) return candidate;
  }
  throw new Error('no free code');
}

describe('GET /api/join/:code', () => {
  let server: TestServer;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server.close();
  });

  async function sessionWithParticipant() {
    const facilitator = await facilitatorWithSession(server.url, { title: 'Werksessie Wlz Noord', date: '2026-03-12' });
    const participant = await joinAs(server.url, facilitator.session.joinCode, 'Anna de Vries');
    sockets.push(facilitator.socket, participant.socket);
    return { ...facilitator, participant };
  }

  it('tells the title, date and that the session is open, and nothing else', async () => {
    const { session, studyId, key, participant } = await sessionWithParticipant();
    const response = await preview(server, session.joinCode);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(JSON.parse(text)).toStrictEqual({ title: 'Werksessie Wlz Noord', date: '2026-03-12', status: 'open' });
    for (const secret of [session.id, studyId, key, participant.participantId, participant.token, 'Anna de Vries', 'Evaluatie zorginkoop']) {
      expect(text).not.toContain(secret);
    }
  });

  it('reads the code as people type it: lower case, with a space or a dash', async () => {
    const { session } = await sessionWithParticipant();
    const code = session.joinCode.toLowerCase();
    for (const typed of [code, `${code.slice(0, 3)}-${code.slice(3)}`, `${code.slice(0, 3)}%20${code.slice(3)}`]) {
      const response = await preview(server, typed);
      expect(response.status, typed).toBe(200);
      expect(await response.json()).toMatchObject({ title: 'Werksessie Wlz Noord' });
    }
  });

  it('says a closed session is closed, as joining it then fails', async () => {
    const { session, socket } = await sessionWithParticipant();
    await sendOk(socket, 'session:phase', { sessionId: session.id, phase: 'closed' });
    const response = await preview(server, session.joinCode);
    expect(response.status).toBe(200);
    expect(await response.json()).toStrictEqual({ title: 'Werksessie Wlz Noord', date: '2026-03-12', status: 'closed' });
    const late = await joinAs(server.url, session.joinCode, 'Laat').catch((error: Error) => error);
    expect(String(late)).toContain('wrong_phase');
  });

  it('answers 404 with a message for a well-formed code no session has', async () => {
    const { session } = await sessionWithParticipant();
    const response = await preview(server, otherCode(session.joinCode, server));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toStrictEqual({ error: 'not_found', message: 'No session with this code' });
  });

  it.each([
    ['too short', 'C7KM3'],
    ['too long', 'C7KM3PX'],
    ['look-alike characters', 'O0IL15'],
    ['punctuation', '%24%7B%7D%3C%3E'],
    ['a path', '..%2F..%2Fetc'],
    ['long', 'X'.repeat(90)],
  ])('answers 400 for a malformed code (%s)', async (_name, code) => {
    const response = await preview(server, code);
    expect(response.status).toBe(400);
    expect(await response.json()).toStrictEqual({ error: 'invalid_payload', message: 'A join code is 6 of the characters 34679CFHKMNPRTXY, e.g. C7K M3P' });
  });

  it('refuses a code too long for any URL with 414, and goes on answering', async () => {
    const { session } = await sessionWithParticipant();
    expect((await preview(server, 'X'.repeat(5000))).status).toBe(414);
    expect((await preview(server, session.joinCode)).status).toBe(200);
  });
});

describe('checking join codes', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('shares the budget of wrong codes with joining: past it, even a right code is refused over HTTP and the socket', async () => {
    const server = await startServer({ limits: { failedJoins: { max: 3, windowMs: 60_000, blockMs: 60_000 } } });
    servers.push(server);
    const { session, socket } = await facilitatorWithSession(server.url);
    // Malformed codes cannot match anything and are not counted.
    for (let i = 0; i < 5; i++) expect((await preview(server, 'ABC')).status).toBe(400);
    expect((await preview(server, session.joinCode)).status).toBe(200);
    const unknown = otherCode(session.joinCode, server);
    for (let i = 0; i < 3; i++) expect((await preview(server, unknown)).status).toBe(404);
    const blocked = await preview(server, session.joinCode);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(await blocked.json()).toStrictEqual({ error: 'rate_limited', message: 'Too many wrong codes from this network; try again in 60 seconds' });
    const participant = await connectClient(server.url);
    expect(await send(participant, 'session:join', { code: session.joinCode, profile: { name: 'Anna', consent: false } })).toMatchObject({ ok: false, error: 'rate_limited' });
    participant.disconnect();
    socket.disconnect();
  });
});
