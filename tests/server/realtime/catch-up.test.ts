// Network faults the offline tests do not cover yet: a participant away for ten minutes (by the
// server's clock) while everything else happens, and a poll answer whose ack was lost.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { synthesisView, type SynthesisView } from '../../../shared/domain/synthesis-view.ts';
import { canonical, TrackedClient } from '../client-state.ts';
import { connectClient, createStudy, send, sendOk, uid, type ClientSocket } from '../helpers.ts';
import { closeAll, serverView, stored, sync, trackFacilitator, trackParticipant } from '../session-helpers.ts';

const MINUTE = 60_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real server with a clock the test moves. */
async function serverWithClock() {
  let now = Date.parse('2025-11-20T09:00:00Z');
  const built = await buildApp({ clientDir: '/nonexistent-client', clock: () => now });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => built.app.close());
  const url = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
  return { ...built, url, dataDir: undefined, close: () => built.app.close(), advance: (ms: number) => (now += ms) };
}

/** A participant back on a new socket: resumed, and (like the board on every bind) fetching the themes. */
async function comeBack(url: string, who: { sessionId: string; participantId: string; token: string }) {
  const socket = await connectClient(url);
  const client = new TrackedClient(socket);
  const themes: { view: SynthesisView | null } = { view: null };
  socket.on('synthesis:updated', (view) => (themes.view = view));
  await client.bind(() => sendOk(socket, 'session:resume', { sessionId: who.sessionId, participantId: who.participantId, token: who.token }), (s) => s);
  const opened = await send(socket, 'synthesis:open', { sessionId: who.sessionId });
  if (opened.ok) themes.view ??= opened.data;
  return { client, socket, themes };
}

