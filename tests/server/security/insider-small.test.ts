import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, recordTraffic, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, stored, sync } from '../session-helpers.ts';
import { objects, since, studyRoom } from './insider-helpers.ts';

/** Hole 7 of issue 10: the small ones. */

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

function expectSecurityHeaders(response: Response, what: string) {
  const policy = response.headers.get('content-security-policy') ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) expect(policy, what).toContain(directive);
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(response.headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
}

/** A raw WebSocket upgrade request: the status the server answers with (101 when it upgrades). */
function upgradeStatus(origin: string | undefined): Promise<number> {
  const url = new URL(`${server.url}/socket.io/?EIO=4&transport=websocket`);
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        ...(origin === undefined ? {} : { origin }),
      },
    });
    req.once('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    req.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

describe('hole 7: small ones', () => {
  it('socket.io long-polling answers carry the security headers of the app', async () => {
    const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(handshake.status).toBe(200);
    expectSecurityHeaders(handshake, 'polling handshake');
    const body = await handshake.text();
    const sid = (JSON.parse(body.slice(1)) as { sid: string }).sid;
    const base = `${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    const connect = await fetch(base, { method: 'POST', body: '40', headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(connect.status).toBe(200);
    expectSecurityHeaders(connect, 'polling POST');
    const poll = await fetch(base);
    expect(poll.status).toBe(200);
    expect(await poll.text()).toMatch(/^40/);
    expectSecurityHeaders(poll, 'polling GET');
    // A refused origin's answer has them too.
    const refused = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://evil.example' } });
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused, 'refused polling handshake');
  });

  it('keyed downloads answer cache-control: no-store', async () => {
    const room = await studyRoom(server, opened, { title: 'Downloads' });
    const headers = { authorization: `Bearer ${room.auth.key}` };
    for (const path of ['report', 'report.docx', 'report.md', 'cards.csv', 'export']) {
      const response = await fetch(`${server.url}/api/studies/${room.auth.studyId}/${path}`, { headers });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control') ?? '', path).toContain('no-store');
      await response.arrayBuffer();
    }
  });

  it('a WebSocket handshake refused for its Origin answers 403', async () => {
    expect(await upgradeStatus('http://evil.example')).toBe(403);
    expect(await upgradeStatus('null')).toBe(403);
    // The same raw request from the app's own page, or without Origin, is upgraded.
    expect(await upgradeStatus(server.url)).toBe(101);
    expect(await upgradeStatus(undefined)).toBe(101);
  });

  it("vote:retract with another participant's vote id answers like an unknown id and changes nothing", async () => {
    const room = await studyRoom(server, opened, { title: 'Stemmen intrekken', settings: { anonymousVotes: false, showTotalsWhileVoting: true, hideUntilReveal: false } });
    const { sessionId } = room;
    const ann = await room.join('Annemarie Zwartkop');
    const bob = await room.join('Bartholomeus Vink');
    const attacker = await studyRoom(server, opened, { title: 'Aanvaller' });
    const eve = await attacker.join('Eva Ekster');
    await room.phase('collecting');
    await attacker.phase('collecting');
    const card = uid();
    await sendOk(room.consoleSocket, 'card:add', { sessionId, id: card, columnId: room.column, text: 'Stelling over de tarieven', attribution: { kind: 'room' } });
    await room.phase('voting');
    await attacker.phase('voting');
    const annVote = uid();
    await sendOk(ann.socket, 'vote:cast', { sessionId, id: annVote, cardId: card });
    const bobVote = uid();
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: bobVote, cardId: card });
    await sync(ann.socket, room.consoleSocket);
    const before = stored(server, sessionId);
    const marks = { ann: ann.traffic.events.length, console: room.consoleTraffic.events.length };

    const others = await send(bob.socket, 'vote:retract', { sessionId, id: annVote });
    const unknown = await send(bob.socket, 'vote:retract', { sessionId, id: uid() });
    expect(unknown).toEqual({ ok: true, data: [{ id: bobVote, cardId: card }] });
    expect(others).toEqual(unknown);
    // From another session the id is just as unknown.
    const fromElsewhere = await send(eve.socket, 'vote:retract', { sessionId: attacker.sessionId, id: annVote });
    const unknownElsewhere = await send(eve.socket, 'vote:retract', { sessionId: attacker.sessionId, id: uid() });
    expect(fromElsewhere).toEqual({ ok: true, data: [] });
    expect(fromElsewhere).toEqual(unknownElsewhere);

    expect(stored(server, sessionId).votes).toEqual(before.votes);
    await sync(ann.socket, room.consoleSocket);
    expect(since(ann.traffic, marks.ann).filter((e) => e.event === 'votes:mine' || e.event === 'votes:updated')).toEqual([]);
    expect(since(room.consoleTraffic, marks.console).filter((e) => e.event === 'votes:updated')).toEqual([]);
    // Ann's vote still counts and is hers.
    expect(await sendOk(ann.socket, 'session:resume', { sessionId, participantId: ann.participantId, token: ann.token })).toMatchObject({ myVotes: [{ id: annVote, cardId: card }] });
  });

  it('card times are whole minutes for every viewer', async () => {
    const room = await studyRoom(server, opened, { title: 'Tijden', settings: { hideUntilReveal: false, allowAnonymousCards: true } });
    const { sessionId } = room;
    const ann = await room.join('Annemarie Zwartkop');
    const bob = await room.join('Bartholomeus Vink');
    await room.phase('collecting');
    const acks: unknown[] = [];
    const anonymous = uid();
    acks.push(await sendOk(ann.socket, 'card:add', { sessionId, id: anonymous, columnId: room.column, text: 'Anoniem geschreven', anonymous: true }));
    acks.push(await sendOk(ann.socket, 'card:edit', { sessionId, id: anonymous, text: 'Anoniem, later aangepast' }));
    const named = uid();
    acks.push(await sendOk(bob.socket, 'card:add', { sessionId, id: named, columnId: room.column, text: 'Met naam geschreven' }));
    acks.push(await sendOk(room.consoleSocket, 'card:edit', { sessionId, id: named, text: 'Met naam, door de facilitator aangepast' }));
    acks.push(await sendOk(room.consoleSocket, 'card:hand-votes', { sessionId, id: named, count: 2 }));
    const late = await connectClient(server.url);
    opened.push(late);
    const lateTraffic = recordTraffic(late);
    acks.push(await sendOk(late, 'session:join', { code: room.joinCode, profile: { name: 'Laatkomer', consent: false } }));
    await sync(ann.socket, bob.socket, late, room.consoleSocket, room.projectionSocket);

    const all = [room.consoleTraffic, room.projectionTraffic, ann.traffic, bob.traffic, lateTraffic].map((t) => t.events.map((e) => e.args));
    let sightings = 0;
    for (const obj of objects([all, acks])) {
      if (obj.id !== anonymous && obj.id !== named) continue;
      if (!('createdAt' in obj)) continue;
      sightings++;
      expect(Number(obj.createdAt) % 60_000, `createdAt of ${String(obj.id)}`).toBe(0);
      expect(Number(obj.updatedAt) % 60_000, `updatedAt of ${String(obj.id)}`).toBe(0);
    }
    expect(sightings).toBeGreaterThan(15);
  });
});
