import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newSecret } from '../../../server/security/secrets.ts';
import { ARCHIVE_FORMAT, type StudyArchive } from '../../../shared/schemas/archive.ts';
import type { Participant, Session } from '../../../shared/schemas/session.ts';
import type { Study } from '../../../shared/schemas/study.ts';
import { connectClient, recordTraffic, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, sync } from '../session-helpers.ts';
import { expectAbsent, studyRoom, type Person, type StudyRoom } from './insider-helpers.ts';

/**
 * Hole 1 of issue 10: a participant's private room was named by participant id alone, so a
 * second session holding the same id (imported, or added by its facilitator) shared it. The
 * attacker runs a study on the same server and knows the victim's participant id.
 */

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

/** The victim's study: a session with hidden cards, anonymous cards and votes, and Vera in it. */
async function victimRoom() {
  const room = await studyRoom(server, opened, {
    title: 'Zorginkoop Noord',
    settings: { hideUntilReveal: true, allowAnonymousCards: true, anonymousVotes: true, showTotalsWhileVoting: true },
  });
  const vera = await room.join('Veronique Slotboom');
  return { room, vera };
}

/** What the victim does after the attack: every kind of private fact reaches Vera's own sockets. */
async function victimActs(room: StudyRoom, vera: Person) {
  const { sessionId, consoleSocket } = room;
  await room.phase('collecting');
  const anonymousCard = uid();
  const hiddenCard = uid();
  await sendOk(vera.socket, 'card:add', { sessionId, id: anonymousCard, columnId: room.column, text: 'VERBORGEN-V1 anoniem over het zorgkantoor', anonymous: true });
  await sendOk(vera.socket, 'card:edit', { sessionId, id: anonymousCard, text: 'VERBORGEN-V2 anoniem, aangevuld' });
  await sendOk(vera.socket, 'card:add', { sessionId, id: hiddenCard, columnId: room.column, text: 'VERBORGEN-V3 met naam' });
  const scribed = uid();
  await sendOk(consoleSocket, 'card:add', {
    sessionId,
    id: scribed,
    columnId: room.column,
    text: 'VERBORGEN-V4 genoteerd voor Vera',
    attribution: { kind: 'participant', participantId: vera.participantId },
  });
  const poll = uid();
  await sendOk(consoleSocket, 'poll:create', { sessionId, id: poll, question: 'Hoeveel cliënten wachten er?', kind: 'number' });
  await sendOk(consoleSocket, 'poll:open', { sessionId, pollId: poll });
  await sendOk(vera.socket, 'poll:answer', { sessionId, pollId: poll, answer: { value: 73519 } });
  await room.phase('voting');
  const vote = uid();
  await sendOk(vera.socket, 'vote:cast', { sessionId, id: vote, cardId: anonymousCard });
  await sync(vera.socket, consoleSocket);
  // Secrets of the victim's session: none may reach the attacker.
  const secrets = [sessionId, anonymousCard, hiddenCard, scribed, poll, vote, 'VERBORGEN-V', '73519', vera.name];
  // The recording works: Vera got her own private facts.
  const own = vera.traffic.text();
  for (const secret of [anonymousCard, scribed, 'VERBORGEN-V2', 'VERBORGEN-V4', vote, '73519']) expect(own).toContain(secret);
  expect(vera.traffic.events.some((e) => e.event === 'votes:mine')).toBe(true);
  return secrets;
}

/** A study archive written by hand, opened by the attacker's own key. */
function handMadeArchive(key: string, participants: Record<string, Participant>): { archive: StudyArchive; studyId: string; sessionId: string } {
  const studyId = uid();
  const sessionId = uid();
  const now = Date.now();
  // Without codebook and surveys: the schema fills in the defaults.
  const study = {
    schemaVersion: 1,
    id: studyId,
    title: 'Nagemaakt onderzoek',
    keyHash: hashSecret(key),
    sessionIds: [sessionId],
    createdAt: now,
    updatedAt: now,
  } satisfies Omit<Study, 'codebook' | 'surveys' | 'reportSettings' | 'report'>;
  const session: Session = {
    schemaVersion: 1,
    id: sessionId,
    studyId,
    title: 'Nagemaakte sessie',
    date: '2025-11-20',
    mode: 'digitaal',
    domains: ['Wlz'],
    columns: [{ id: 'kolom-goed', title: 'Wat ging er goed?' }],
    joinCode: 'Q7K3MP',
    phase: 'collecting',
    revealed: false,
    locked: false,
    settings: { hideUntilReveal: true, allowAnonymousCards: true, votesPerParticipant: 3, maxVotesPerCard: 3, anonymousVotes: true, showTotalsWhileVoting: true },
    timer: { durationMs: 0, endsAt: null, remainingMs: 0 },
    participants,
    cards: {},
    votes: {},
    synthesis: { decisions: {}, rejected: {}, quotes: {}, findings: {}, secondary: {} },
    followUps: {},
    polls: {},
    createdAt: now,
    updatedAt: now,
  };
  return { archive: { format: ARCHIVE_FORMAT, version: 1, exportedAt: now, study: study as Study, sessions: [session] }, studyId, sessionId };
}