describe('a participant offline for ten minutes', () => {
  it('catches up completely on reconnect: cards, edits, deletes, merges, votes, phases, reveal, polls and themes', async () => {
    const server = await serverWithClock();
    const auth = await createStudy(server.url);
    const admin = await connectClient(server.url, auth);
    cleanups.push(() => admin.disconnect());
    const summary = await sendOk(admin, 'session:create', {
      title: 'Werksessie Wmo',
      date: '2025-11-20',
      mode: 'digitaal',
      domains: ['Wmo'],
      settings: { hideUntilReveal: true, showTotalsWhileVoting: true, anonymousVotes: false },
    });
    const sessionId = summary.id;
    const facilitator = await trackFacilitator(server.url, auth, sessionId);
    const projection = await trackFacilitator(server.url, auth, sessionId, 'projection');
    const ann = await trackParticipant(server.url, summary.joinCode, { name: 'Ann' });
    const bob = await trackParticipant(server.url, summary.joinCode, { name: 'Bob' });
    const cas = await trackParticipant(server.url, summary.joinCode, { name: 'Cas', region: 'Noord' });
    let back: Awaited<ReturnType<typeof comeBack>> | undefined;
    cleanups.push(() => closeAll(facilitator.socket, projection.socket, ann.socket, bob.socket, cas.socket, back?.socket));
    const [good, better] = facilitator.current.session.columns.map((c) => c.id) as [string, string];
    const f = facilitator.socket;

    await sendOk(f, 'session:phase', { sessionId, phase: 'collecting' });
    const [a1, a2, b1, b2, b3, room] = [uid(), uid(), uid(), uid(), uid(), uid()];
    await sendOk(ann.socket, 'card:add', { sessionId, id: a1, columnId: good, text: 'Ann: de aanbesteding was helder' });
    await sendOk(ann.socket, 'card:add', { sessionId, id: a2, columnId: better, text: 'Ann anoniem: de tarieven zijn te laag', anonymous: true });
    await sendOk(bob.socket, 'card:add', { sessionId, id: b1, columnId: better, text: 'Bob: meerzorg duurt lang' });

    // Ann's connection drops; the session goes on without her for ten minutes.
    ann.socket.disconnect();
    server.advance(MINUTE);
    await sendOk(bob.socket, 'card:add', { sessionId, id: b2, columnId: better, text: 'Bob: meerzorg duurt maanden' });
    await sendOk(bob.socket, 'card:add', { sessionId, id: b3, columnId: good, text: 'Bob: wordt zo weer verwijderd' });
    await sendOk(bob.socket, 'card:edit', { sessionId, id: b1, text: 'Bob: meerzorgaanvragen duren veel te lang' });
    await sendOk(bob.socket, 'card:delete', { sessionId, id: b3 });
    await sendOk(f, 'card:add', { sessionId, id: room, columnId: better, text: 'Uit de zaal: vervoer naar de dagbesteding', attribution: { kind: 'room' } });
    await sendOk(f, 'card:edit', { sessionId, id: a1, text: 'Ann: de aanbesteding was helder en op tijd' });
    await sendOk(f, 'card:merge', { sessionId, targetId: b1, sourceIds: [b2] });
    await sendOk(f, 'card:hand-votes', { sessionId, id: room, count: 3 });
    await sendOk(f, 'participant:add', { sessionId, id: uid(), profile: { name: 'Dirk in de zaal', consent: false } });
    await sendOk(bob.socket, 'profile:update', { sessionId, profile: { name: 'Bob B.', organisation: 'Zorggroep Oost', consent: true } });
    await sendOk(f, 'timer:control', { sessionId, action: 'start', ms: 5 * MINUTE });
    server.advance(6 * MINUTE);
    await sendOk(f, 'session:update', { sessionId, settings: { votesPerParticipant: 4 } });
    await sendOk(f, 'session:reveal', { sessionId, revealed: true });
    await sendOk(f, 'session:phase', { sessionId, phase: 'voting' });
    const [vote1, vote2, vote3] = [uid(), uid(), uid()];
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: vote1, cardId: a1 });
    await sendOk(cas.socket, 'vote:cast', { sessionId, id: vote2, cardId: a1 });
    await sendOk(cas.socket, 'vote:cast', { sessionId, id: vote3, cardId: room });
    await sendOk(cas.socket, 'vote:retract', { sessionId, id: vote2 });
    const [closedPoll, openPoll, draft, deleted] = [uid(), uid(), uid(), uid()];
    await sendOk(f, 'poll:create', { sessionId, id: closedPoll, question: 'Was de procedure duidelijk?', kind: 'single', options: ['Ja', 'Nee'], showLive: true });
    await sendOk(f, 'poll:open', { sessionId, pollId: closedPoll });
    await sendOk(bob.socket, 'poll:answer', { sessionId, pollId: closedPoll, answer: { optionIds: ['option-1'] } });
    await sendOk(cas.socket, 'poll:answer', { sessionId, pollId: closedPoll, answer: { optionIds: ['option-2'] } });
    await sendOk(f, 'poll:close', { sessionId, pollId: closedPoll });
    await sendOk(f, 'poll:create', { sessionId, id: openPoll, question: 'Hoe tevreden bent u?', kind: 'scale' });
    await sendOk(f, 'poll:open', { sessionId, pollId: openPoll });
    await sendOk(f, 'poll:create', { sessionId, id: draft, question: 'Nog niet klaar', kind: 'number' });
    await sendOk(f, 'poll:create', { sessionId, id: deleted, question: 'Per ongeluk', kind: 'single', options: ['A', 'B'] });
    await sendOk(f, 'poll:open', { sessionId, pollId: deleted });
    await sendOk(f, 'poll:delete', { sessionId, pollId: deleted });
    await sendOk(f, 'session:lock', { sessionId, locked: true });
    await sendOk(f, 'session:lock', { sessionId, locked: false });
    await sendOk(f, 'session:phase', { sessionId, phase: 'synthesis' });
    await sendOk(f, 'synthesis:decide', { sessionId, cardId: a1, themeId: 'meerzorg', pinned: true });
    await sendOk(f, 'synthesis:quote', { sessionId, cardId: b1, quote: true });
    await sendOk(f, 'synthesis:finding', { sessionId, themeId: 'meerzorg', text: 'Meerzorg duurt te lang' });
    await sendOk(f, 'theme:add', { sessionId, name: 'Vervoer', cardIds: [room] });
    await sendOk(f, 'synthesis:reject', { sessionId, cardId: a2, themeId: 'tarieven' });
    server.advance(3 * MINUTE);

    // Ann is back after ten minutes, on a new connection, and the session goes on.
    back = await comeBack(server.url, ann);
    await sendOk(f, 'synthesis:decide', { sessionId, cardId: b1, themeId: 'tarieven', pinned: false });
    await sendOk(f, 'poll:close', { sessionId, pollId: openPoll });
    await sendOk(f, 'card:hand-votes', { sessionId, id: a1, count: 2 });
    await sync(f, projection.socket, bob.socket, cas.socket, back.socket);

    const session = stored(server, sessionId);
    const annView = serverView(server, sessionId, { role: 'participant', participantId: ann.participantId });
    expect(canonical(back.client.current)).toEqual(canonical(annView));
    // What she missed is there: the edit, the merge, the delete, the reveal, the votes, the polls.
    const cards = back.client.current.cards;
    expect(cards.get(a1)?.text).toBe('Ann: de aanbesteding was helder en op tijd');
    expect([b2, b3].map((id) => cards.has(id))).toEqual([false, false]);
    expect(cards.get(room)).toBeDefined();
    expect(back.client.current.myCardIds).toEqual(new Set([a1, a2]));
    expect(back.client.current.session).toMatchObject({ phase: 'synthesis', revealed: true, locked: false });
    expect([...back.client.current.polls.keys()].sort()).toEqual([closedPoll, openPoll].sort());
    expect(back.client.current.polls.get(closedPoll)?.results).not.toBeNull();
    const codebook = server.repo.studies.get(session.studyId)!.data.codebook;
    expect(back.themes.view).toEqual(synthesisView(session, codebook));
    // Those who stayed saw the same through the facts alone.
    expect(canonical(bob.client.current)).toEqual(canonical(serverView(server, sessionId, { role: 'participant', participantId: bob.participantId })));
    expect(canonical(cas.client.current)).toEqual(canonical(serverView(server, sessionId, { role: 'participant', participantId: cas.participantId })));
    expect(canonical(facilitator.current)).toEqual(canonical(serverView(server, sessionId, { role: 'facilitator' })));
    expect(canonical(projection.current)).toEqual(canonical(serverView(server, sessionId, { role: 'projection' })));
  });
});

