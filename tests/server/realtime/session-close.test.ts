import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_TIMER } from '../../../shared/domain/timer.ts';
import { createStudy, connectClient, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, stored, sync, trackParticipant } from '../session-helpers.ts';

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

/** A session in collecting with cards hidden until revealed, and one participant with a card. */
async function collecting() {
  const auth = await createStudy(server.url);
  const facilitator = await connectClient(server.url, auth);
  opened.push(facilitator);
  const summary = await sendOk(facilitator, 'session:create', {
    title: 'Werksessie Jeugdwet',
    date: '2025-11-20',
    mode: 'digitaal',
    domains: ['Jeugdwet'],
    settings: { hideUntilReveal: true },
  });
  const sessionId = summary.id;
  const snapshot = await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
  const ann = await trackParticipant(server.url, summary.joinCode, { name: 'Ann' });
  opened.push(ann.socket);
  await sendOk(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
  await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: snapshot.session.columns[0]!.id, text: 'Wachtlijsten te lang' });
  return { facilitator, sessionId, ann };
}

describe('closing a session and reopening it', () => {
  it('reopens to the phase it was closed from, hiding again what was hidden then; everyone follows', async () => {
    const { facilitator, sessionId, ann } = await collecting();
    expect(stored(server, sessionId).revealed).toBe(false);

    const closed = await sendOk(facilitator, 'session:phase', { sessionId, phase: 'closed' });
    expect(closed).toMatchObject({ phase: 'closed', closedFrom: 'collecting', revealed: true });
    expect(stored(server, sessionId).closedFrom).toEqual({ phase: 'collecting', revealed: false });

    const reopened = await sendOk(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
    expect(reopened).toMatchObject({ phase: 'collecting', closedFrom: null, revealed: false });
    expect(stored(server, sessionId).closedFrom).toBeUndefined();
    await sync(ann.socket);
    expect(ann.client.current.session).toMatchObject({ phase: 'collecting', revealed: false });
    // Collecting again for real: the participant may add cards.
    const again = await send(ann.socket, 'card:add', { sessionId, id: uid(), columnId: reopened.columns[0]!.id, text: 'Na heropenen' });
    expect(again.ok).toBe(true);
  });

  it('still reopens to synthesis, and to no other phase than those two', async () => {
    const { facilitator, sessionId } = await collecting();
    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'closed' });
    const before = structuredClone(stored(server, sessionId));
    for (const phase of ['preparation', 'voting'] as const) {
      const refused = await send(facilitator, 'session:phase', { sessionId, phase });
      expect(refused).toMatchObject({ ok: false, error: 'wrong_phase' });
    }
    expect(stored(server, sessionId)).toEqual(before);
    expect(await sendOk(facilitator, 'session:phase', { sessionId, phase: 'synthesis' })).toMatchObject({ phase: 'synthesis', closedFrom: null });
  });

  it('is forbidden for a participant, in both directions, and changes nothing', async () => {
    const { facilitator, sessionId, ann } = await collecting();
    const beforeClose = structuredClone(stored(server, sessionId));
    expect(await send(ann.socket, 'session:phase', { sessionId, phase: 'closed' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(stored(server, sessionId)).toEqual(beforeClose);

    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'closed' });
    const closed = structuredClone(stored(server, sessionId));
    expect(await send(ann.socket, 'session:phase', { sessionId, phase: 'collecting' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(stored(server, sessionId)).toEqual(closed);
    await sync(ann.socket);
    expect(ann.client.current.session.phase).toBe('closed');
  });
});

describe('the timer and the phase', () => {
  it('stops on a change of phase, for the console and the room alike', async () => {
    const { facilitator, sessionId, ann } = await collecting();
    await sendOk(facilitator, 'timer:control', { sessionId, action: 'start', ms: 5 * 60_000 });
    await sync(ann.socket);
    expect(ann.client.current.session.timer.endsAt).not.toBeNull();

    const meta = await sendOk(facilitator, 'session:phase', { sessionId, phase: 'voting' });
    expect(meta.timer).toEqual(IDLE_TIMER);
    expect(stored(server, sessionId).timer).toEqual(IDLE_TIMER);
    await sync(ann.socket);
    expect(ann.client.current.session.timer).toEqual(IDLE_TIMER);
  });

  it('is not stopped by a refused change of phase', async () => {
    const { facilitator, sessionId, ann } = await collecting();
    const timer = await sendOk(facilitator, 'timer:control', { sessionId, action: 'start', ms: 5 * 60_000 });
    expect(await send(facilitator, 'session:phase', { sessionId, phase: 'synthesis' })).toMatchObject({ ok: false, error: 'wrong_phase' });
    expect(await send(ann.socket, 'session:phase', { sessionId, phase: 'voting' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(stored(server, sessionId).timer).toEqual(timer);
  });
});
