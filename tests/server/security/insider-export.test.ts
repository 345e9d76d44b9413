import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../server/security/secrets.ts';
import type { StudyArchive } from '../../../shared/schemas/archive.ts';
import { connectClient, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll } from '../session-helpers.ts';
import { studyRoom, type Person } from './insider-helpers.ts';

/**
 * Hole 4 of issue 10: the study export held the stored session as it is, with resume token
 * hashes, the authors of anonymous cards, anonymous voters and poll answers by participant id:
 * more than the facilitator who downloads it may ever see.
 */

let server: TestServer;
const servers: TestServer[] = [];
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(async () => {
  closeAll(...opened.splice(0));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => server.close());

async function exportOf(target: TestServer, studyId: string, key: string): Promise<{ archive: StudyArchive; text: string }> {
  const response = await fetch(`${target.url}/api/studies/${studyId}/export`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { archive: JSON.parse(text) as StudyArchive, text };
}

/** A session where Ann only wrote and voted anonymously, Bob wrote a named card, Cat voted by name; two polls answered. */
async function busySession() {
  const room = await studyRoom(server, opened, {
    title: 'Export zonder sporen',
    settings: { hideUntilReveal: false, allowAnonymousCards: true, anonymousVotes: true, showTotalsWhileVoting: true, votesPerParticipant: 5 },
  });
  const { sessionId, consoleSocket } = room;
  const ann = await room.join('Annemarie Zwartkop');
  const bob = await room.join('Bartholomeus Vink');
  const cat = await room.join('Catharina Merel');
  await room.phase('collecting');
  const cards = { annAnonymous: uid(), annScribed: uid(), annDeleted: uid(), bobNamed: uid(), room: uid() };
  await sendOk(ann.socket, 'card:add', { sessionId, id: cards.annAnonymous, columnId: room.column, text: 'Anoniem: de gesprekken waren eenzijdig', anonymous: true });
  await sendOk(ann.socket, 'card:edit', { sessionId, id: cards.annAnonymous, text: 'Anoniem: de gesprekken waren heel eenzijdig' });
  await sendOk(ann.socket, 'card:add', { sessionId, id: cards.annDeleted, columnId: room.column, text: 'Anoniem en weer weg', anonymous: true });
  await sendOk(ann.socket, 'card:delete', { sessionId, id: cards.annDeleted });
  await sendOk(consoleSocket, 'card:add', {
    sessionId,
    id: cards.annScribed,
    columnId: room.column,
    text: 'Anoniem genoteerd voor Ann',
    anonymous: true,
    attribution: { kind: 'participant', participantId: ann.participantId },
  });
  await sendOk(bob.socket, 'card:add', { sessionId, id: cards.bobNamed, columnId: room.column, text: 'Bob met naam: goede dialoog' });
  await sendOk(consoleSocket, 'card:add', { sessionId, id: cards.room, columnId: room.column, text: 'Uit de zaal: te weinig tijd', attribution: { kind: 'room' } });

  const numberPoll = uid();
  const choicePoll = uid();
  await sendOk(consoleSocket, 'poll:create', { sessionId, id: numberPoll, question: 'Hoeveel offertes schreef u?', kind: 'number' });
  await sendOk(consoleSocket, 'poll:create', { sessionId, id: choicePoll, question: 'Hoe ging het?', kind: 'single', options: ['Goed', 'Slecht'] });
  await sendOk(consoleSocket, 'poll:open', { sessionId, pollId: numberPoll });
  const choice = await sendOk(consoleSocket, 'poll:open', { sessionId, pollId: choicePoll });
  await sendOk(ann.socket, 'poll:answer', { sessionId, pollId: numberPoll, answer: { value: 11 } });
  await sendOk(bob.socket, 'poll:answer', { sessionId, pollId: numberPoll, answer: { value: 22 } });
  await sendOk(ann.socket, 'poll:answer', { sessionId, pollId: choicePoll, answer: { optionIds: [choice.options[0]!.id] } });
  await sendOk(consoleSocket, 'poll:close', { sessionId, pollId: numberPoll });

  await room.phase('voting');
  await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: cards.annAnonymous });
  await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: cards.bobNamed });
  await sendOk(bob.socket, 'vote:cast', { sessionId, id: uid(), cardId: cards.annAnonymous });
  await sendOk(consoleSocket, 'session:update', { sessionId, settings: { anonymousVotes: false } });
  const catVote = uid();
  await sendOk(cat.socket, 'vote:cast', { sessionId, id: catVote, cardId: cards.bobNamed });
  await room.phase('synthesis');
  return { room, ann, bob, cat, cards, polls: { numberPoll, choicePoll }, catVote };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('hole 4: the study export holds only what the facilitator sees', () => {
  it('has no token hash, no anonymous author, no anonymous voter and no participant id as a poll key', async () => {
    const { room, ann, bob, cat, cards, polls, catVote } = await busySession();
    const { archive, text } = await exportOf(server, room.auth.studyId, room.auth.key);
    const people: Person[] = [ann, bob, cat];
    expect(text).not.toContain('tokenHash');
    for (const p of people) expect(text).not.toContain(hashSecret(p.token));
    const session = archive.sessions.find((s) => s.id === room.sessionId)!;
    // The export is of this session and complete: everyone, every card, every vote, every answer.
    expect(Object.keys(session.participants).sort()).toEqual(people.map((p) => p.participantId).sort());
    expect(Object.keys(session.cards).sort()).toEqual(Object.values(cards).sort());
    expect(Object.values(session.votes)).toHaveLength(4);

    for (const id of [cards.annAnonymous, cards.annScribed, cards.annDeleted]) expect(session.cards[id]!.author, id).toEqual({ kind: 'anonymous' });
    expect(session.cards[cards.bobNamed]!.author).toEqual({ kind: 'participant', participantId: bob.participantId });
    expect(session.cards[cards.room]!.author).toEqual({ kind: 'room' });
    expect(session.cards[cards.annAnonymous]!.text).toBe('Anoniem: de gesprekken waren heel eenzijdig');

    const votes = Object.values(session.votes);
    expect(votes.filter((v) => v.anonymous)).toHaveLength(3);
    for (const vote of votes.filter((v) => v.anonymous)) expect(vote.voterId).toBeNull();
    expect(session.votes[catVote]).toMatchObject({ voterId: cat.participantId, anonymous: false, cardId: cards.bobNamed });

    const ids = people.map((p) => p.participantId);
    const numberAnswers = session.polls[polls.numberPoll]!.answers;
    expect(Object.values(numberAnswers).map((a) => ('value' in a ? a.value : null)).sort()).toEqual([11, 22]);
    expect(Object.keys(session.polls[polls.choicePoll]!.answers)).toHaveLength(1);
    for (const poll of Object.values(session.polls)) {
      for (const key of Object.keys(poll.answers)) {
        for (const id of ids) {
          expect(key.includes(id), `poll answer key ${key} holds a participant id`).toBe(false);
          expect(key === sha256(id) || key === sha256(id).slice(0, key.length), `poll answer key ${key} is a hash of a participant id`).toBe(false);
        }
      }
    }
    // Ann did nothing by name: apart from the participant list, her id is nowhere in the file.
    const { participants: _p, ...rest } = session;
    expect(JSON.stringify(rest)).not.toContain(ann.participantId);
    expect(JSON.stringify({ votes: rest.votes, polls: rest.polls })).not.toContain(bob.participantId);
    // Times of cards are whole minutes.
    for (const card of Object.values(session.cards)) {
      expect(card.createdAt % 60_000, card.id).toBe(0);
      expect(card.updatedAt % 60_000, card.id).toBe(0);
    }
  });

  it('export, import on another server and export again give the same file (but for exportedAt)', async () => {
    const { room, ann } = await busySession();
    const first = await exportOf(server, room.auth.studyId, room.auth.key);
    const target = await startServer();
    servers.push(target);
    const imported = await fetch(`${target.url}/api/studies/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: first.text });
    expect(imported.status).toBe(201);
    expect(await imported.json()).toMatchObject({ studyId: room.auth.studyId, sessions: 1, newJoinCodes: 0 });
    const second = await exportOf(target, room.auth.studyId, room.auth.key);
    expect({ ...second.archive, exportedAt: 0 }).toEqual({ ...first.archive, exportedAt: 0 });
    expect(second.archive.exportedAt).toBeGreaterThanOrEqual(first.archive.exportedAt);

    // Over there, nobody can resume as a participant of the file, and the session works.
    const socket = await connectClient(target.url);
    opened.push(socket);
    expect(await send(socket, 'session:resume', { sessionId: room.sessionId, participantId: ann.participantId, token: ann.token })).toMatchObject({ ok: false, error: 'unauthorised' });
    const facilitator = await connectClient(target.url, room.auth);
    opened.push(facilitator);
    const opening = await sendOk(facilitator, 'session:open', { sessionId: room.sessionId, view: 'console' });
    expect(opening.cards).toHaveLength(4);
    expect(opening.votes?.reduce((sum, v) => sum + v.total, 0)).toBe(4);
  });
});
