import { afterEach, describe, expect, it } from 'vitest';
import type { FollowUpView } from '../../../shared/domain/followup.ts';
import type { CommandName } from '../../../shared/protocol/events.ts';
import { FOLLOW_UP_NOTE_MAX } from '../../../shared/schemas/followup.ts';
import { readStoredSession } from '../../../server/storage/repository.ts';
import { connectClient, createStudy, nextEvent, recordTraffic, send, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, rawSend, stored, sync } from '../session-helpers.ts';

let server: TestServer | undefined;
const opened: ClientSocket[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  closeAll(...opened.splice(0));
  await server?.close();
  server = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const CALLEE = { name: 'Petronella Zwanenburg', organisation: 'Zorggroep Noorderlicht', scope: 'regionaal', size: 'groot', region: 'Drenthe', consent: true } as const;
const PERSONAL = [CALLEE.name, CALLEE.organisation, 'Analist Jansen'];

/**
 * A closed session with findings for two themes, seen by two facilitator consoles, a projection
 * and a participant; every socket but the first console recorded from the start.
 */
async function closedSession(dataDir?: string) {
  server = await startServer(dataDir ? { dataDir } : {});
  const auth = await createStudy(server.url);
  const main = await connectClient(server.url, auth);
  const second = await connectClient(server.url, auth);
  const projection = await connectClient(server.url, auth);
  const ann = await connectClient(server.url);
  opened.push(main, second, projection, ann);
  const traffic = { ann: recordTraffic(ann), projection: recordTraffic(projection), second: recordTraffic(second) };
  const summary = await sendOk(main, 'session:create', { title: 'Werksessie Wmo', date: '2025-11-20', mode: 'digitaal', domains: ['Wmo'] });
  const sessionId = summary.id;
  const snapshot = await sendOk(main, 'session:open', { sessionId, view: 'console' });
  await sendOk(second, 'session:open', { sessionId, view: 'console' });
  await sendOk(projection, 'session:open', { sessionId, view: 'projection' });
  const joined = await sendOk(ann, 'session:join', { code: summary.joinCode, profile: { name: 'Ann', consent: false } });
  const column = snapshot.session.columns[1]!.id;
  await sendOk(main, 'session:phase', { sessionId, phase: 'collecting' });
  for (const text of ['De tarieven dekken de kostprijs niet, de indexering is te laag', 'Meerzorgaanvragen voor VG7 worden traag afgehandeld']) {
    await sendOk(ann, 'card:add', { sessionId, id: uid(), columnId: column, text });
  }
  for (const phase of ['voting', 'synthesis', 'closed'] as const) await sendOk(main, 'session:phase', { sessionId, phase });
  // The report is written after closing: findings still go in.
  await sendOk(main, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: 'De tarieven zijn te laag' });
  await sendOk(main, 'synthesis:finding', { sessionId, themeId: 'meerzorg', text: 'Meerzorg duurt te lang' });
  return { auth, sessionId, column, main, second, projection, ann, joined, traffic };
}

const call = (sessionId: string, id = uid()) => ({ sessionId, id, callee: CALLEE, calledOn: '2025-12-01', calledBy: 'Analist Jansen' });
const item = (view: FollowUpView, themeId: string) => view.script.find((i) => i.themeId === themeId);