describe('a poll answer whose ack was lost', () => {
  it('is counted once when sent again, at the same time, and after a reconnect', async () => {
    const server = await serverWithClock();
    const auth = await createStudy(server.url);
    const admin = await connectClient(server.url, auth);
    const summary = await sendOk(admin, 'session:create', { title: 'Peiling', date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'] });
    const sessionId = summary.id;
    const facilitator = await trackFacilitator(server.url, auth, sessionId);
    const ann = await trackParticipant(server.url, summary.joinCode, { name: 'Ann' });
    const bob = await trackParticipant(server.url, summary.joinCode, { name: 'Bob' });
    let again: ClientSocket | undefined;
    cleanups.push(() => closeAll(admin, facilitator.socket, ann.socket, bob.socket, again));
    const pollId = uid();
    await sendOk(facilitator.socket, 'poll:create', { sessionId, id: pollId, question: 'Duidelijk?', kind: 'multiple', options: ['Ja', 'Nee', 'Soms'], showLive: true });
    await sendOk(facilitator.socket, 'poll:open', { sessionId, pollId });
    const payload = { sessionId, pollId, answer: { optionIds: ['option-1', 'option-3'] } };

    const acks = [await send(ann.socket, 'poll:answer', payload), ...(await Promise.all([1, 2, 3].map(() => send(ann.socket, 'poll:answer', payload))))];
    ann.socket.disconnect();
    again = await connectClient(server.url);
    await sendOk(again, 'session:resume', { sessionId, participantId: ann.participantId, token: ann.token });
    acks.push(await send(again, 'poll:answer', payload));
    for (const ack of acks) expect(ack).toMatchObject({ ok: true, data: { id: pollId, mine: { optionIds: ['option-1', 'option-3'] } } });
    await sync(facilitator.socket, bob.socket, again);

    const poll = stored(server, sessionId).polls[pollId]!;
    expect(poll.answers).toEqual({ [ann.participantId]: { optionIds: ['option-1', 'option-3'] } });
    const seen = facilitator.current.polls.get(pollId)!.results!;
    expect(seen).toEqual(bob.client.current.polls.get(pollId)!.results);
    expect(seen).toMatchObject({ answered: 1, counted: 0 });
    // Bob heard of Ann's answer once: the retries changed nothing, so nobody was told again.
    expect(bob.client.count('poll:upserted', ([p]) => (p as { id: string }).id === pollId)).toBe(2);
  });
});
