import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { journalPath } from '../../../server/storage/paths.ts';
import { readStoredSession } from '../../../server/storage/repository.ts';
import type { ChoiceFigures } from '../../../shared/domain/figures.ts';
import type { CommandName } from '../../../shared/protocol/events.ts';
import type { PollView } from '../../../shared/protocol/views.ts';
import { canonical } from '../client-state.ts';
import { connectClient, createStudy, recordTraffic, send, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, rawSend, serverView, stored, sync, trackFacilitator, trackParticipant } from '../session-helpers.ts';

let server: TestServer | undefined;
const opened: ClientSocket[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  closeAll(...opened.splice(0));
  await server?.close();
  server = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

type Traffic = ReturnType<typeof recordTraffic>;
interface Person {
  socket: ClientSocket;
  traffic: Traffic;
  participantId: string;
}

/** A session in `collecting` with a console, a projection and `people` participants, all recorded from the start. */
async function room(people: number, dataDir?: string) {
  server = await startServer(dataDir ? { dataDir } : {});
  const auth = await createStudy(server.url);
  const main = await connectClient(server.url, auth);
  const projection = await connectClient(server.url, auth);
  opened.push(main, projection);
  const traffic = { main: recordTraffic(main), projection: recordTraffic(projection) };
  const summary = await sendOk(main, 'session:create', { title: 'Werksessie Wlz', date: '2025-11-20', mode: 'fysiek', domains: ['Wlz'] });
  const sessionId = summary.id;
  await sendOk(main, 'session:open', { sessionId, view: 'console' });
  await sendOk(projection, 'session:open', { sessionId, view: 'projection' });
  await sendOk(main, 'session:phase', { sessionId, phase: 'collecting' });
  const participants: Person[] = [];
  for (let i = 0; i < people; i++) {
    const socket = await connectClient(server.url);
    opened.push(socket);
    const personTraffic = recordTraffic(socket);
    const joined = await sendOk(socket, 'session:join', { code: summary.joinCode, profile: { name: `Deelnemer ${i + 1}`, consent: false } });
    participants.push({ socket, traffic: personTraffic, participantId: joined.participantId });
  }
  const everyone = () => [main, projection, ...participants.map((p) => p.socket)];
  return { auth, sessionId, joinCode: summary.joinCode, main, projection, traffic, participants, everyone };
}

const OPTIONS = ['Goed', 'Voldoende', 'Matig', 'Slecht'];
const optionId = (i: number) => `option-${(i % OPTIONS.length) + 1}`;

/** The poll events one socket received, in order. */
const pollEvents = (traffic: Traffic): PollView[] =>
  traffic.events.filter((e) => e.event === 'poll:upserted').map((e) => e.args[0] as PollView);
const counts = (view: PollView | undefined) => (view?.results?.figures as ChoiceFigures | undefined)?.categories.map((c) => c.count);

describe('live polls through the real server', () => {
  it('counts 40 concurrent participants once each, takes changes until closing and nothing after; hidden results and answerers reach no board or projection', async () => {
    const r = await room(40);
    const { sessionId, main } = r;
    const pollId = uid();
    const draft = await sendOk(main, 'poll:create', { sessionId, id: pollId, question: 'Hoe verliep de contractering?', kind: 'single', options: OPTIONS });
    expect(draft).toMatchObject({ status: 'draft', showLive: false, results: { answered: 0 } });
    await sendOk(main, 'poll:open', { sessionId, pollId });

    // Everyone at once; the first ten change their mind right away (same socket, in order), the
    // next ten answer the same thing twice.
    const first = r.participants.map((p, i) => send(p.socket, 'poll:answer', { sessionId, pollId, answer: { optionIds: [optionId(i)] } }));
    const second = r.participants.slice(0, 20).map((p, i) =>
      send(p.socket, 'poll:answer', { sessionId, pollId, answer: { optionIds: [i < 10 ? optionId(i + 1) : optionId(i)] } }));
    const acks = await Promise.all([...first, ...second]);
    for (const ack of acks) expect(ack).toMatchObject({ ok: true, data: { status: 'open', results: null } });
    expect((acks[0] as { data: PollView }).data.mine).toBeDefined();
    const last = (i: number) => (i < 10 ? optionId(i + 1) : optionId(i));
    expect(await sendOk(r.participants[0]!.socket, 'poll:answer', { sessionId, pollId, answer: { optionIds: [last(0)] } })).toMatchObject({ mine: { optionIds: [last(0)] } });

    // Hands in the room, then a correction that replaces them.
    await sendOk(main, 'poll:handcount', { sessionId, pollId, counts: { 'option-1': 9, 'option-2': 1 } });
    const counted = await sendOk(main, 'poll:handcount', { sessionId, pollId, counts: { 'option-1': 3, 'option-3': 2 } });
    const expected = [0, 1, 2, 3].map((k) => r.participants.filter((_, i) => last(i) === `option-${k + 1}`).length);
    expected[0]! += 3;
    expected[2]! += 2;
    expect(counted.results).toMatchObject({ answered: 40, counted: 5, figures: { n: 45 } });
    expect(counts(counted)).toEqual(expected);
    expect(counted.hand).toEqual({ handCounts: { 'option-1': 3, 'option-3': 2 }, handValues: [] });
    const percents = (counted.results!.figures as ChoiceFigures).categories.map((c) => c.percent!);
    expect(percents.reduce((a, b) => a + b, 0)).toBe(100);

    await sync(...r.everyone());
    const marks = { projection: r.traffic.projection.events.length, boards: r.participants.map((p) => p.traffic.events.length) };
    const closed = await sendOk(main, 'poll:close', { sessionId, pollId });
    const late = await Promise.all(r.participants.slice(30).map((p) => send(p.socket, 'poll:answer', { sessionId, pollId, answer: { optionIds: ['option-4'] } })));
    for (const ack of late) expect(ack).toMatchObject({ ok: false, error: 'wrong_phase' });
    expect(counts(closed)).toEqual(expected);
    const answers = stored(server!, sessionId).polls[pollId]!.answers;
    expect(Object.keys(answers).sort()).toEqual(r.participants.map((p) => p.participantId).sort());
    r.participants.forEach((p, i) => expect(answers[p.participantId]).toEqual({ optionIds: [last(i)] }));

    await sync(...r.everyone());
    // Before closing: no results for boards and projection; after: the same figures as the console's.
    const boardTraffic = [r.traffic.projection, ...r.participants.map((p) => p.traffic)];
    const beforeClose = [r.traffic.projection.events.slice(0, marks.projection), ...r.participants.map((p, i) => p.traffic.events.slice(0, marks.boards[i]))];
    for (const events of beforeClose) {
      for (const e of events) if (e.event === 'poll:upserted') expect((e.args[0] as PollView).results).toBeNull();
    }
    for (const traffic of boardTraffic) {
      const final = pollEvents(traffic).at(-1);
      expect(final?.status).toBe('closed');
      expect(counts(final)).toEqual(expected);
      expect(final).not.toHaveProperty('hand');
    }
    // Each participant sees their own final answer; the projection has no `mine` at all.
    r.participants.forEach((p, i) => expect(pollEvents(p.traffic).at(-1)?.mine).toEqual({ optionIds: [last(i)] }));
    expect(pollEvents(r.traffic.projection).every((v) => !('mine' in v))).toBe(true);

    // Nobody learns who answered: no participant id in the projection's traffic nor in the
    // console's poll facts, no other participant's id on a board.
    const ids = r.participants.map((p) => p.participantId);
    const projectionText = r.traffic.projection.text();
    const consolePolls = JSON.stringify(pollEvents(r.traffic.main));
    for (const id of ids) {
      expect(projectionText).not.toContain(id);
      expect(consolePolls).not.toContain(id);
    }
    r.participants.forEach((p) => {
      const text = p.traffic.text();
      for (const id of ids) if (id !== p.participantId) expect(text).not.toContain(id);
    });
    // While results were hidden an answer was news only to its own participant.
    expect(pollEvents(r.participants[39]!.traffic).filter((v) => v.status === 'open')).toHaveLength(2);
  });

  it('shows results live to boards and projection when asked, and every client ends with the server\'s own view', async () => {
    const r = await room(0);
    const { sessionId, main } = r;
    const { auth } = r;
    const console2 = await trackFacilitator(server!.url, auth, sessionId, 'console');
    const screen = await trackFacilitator(server!.url, auth, sessionId, 'projection');
    const people = await Promise.all(['Ann', 'Bob', 'Cat', 'Dirk', 'Eva', 'Fenna'].map((name) => trackParticipant(server!.url, r.joinCode, { name })));
    opened.push(console2.socket, screen.socket, ...people.map((p) => p.socket));
    const pollId = uid();
    await sendOk(main, 'poll:create', { sessionId, id: pollId, question: 'Hoe tevreden bent u? (1-5)', kind: 'scale', showLive: true });
    await sendOk(main, 'poll:open', { sessionId, pollId });
    await Promise.all(people.map((p, i) => sendOk(p.socket, 'poll:answer', { sessionId, pollId, answer: { value: (i % 5) + 1 } })));
    await sendOk(main, 'poll:handcount', { sessionId, pollId, counts: { '5': 4 } });
    // A poll with hidden results next to it: boards hear only of their own answers, and still agree with the server.
    const hidden = uid();
    await sendOk(main, 'poll:create', { sessionId, id: hidden, question: 'Welke knelpunten?', kind: 'multiple', options: ['Tarieven', 'Administratie'] });
    await sendOk(main, 'poll:open', { sessionId, pollId: hidden });
    await Promise.all(people.map((p, i) => sendOk(p.socket, 'poll:answer', { sessionId, pollId: hidden, answer: { optionIds: i % 2 ? ['option-1'] : ['option-1', 'option-2'] } })));
    await sendOk(main, 'poll:handcount', { sessionId, pollId: hidden, counts: { 'option-2': 3 } });
    const other = uid();
    await sendOk(main, 'poll:create', { sessionId, id: other, question: 'Nog een concept', kind: 'number' });

    await sync(console2.socket, screen.socket, ...people.map((p) => p.socket));
    const live = screen.current.polls.get(pollId)!;
    expect(live.status).toBe('open');
    expect(live.results?.figures).toMatchObject({ n: 10, mean: 3.6 });
    expect(screen.current.polls.has(other)).toBe(false);
    expect(console2.current.polls.get(other)?.status).toBe('draft');
    expect(canonical(console2.current)).toEqual(canonical(serverView(server!, sessionId, { role: 'facilitator' })));
    expect(canonical(screen.current)).toEqual(canonical(serverView(server!, sessionId, { role: 'projection' })));
    for (const p of people) {
      expect(canonical(p.client.current)).toEqual(canonical(serverView(server!, sessionId, { role: 'participant', participantId: p.participantId })));
    }

    // Delete takes it off every screen; restore brings it back with each participant's own answer.
    expect(await sendOk(main, 'poll:delete', { sessionId, pollId })).toEqual({ id: pollId });
    await sync(screen.socket, ...people.map((p) => p.socket));
    expect(screen.current.polls.has(pollId)).toBe(false);
    expect(people[0]!.client.current.polls.has(pollId)).toBe(false);
    await sendOk(main, 'poll:restore', { sessionId, pollId });
    await sync(screen.socket, ...people.map((p) => p.socket));
    people.forEach((p, i) => expect(p.client.current.polls.get(pollId)?.mine).toEqual({ value: (i % 5) + 1 }));
    expect(canonical(screen.current)).toEqual(canonical(serverView(server!, sessionId, { role: 'projection' })));
  });

  it('either counts an answer that races the close or refuses it, never both', async () => {
    const r = await room(20);
    const { sessionId, main } = r;
    const pollId = uid();
    await sendOk(main, 'poll:create', { sessionId, id: pollId, question: 'Snel!', kind: 'number' });
    await sendOk(main, 'poll:open', { sessionId, pollId });
    const answers = r.participants.map((p, i) => send(p.socket, 'poll:answer', { sessionId, pollId, answer: { value: i } }));
    const closing = sendOk(main, 'poll:close', { sessionId, pollId });
    const acks = await Promise.all(answers);
    const closed = await closing;
    const kept = stored(server!, sessionId).polls[pollId]!.answers;
    acks.forEach((ack, i) => {
      const id = r.participants[i]!.participantId;
      if (ack.ok) expect(kept[id]).toEqual({ value: i });
      else {
        expect(ack).toMatchObject({ error: 'wrong_phase' });
        expect(kept[id]).toBeUndefined();
      }
    });
    expect(closed.results?.answered).toBe(acks.filter((a) => a.ok).length);
    expect(Object.keys(kept)).toHaveLength(closed.results!.answered);
  });

  it('keeps drafts on the consoles: boards and projections hear of a poll once it opens', async () => {
    const r = await room(2);
    const { sessionId, main } = r;
    const pollId = uid();
    await sendOk(main, 'poll:create', { sessionId, id: pollId, question: 'GEHEIM-CONCEPT: hoeveel cliënten?', kind: 'number' });
    await sendOk(main, 'poll:update', { sessionId, pollId, question: 'GEHEIM-CONCEPT: hoeveel cliënten heeft u?' });
    const ann = r.participants[0]!;
    expect(await send(ann.socket, 'poll:answer', { sessionId, pollId, answer: { value: 12 } })).toMatchObject({ ok: false, error: 'wrong_phase' });
    await sendOk(main, 'poll:delete', { sessionId, pollId });
    await sendOk(main, 'poll:restore', { sessionId, pollId });
    await sync(...r.everyone());
    for (const traffic of [r.traffic.projection, ...r.participants.map((p) => p.traffic)]) {
      expect(traffic.text()).not.toContain('GEHEIM-CONCEPT');
      expect(traffic.events.some((e) => e.event.startsWith('poll:'))).toBe(false);
    }
    await sendOk(main, 'poll:open', { sessionId, pollId });
    await sync(...r.everyone());
    expect(pollEvents(ann.traffic)).toEqual([expect.objectContaining({ id: pollId, status: 'open', results: null, mine: null })]);
    expect(await sendOk(ann.socket, 'poll:answer', { sessionId, pollId, answer: { value: 12 } })).toMatchObject({ mine: { value: 12 }, results: null });
  });

  it('refuses what is not for the sender: participants run no polls, the facilitator and the projection answer none', async () => {
    const r = await room(1);
    const { sessionId, main } = r;
    const pollId = uid();
    await sendOk(main, 'poll:create', { sessionId, id: pollId, question: 'Eens?', kind: 'single', options: ['Ja', 'Nee'] });
    await sendOk(main, 'poll:open', { sessionId, pollId });
    const stranger = await connectClient(server!.url);
    opened.push(stranger);
    const ann = r.participants[0]!.socket;
    const before = stored(server!, sessionId);
    const facilitatorOnly: [CommandName, Record<string, unknown>][] = [
      ['poll:create', { sessionId, id: uid(), question: 'Van Ann?', kind: 'single', options: ['Ja', 'Nee'] }],
      ['poll:update', { sessionId, pollId, question: 'Anders?' }],
      ['poll:open', { sessionId, pollId }],
      ['poll:close', { sessionId, pollId }],
      ['poll:delete', { sessionId, pollId }],
      ['poll:restore', { sessionId, pollId }],
      ['poll:handcount', { sessionId, pollId, counts: { 'option-1': 50 } }],
    ];
    const answer: [CommandName, Record<string, unknown>] = ['poll:answer', { sessionId, pollId, answer: { optionIds: ['option-1'] } }];
    const cases: [ClientSocket, CommandName, Record<string, unknown>][] = [
      ...facilitatorOnly.map(([event, payload]) => [ann, event, payload] as [ClientSocket, CommandName, Record<string, unknown>]),
      ...[...facilitatorOnly, answer].map(([event, payload]) => [r.projection, event, payload] as [ClientSocket, CommandName, Record<string, unknown>]),
      ...[...facilitatorOnly, answer].map(([event, payload]) => [stranger, event, payload] as [ClientSocket, CommandName, Record<string, unknown>]),
      [main, ...answer],
    ];
    for (const [socket, event, payload] of cases) {
      const ack = await rawSend(socket, event, payload);
      expect(ack, event).toMatchObject({ ok: false });
      expect(['forbidden', 'unauthorised']).toContain((ack as { error: string }).error);
    }
    expect(stored(server!, sessionId)).toEqual(before);
  });

  it('answers bad payloads with clear errors and changes nothing', async () => {
    const r = await room(1);
    const { sessionId, main } = r;
    const ann = r.participants[0]!.socket;
    const ids = { single: uid(), multiple: uid(), scale: uid(), number: uid() };
    await sendOk(main, 'poll:create', { sessionId, id: ids.single, question: 'Eén keuze', kind: 'single', options: ['A', 'B', 'C'] });
    await sendOk(main, 'poll:create', { sessionId, id: ids.multiple, question: 'Meer keuzes', kind: 'multiple', options: ['A', 'B', 'C'] });
    await sendOk(main, 'poll:create', { sessionId, id: ids.scale, question: 'Schaal', kind: 'scale' });
    await sendOk(main, 'poll:create', { sessionId, id: ids.number, question: 'Getal', kind: 'number' });
    for (const pollId of Object.values(ids)) await sendOk(main, 'poll:open', { sessionId, pollId });
    const before = stored(server!, sessionId);
    const a = (pollId: string, answer: unknown) => ({ sessionId, pollId, answer });
    const create = (fields: Record<string, unknown>) => ({ sessionId, id: uid(), question: 'Nieuwe peiling', kind: 'single', options: ['A', 'B'], ...fields });
    const participantCases: [string, unknown, string][] = [
      ['unknown option', a(ids.single, { optionIds: ['option-9'] }), 'invalid_payload'],
      ['two options on a single poll', a(ids.single, { optionIds: ['option-1', 'option-2'] }), 'invalid_payload'],
      ['an option twice', a(ids.multiple, { optionIds: ['option-1', 'option-1'] }), 'invalid_payload'],
      ['no options', a(ids.multiple, { optionIds: [] }), 'invalid_payload'],
      ['13 options', a(ids.multiple, { optionIds: Array.from({ length: 13 }, (_, i) => `option-${i + 1}`) }), 'invalid_payload'],
      ['__proto__ as option', a(ids.multiple, { optionIds: ['option-1', '__proto__'] }), 'invalid_payload'],
      ['constructor as option', a(ids.single, { optionIds: ['constructor'] }), 'invalid_payload'],
      ['scale 6', a(ids.scale, { value: 6 }), 'invalid_payload'],
      ['scale 0', a(ids.scale, { value: 0 }), 'invalid_payload'],
      ['scale 2.5', a(ids.scale, { value: 2.5 }), 'invalid_payload'],
      ['scale as a string', a(ids.scale, { value: '3' }), 'invalid_payload'],
      ['NaN (null on the wire)', a(ids.number, { value: Number.NaN }), 'invalid_payload'],
      ['Infinity', a(ids.number, { value: Number.POSITIVE_INFINITY }), 'invalid_payload'],
      ['a huge number', a(ids.number, { value: 1e15 }), 'invalid_payload'],
      ['a number as a string', a(ids.number, { value: '12' }), 'invalid_payload'],
      ['a value for a choice poll', a(ids.single, { value: 1 }), 'invalid_payload'],
      ['options for a number poll', a(ids.number, { optionIds: ['option-1'] }), 'invalid_payload'],
      ['a bare string', a(ids.single, 'option-1'), 'invalid_payload'],
      ['no answer', { sessionId, pollId: ids.single }, 'invalid_payload'],
      ['unknown poll', a(uid(), { optionIds: ['option-1'] }), 'not_found'],
      ['__proto__ as poll', a('__proto__', { optionIds: ['option-1'] }), 'invalid_payload'],
      ['hasOwnProperty as poll', a('hasOwnProperty', { optionIds: ['option-1'] }), 'invalid_payload'],
    ];
    for (const [name, payload, error] of participantCases) {
      const ack = await rawSend(ann, 'poll:answer', payload);
      expect(ack, name).toMatchObject({ ok: false, error });
      expect((ack as { message: string }).message.length, name).toBeGreaterThan(0);
    }
    const facilitatorCases: [string, CommandName, unknown, string][] = [
      ['13 options', 'poll:create', create({ options: Array.from({ length: 13 }, (_, i) => `Optie ${i + 1}`) }), 'invalid_payload'],
      ['one option', 'poll:create', create({ options: ['A'] }), 'invalid_payload'],
      ['options on a scale', 'poll:create', create({ kind: 'scale' }), 'invalid_payload'],
      ['unknown kind', 'poll:create', create({ kind: 'ranking' }), 'invalid_payload'],
      ['blank question', 'poll:create', create({ question: '   ' }), 'invalid_payload'],
      ['__proto__ as poll id', 'poll:create', create({ id: '__proto__' }), 'invalid_payload'],
      ['existing id, other poll', 'poll:create', create({ id: ids.single }), 'conflict'],
      ['update an open poll', 'poll:update', { sessionId, pollId: ids.single, question: 'Te laat' }, 'wrong_phase'],
      ['hands for an unknown option', 'poll:handcount', { sessionId, pollId: ids.single, counts: { 'option-7': 2 } }, 'invalid_payload'],
      ['hands as __proto__', 'poll:handcount', { sessionId, pollId: ids.single, counts: JSON.parse('{"__proto__": 2, "option-1": 1}') }, 'invalid_payload'],
      ['hands as constructor', 'poll:handcount', { sessionId, pollId: ids.single, counts: { constructor: 2 } }, 'invalid_payload'],
      ['negative hands', 'poll:handcount', { sessionId, pollId: ids.single, counts: { 'option-1': -2 } }, 'invalid_payload'],
      ['scale point 6', 'poll:handcount', { sessionId, pollId: ids.scale, counts: { '6': 2 } }, 'invalid_payload'],
      ['counts on a number poll', 'poll:handcount', { sessionId, pollId: ids.number, counts: { '1': 2 } }, 'invalid_payload'],
      ['values on a choice poll', 'poll:handcount', { sessionId, pollId: ids.single, values: [3] }, 'invalid_payload'],
      ['a value as a string', 'poll:handcount', { sessionId, pollId: ids.number, values: ['3'] }, 'invalid_payload'],
      ['close an unknown poll', 'poll:close', { sessionId, pollId: uid() }, 'not_found'],
      ['toString as poll', 'poll:open', { sessionId, pollId: 'toString' }, 'invalid_payload'],
    ];
    for (const [name, event, payload, error] of facilitatorCases) {
      const ack = await rawSend(main, event, payload);
      expect(ack, name).toMatchObject({ ok: false, error });
      expect((ack as { message: string }).message.length, name).toBeGreaterThan(0);
    }
    expect(stored(server!, sessionId)).toEqual(before);
    expect(({} as Record<string, unknown>).optionIds).toBeUndefined();
  });

  it('journals one poll per change and keeps polls, answers and hand counts across a restart', async () => {
    const data = await tempDataDir();
    cleanups.push(data.remove);
    const r = await room(5, data.dir);
    const { sessionId, main } = r;
    const pollId = uid();
    const otherId = uid();
    await sendOk(main, 'poll:create', { sessionId, id: otherId, question: 'Andere peiling', kind: 'bucket', options: ['0-25%', '25-50%', '50-75%', '75-100%'] });
    await sendOk(main, 'poll:create', { sessionId, id: pollId, question: 'Welke knelpunten herkent u?', kind: 'multiple', options: ['Tarieven', 'Administratie', 'Meerzorg'] });
    await sendOk(main, 'poll:open', { sessionId, pollId });
    const journal = journalPath(data.dir, sessionId);
    const linesBefore = (await readFile(journal, 'utf8')).split('\n').filter(Boolean).length;
    for (const [i, p] of r.participants.entries()) await sendOk(p.socket, 'poll:answer', { sessionId, pollId, answer: { optionIds: i % 2 ? ['option-1', 'option-3'] : ['option-2'] } });
    // An answer's journal line holds that poll alone, not the session's other polls.
    const lines = (await readFile(journal, 'utf8')).split('\n').filter(Boolean).slice(linesBefore).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(Object.keys(line.polls as object)).toEqual([pollId]);
      expect(line.cards).toBeUndefined();
    }
    await sendOk(main, 'poll:handcount', { sessionId, pollId, counts: { 'option-3': 4 } });
    const before = await sendOk(main, 'poll:close', { sessionId, pollId });
    closeAll(...opened.splice(0));
    await server!.close();

    const onDisk = await readStoredSession(data.dir, sessionId);
    expect(Object.keys(onDisk!.polls[pollId]!.answers)).toHaveLength(5);

    server = await startServer({ dataDir: data.dir });
    const again = await connectClient(server.url, r.auth);
    opened.push(again);
    const snapshot = await sendOk(again, 'session:open', { sessionId, view: 'console' });
    expect(snapshot.polls.map((p) => p.id)).toEqual([otherId, pollId]);
    expect(snapshot.polls[1]).toEqual(before);
    expect(counts(snapshot.polls[1])).toEqual([2, 3, 6]);
    const late = await connectClient(server.url);
    opened.push(late);
    const joined = await sendOk(late, 'session:join', { code: r.joinCode, profile: { name: 'Laatkomer', consent: false } });
    expect(joined.snapshot.polls).toEqual([expect.objectContaining({ id: pollId, status: 'closed', mine: null })]);
    expect(counts(joined.snapshot.polls[0])).toEqual([2, 3, 6]);
  });
});