describe('follow-up calls through the real server', () => {
  it('records a call with answers; only the facilitator consoles hear of it, nobody else sees the callee', async () => {
    const s = await closedSession();
    const { sessionId, main } = s;
    const first = await sendOk(main, 'followup:list', { sessionId });
    expect(first.calls).toEqual([]);
    expect(first.script.map((i) => i.themeId).sort()).toEqual(['meerzorg', 'tarieven']);

    const heard = nextEvent(s.second, 'followup:updated', (v) => Object.keys(v.calls[0]?.answers ?? {}).length === 2);
    const saved = await sendOk(main, 'followup:save', call(sessionId));
    const callId = saved.calls[0]!.id;
    await sendOk(main, 'followup:answer', { sessionId, callId, themeId: 'tarieven', verdict: 'herkend', note: 'Bij ons precies zo' });
    const view = await sendOk(main, 'followup:answer', { sessionId, callId, themeId: 'meerzorg', verdict: 'deels' });
    expect(view.calls[0]).toMatchObject({ callee: { name: CALLEE.name }, answers: { tarieven: { verdict: 'herkend', note: 'Bij ons precies zo' }, meerzorg: { verdict: 'deels' } } });
    expect(item(view, 'tarieven')?.verification.summary).toBe('bevestigd door 1 van 1 nagebelde aanbieder');
    expect(item(view, 'meerzorg')?.verification).toMatchObject({ asked: 1, herkend: 0, deels: 1 });
    const [update] = await heard;
    expect(update.calls[0]!.callee.name).toBe(CALLEE.name);
    const english = await sendOk(s.second, 'followup:list', { sessionId, language: 'en' });
    expect(item(english, 'tarieven')?.verification.summary).toBe('confirmed by 1 of 1 provider called');

    await sync(s.ann, s.projection, s.second);
    for (const traffic of [s.traffic.ann, s.traffic.projection]) {
      expect(traffic.events.some((e) => e.event.startsWith('followup:'))).toBe(false);
      for (const personal of PERSONAL) expect(traffic.text()).not.toContain(personal);
    }
    expect(s.traffic.second.events.some((e) => e.event === 'followup:updated')).toBe(true);
  });

  it('does not tell the console of another session', async () => {
    const s = await closedSession();
    const other = await sendOk(s.main, 'session:create', { title: 'Andere sessie', date: '2025-11-21', mode: 'fysiek', domains: ['Wlz'] });
    const elsewhere = await connectClient(server!.url, s.auth);
    opened.push(elsewhere);
    await sendOk(elsewhere, 'session:open', { sessionId: other.id, view: 'console' });
    const traffic = recordTraffic(elsewhere);
    await sendOk(s.main, 'followup:save', call(s.sessionId));
    await sync(elsewhere);
    expect(traffic.text()).not.toContain(CALLEE.name);
    expect(await send(elsewhere, 'followup:list', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('refuses every follow-up command from participants, projections and strangers, changing nothing', async () => {
    const s = await closedSession();
    const { sessionId, main } = s;
    const callId = (await sendOk(main, 'followup:save', call(sessionId))).calls[0]!.id;
    const stranger = await connectClient(server!.url);
    opened.push(stranger);
    const before = stored(server!, sessionId);
    const attempts: [CommandName, Record<string, unknown>][] = [
      ['followup:list', { sessionId }],
      ['followup:save', call(sessionId)],
      ['followup:save', { ...call(sessionId), id: callId, calledBy: 'Ann' }],
      ['followup:answer', { sessionId, callId, themeId: 'tarieven', verdict: 'niet_herkend' }],
      ['followup:delete', { sessionId, callId }],
      ['followup:restore', { sessionId, callId }],
      ['followup:card', { sessionId, id: uid(), callId, columnId: s.column, text: 'Ingeslopen kaart' }],
    ];
    for (const socket of [s.ann, s.projection, stranger]) {
      for (const [event, payload] of attempts) {
        const ack = await rawSend(socket, event, payload);
        expect(ack, `${event}`).toMatchObject({ ok: false });
        expect(['forbidden', 'unauthorised']).toContain((ack as { error: string }).error);
      }
    }
    expect(stored(server!, sessionId)).toEqual(before);
    await sync(s.ann, s.projection);
    for (const traffic of [s.traffic.ann, s.traffic.projection]) expect(traffic.text()).not.toContain(CALLEE.name);
  });

  it('answers bad payloads with clear errors and changes nothing', async () => {
    const s = await closedSession();
    const { sessionId, main } = s;
    const callId = (await sendOk(main, 'followup:save', call(sessionId))).calls[0]!.id;
    const before = stored(server!, sessionId);
    const answer = { sessionId, callId, themeId: 'tarieven', verdict: 'herkend' };
    const cases: [string, CommandName, unknown, string][] = [
      ['wrong verdict', 'followup:answer', { ...answer, verdict: 'ja' }, 'invalid_payload'],
      ['unknown theme', 'followup:answer', { ...answer, themeId: 'bestaat-niet' }, 'not_found'],
      ['__proto__ as theme', 'followup:answer', { ...answer, themeId: '__proto__' }, 'invalid_payload'],
      ['constructor as theme', 'followup:answer', { ...answer, themeId: 'constructor' }, 'invalid_payload'],
      ['unknown call', 'followup:answer', { ...answer, callId: uid() }, 'not_found'],
      ['__proto__ as call', 'followup:answer', { ...answer, callId: '__proto__' }, 'invalid_payload'],
      ['__proto__ as new call id', 'followup:save', { ...call(sessionId), id: '__proto__' }, 'invalid_payload'],
      ['hasOwnProperty as call id', 'followup:delete', { sessionId, callId: 'hasOwnProperty' }, 'invalid_payload'],
      ['too long note', 'followup:answer', { ...answer, note: 'x'.repeat(FOLLOW_UP_NOTE_MAX + 1) }, 'invalid_payload'],
      ['bad date', 'followup:save', { ...call(sessionId), calledOn: '1 december' }, 'invalid_payload'],
      ['bad scope', 'followup:save', { ...call(sessionId), callee: { ...CALLEE, scope: 'overal' } }, 'invalid_payload'],
      ['nameless callee', 'followup:save', { ...call(sessionId), callee: { ...CALLEE, name: '  ' } }, 'invalid_payload'],
      ['unknown call to delete', 'followup:delete', { sessionId, callId: uid() }, 'not_found'],
      ['unknown call to restore', 'followup:restore', { sessionId, callId: uid() }, 'not_found'],
      ['card for an unknown call', 'followup:card', { sessionId, id: uid(), callId: uid(), columnId: s.column, text: 'Punt' }, 'not_found'],
      ['card in an unknown column', 'followup:card', { sessionId, id: uid(), callId, columnId: uid(), text: 'Punt' }, 'not_found'],
      ['card in another domain', 'followup:card', { sessionId, id: uid(), callId, columnId: s.column, domain: 'Wlz', text: 'Punt' }, 'not_found'],
      ['unknown language', 'followup:list', { sessionId, language: 'de' }, 'invalid_payload'],
    ];
    for (const [name, event, payload, error] of cases) {
      const ack = await rawSend(main, event, payload);
      expect(ack, name).toMatchObject({ ok: false, error });
      expect((ack as { message: string }).message.length, name).toBeGreaterThan(0);
    }
    expect(stored(server!, sessionId)).toEqual(before);
    expect(({} as Record<string, unknown>).verdict).toBeUndefined();
  });

  it('deletes a call with undo; its answers stop counting meanwhile', async () => {
    const s = await closedSession();
    const { sessionId, main } = s;
    const callId = (await sendOk(main, 'followup:save', call(sessionId))).calls[0]!.id;
    await sendOk(main, 'followup:answer', { sessionId, callId, themeId: 'tarieven', verdict: 'herkend' });
    const deleted = await sendOk(main, 'followup:delete', { sessionId, callId });
    expect(deleted.calls[0]!.deletedAt).not.toBeNull();
    expect(item(deleted, 'tarieven')?.verification.asked).toBe(0);
    expect(await send(main, 'followup:answer', { sessionId, callId, themeId: 'meerzorg', verdict: 'deels' })).toMatchObject({ ok: false, error: 'not_found' });
    const restored = await sendOk(main, 'followup:restore', { sessionId, callId });
    expect(restored.calls[0]!.deletedAt).toBeNull();
    expect(item(restored, 'tarieven')?.verification.herkend).toBe(1);
  });

  it('puts a point from a call on the participants\' boards as a card, without the callee', async () => {
    const s = await closedSession();
    const { sessionId, main } = s;
    const callId = (await sendOk(main, 'followup:save', call(sessionId))).calls[0]!.id;
    const id = uid();
    const onBoard = nextEvent(s.ann, 'card:upserted', (c) => c.id === id);
    const onScreen = nextEvent(s.projection, 'card:upserted', (c) => c.id === id);
    const themes = nextEvent(s.ann, 'synthesis:updated', (v) => v.assignments[id] !== undefined);
    const view = await sendOk(main, 'followup:card', { sessionId, id, callId, columnId: s.column, domain: 'Wmo', text: 'Het vervoer naar de dagbesteding is slecht geregeld' });
    expect(view.cards).toEqual([expect.objectContaining({ id, callId, origin: 'followup' })]);
    const [card] = await onBoard;
    expect(card).toMatchObject({ id, origin: 'followup', author: { kind: 'facilitator' }, text: 'Het vervoer naar de dagbesteding is slecht geregeld' });
    await onScreen;
    await themes;
    // Retrying is harmless; a reload shows the card too.
    expect((await sendOk(main, 'followup:card', { sessionId, id, callId, columnId: s.column, text: 'Het vervoer naar de dagbesteding is slecht geregeld' })).cards).toHaveLength(1);
    const resumed = await sendOk(s.ann, 'session:resume', { sessionId, participantId: s.joined.participantId, token: s.joined.token });
    expect(resumed.cards.find((c) => c.id === id)?.origin).toBe('followup');
    expect(resumed.cards.filter((c) => c.origin === 'session')).toHaveLength(2);
    await sync(s.ann, s.projection);
    for (const traffic of [s.traffic.ann, s.traffic.projection]) {
      expect(traffic.text()).not.toContain(CALLEE.name);
      expect(traffic.text()).not.toContain(callId);
    }
  });

  it('keeps calls, answers and points from calls across a server restart', async () => {
    const data = await tempDataDir();
    cleanups.push(data.remove);
    const s = await closedSession(data.dir);
    const { sessionId, main } = s;
    const callId = (await sendOk(main, 'followup:save', call(sessionId))).calls[0]!.id;
    const gone = (await sendOk(main, 'followup:save', { ...call(sessionId), callee: { name: 'Weggehaald' } })).calls.find((c) => c.callee.name === 'Weggehaald')!.id;
    await sendOk(main, 'followup:answer', { sessionId, callId, themeId: 'tarieven', verdict: 'herkend', note: 'Klopt' });
    await sendOk(main, 'followup:delete', { sessionId, callId: gone });
    const cardId = uid();
    await sendOk(main, 'followup:card', { sessionId, id: cardId, callId, columnId: s.column, text: 'Punt uit het gesprek' });
    const before = await sendOk(main, 'followup:list', { sessionId });
    closeAll(...opened.splice(0));
    await server!.close();

    const onDisk = await readStoredSession(data.dir, sessionId);
    expect(onDisk?.followUps[callId]?.answers.tarieven).toMatchObject({ verdict: 'herkend', note: 'Klopt' });

    server = await startServer({ dataDir: data.dir });
    const again = await connectClient(server.url, s.auth);
    opened.push(again);
    await sendOk(again, 'session:open', { sessionId, view: 'console' });
    const after = await sendOk(again, 'followup:list', { sessionId });
    expect(after).toEqual(before);
    expect(after.calls.find((c) => c.id === gone)?.deletedAt).not.toBeNull();
    expect(stored(server, sessionId).cards[cardId]?.origin).toEqual({ kind: 'followup', callId });
  });
});