const importArchive = (archive: StudyArchive) =>
  fetch(`${server.url}/api/studies/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(archive) });

const participant = (id: string, token: string): Participant => ({ id, name: 'Vera (nagemaakt)', consent: false, tokenHash: hashSecret(token), addedByFacilitator: false, joinedAt: Date.now() });

describe('hole 1: participant rooms are scoped to their session', () => {
  it('an imported file holding the victim\'s participant id is refused, and resuming as that id gets nothing of the victim', async () => {
    const { room, vera } = await victimRoom();
    const attacker = await studyRoom(server, opened, { title: 'Aanvaller' });
    const token = newSecret();
    const { archive, studyId, sessionId } = handMadeArchive(attacker.auth.key, { [vera.participantId]: participant(vera.participantId, token) });

    const response = await importArchive(archive);
    const body = (await response.json()) as { error?: string };
    expect.soft(response.status).toBe(409);
    expect.soft(body.error).toBe('conflict');
    // Nothing changed: neither the study nor its session exists now.
    expect.soft(server.repo.studies.has(studyId)).toBe(false);
    expect.soft(server.repo.sessions.has(sessionId)).toBe(false);

    // The attacker tries its token as Vera, in the imported session and in the victim's.
    const intruder = await connectClient(server.url);
    opened.push(intruder);
    const intruderTraffic = recordTraffic(intruder);
    const asImported = await send(intruder, 'session:resume', { sessionId, participantId: vera.participantId, token });
    const asVictim = await send(intruder, 'session:resume', { sessionId: room.sessionId, participantId: vera.participantId, token });
    expect(asImported).toMatchObject({ ok: false });
    expect(!asImported.ok && ['unauthorised', 'not_found']).toContain(!asImported.ok && asImported.error);
    expect(asVictim).toMatchObject({ ok: false, error: 'unauthorised' });

    const secrets = await victimActs(room, vera);
    await sendOk(attacker.consoleSocket, 'card:add', { sessionId: attacker.sessionId, id: uid(), columnId: attacker.column, text: 'Eigen kaart van de aanvaller', attribution: { kind: 'facilitator' } });
    await sync(intruder, attacker.consoleSocket, attacker.projectionSocket);
    expectAbsent(intruderTraffic.text() + JSON.stringify([asImported, asVictim]), secrets, 'the intruder socket');
    expectAbsent(attacker.consoleTraffic.text(), secrets, "the attacker's console");
    expectAbsent(attacker.projectionTraffic.text(), secrets, "the attacker's projection");
    expect(intruderTraffic.events.filter((e) => e.event === 'votes:mine' || e.event === 'card:upserted' || e.event === 'poll:upserted')).toEqual([]);
    // The attacker's own sockets were recorded all along.
    expect(attacker.consoleTraffic.text()).toContain('Eigen kaart van de aanvaller');
  });

  it("a file holding a participant id of the importer's own session is refused too", async () => {
    const attacker = await studyRoom(server, opened, { title: 'Aanvaller met dubbel id' });
    const own = await attacker.join('Eigen deelnemer');
    const { archive, studyId } = handMadeArchive(attacker.auth.key, { [own.participantId]: participant(own.participantId, newSecret()) });
    const response = await importArchive(archive);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'conflict' });
    expect(server.repo.studies.has(studyId)).toBe(false);
  });

  it('an imported file keeps no resume token: nobody can resume as an imported participant', async () => {
    const attacker = await studyRoom(server, opened, { title: 'Aanvaller met eigen bestand' });
    const token = newSecret();
    const imported = uid();
    const { archive, studyId, sessionId } = handMadeArchive(attacker.auth.key, { [imported]: participant(imported, token) });
    const response = await importArchive(archive);
    expect(response.status).toBe(201);
    expect(server.repo.studies.has(studyId)).toBe(true);
    // The participant is there, without the token hash of the file.
    const stored = server.repo.sessions.get(sessionId)!.data.participants[imported];
    expect(stored?.name).toBe('Vera (nagemaakt)');
    expect(stored && 'tokenHash' in stored && stored.tokenHash !== undefined).toBe(false);
    expect(JSON.stringify(server.repo.sessions.get(sessionId)!.data)).not.toContain(hashSecret(token));

    const socket = await connectClient(server.url);
    opened.push(socket);
    expect(await send(socket, 'session:resume', { sessionId, participantId: imported, token })).toMatchObject({ ok: false, error: 'unauthorised' });
    // The attacker's key does open the imported study: the file itself was accepted.
    const facilitator = await connectClient(server.url, { studyId, key: attacker.auth.key });
    opened.push(facilitator);
    expect((await sendOk(facilitator, 'study:open', {})).sessions.map((s) => s.id)).toEqual([sessionId]);
  });

  it("a participant the attacker adds with the victim's id in its own session sends nothing to the victim's sockets", async () => {
    const { room, vera } = await victimRoom();
    const attacker = await studyRoom(server, opened, { title: 'Aanvaller', settings: { hideUntilReveal: true, allowAnonymousCards: true } });
    const { sessionId } = attacker;
    // Vera also has a second device open: a reload of her board.
    const reload = await connectClient(server.url);
    opened.push(reload);
    const reloadTraffic = recordTraffic(reload);
    await sendOk(reload, 'session:resume', { sessionId: room.sessionId, participantId: vera.participantId, token: vera.token });

    await attacker.phase('collecting');
    const added = await send(attacker.consoleSocket, 'participant:add', { sessionId, id: vera.participantId, profile: { name: 'Vera Dubbelganger', consent: false } });
    expect(added).toMatchObject({ ok: true, data: { id: vera.participantId } });
    const named = uid();
    const anonymous = uid();
    const as = { kind: 'participant' as const, participantId: vera.participantId };
    await sendOk(attacker.consoleSocket, 'card:add', { sessionId, id: named, columnId: attacker.column, text: 'AANVALLER-K1 op naam van Vera', attribution: as });
    await sendOk(attacker.consoleSocket, 'card:add', { sessionId, id: anonymous, columnId: attacker.column, text: 'AANVALLER-K2 anoniem', anonymous: true, attribution: as });
    await sendOk(attacker.consoleSocket, 'card:edit', { sessionId, id: named, text: 'AANVALLER-K3 bewerkt' });
    await sendOk(attacker.consoleSocket, 'card:delete', { sessionId, id: anonymous });
    await sendOk(attacker.consoleSocket, 'card:restore', { sessionId, id: anonymous });
    await sendOk(attacker.consoleSocket, 'card:hand-votes', { sessionId, id: named, count: 2 });
    await sendOk(attacker.consoleSocket, 'session:reveal', { sessionId, revealed: true });
    await sendOk(attacker.consoleSocket, 'session:reveal', { sessionId, revealed: false });
    await attacker.phase('voting');

    // A card the victim's own console attributes to Vera does reach her: the rooms work.
    await room.phase('collecting');
    const control = uid();
    await sendOk(room.consoleSocket, 'card:add', { sessionId: room.sessionId, id: control, columnId: room.column, text: 'Genoteerd voor Vera in haar eigen sessie', attribution: { kind: 'participant', participantId: vera.participantId } });
    await sync(vera.socket, reload, attacker.consoleSocket);

    const secrets = [sessionId, named, anonymous, 'AANVALLER-K', 'Dubbelganger', attacker.joinCode];
    expectAbsent(vera.traffic.text(), secrets, "Vera's board");
    expectAbsent(reloadTraffic.text(), secrets, "Vera's second device");
    expect(vera.traffic.text()).toContain(control);
    expect(reloadTraffic.text()).toContain(control);
    expect(vera.traffic.events.filter((e) => e.event === 'session:snapshot').every((e) => (e.args[0] as { session: { id: string } }).session.id === room.sessionId)).toBe(true);
    // And the attacker did make those facts: its console saw them.
    expect(attacker.consoleTraffic.text()).toContain('AANVALLER-K3');
    expect(attacker.consoleTraffic.text()).toContain(anonymous);
  });
});
