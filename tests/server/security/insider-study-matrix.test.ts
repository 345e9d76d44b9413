import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, recordTraffic, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, sync } from '../session-helpers.ts';
import { MATRIX_PUSH_MS } from '../../../server/realtime/study-matrix-feed.ts';
import type { ServerToClientEvents } from '../../../shared/protocol/events.ts';
import { expectAbsent, sleep, studyRoom } from './insider-helpers.ts';

/**
 * The live study matrix goes to a study's overview room. An insider runs study B on the same
 * server with B's overview open on several sockets; study A's facilitators work away. B must
 * receive nothing of A: no push, no text, no id, no count.
 */

type StudyMatrixUpdate = Parameters<ServerToClientEvents['study:matrix-updated']>[0];

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

describe('insider: the live study matrix stays in its own study', () => {
  it("a facilitator of study B with B's overview open receives nothing of study A", async () => {
    const victim = await studyRoom(server, opened, { title: 'Zorginkoop Noord', settings: { allowAnonymousCards: true, anonymousVotes: false } });
    const attacker = await studyRoom(server, opened, { title: 'Aanvaller' });
    // The victim's overview, to show that A's changes were pushed at all.
    const victimOverview = await connectClient(server.url, victim.auth);
    // The attacker looks on from B's overview, on its console socket too, and on a fresh socket.
    const attackerOverview = await connectClient(server.url, attacker.auth);
    opened.push(victimOverview, attackerOverview);
    const victimTraffic = recordTraffic(victimOverview);
    const attackerTraffic = recordTraffic(attackerOverview);
    for (const socket of [victimOverview, attackerOverview, attacker.consoleSocket]) await sendOk(socket, 'study:open', {});

    const vera = await victim.join('Veronique Slotboom');
    await victim.phase('collecting');
    const anonymousCard = uid();
    const namedCard = uid();
    await sendOk(vera.socket, 'card:add', { sessionId: victim.sessionId, id: anonymousCard, columnId: victim.column, text: 'GEHEIM-A1 de tarieven zijn te laag', anonymous: true });
    await sendOk(vera.socket, 'card:add', { sessionId: victim.sessionId, id: namedCard, columnId: victim.column, text: 'GEHEIM-A2 meerzorg duurt te lang' });
    await victim.phase('voting');
    const vote = uid();
    await sendOk(vera.socket, 'vote:cast', { sessionId: victim.sessionId, id: vote, cardId: anonymousCard });
    // 917 hand votes: a count no cell of B reaches.
    await sendOk(victim.consoleSocket, 'card:hand-votes', { sessionId: victim.sessionId, id: namedCard, count: 917 });
    await victim.phase('synthesis');
    await sendOk(victim.consoleSocket, 'synthesis:decide', { sessionId: victim.sessionId, cardId: namedCard, themeId: 'tarieven', pinned: false });
    await sendOk(victim.consoleSocket, 'theme:add', { sessionId: victim.sessionId, name: 'GEHEIM-THEMA Vervoer', cardIds: [] });
    const second = await sendOk(victim.consoleSocket, 'session:create', { title: 'GEHEIM-SESSIE', date: '2025-11-21', mode: 'fysiek', domains: ['GEHEIM-DOMEIN'] });

    // B's own change still reaches B: the recording works.
    await sendOk(attacker.consoleSocket, 'session:phase', { sessionId: attacker.sessionId, phase: 'collecting' });
    await sendOk(attacker.consoleSocket, 'card:add', { sessionId: attacker.sessionId, id: uid(), columnId: attacker.column, text: 'Eigen kaart over de tarieven', attribution: { kind: 'facilitator' } });
    await sleep(MATRIX_PUSH_MS * 3);
    await sync(victimOverview, attackerOverview, attacker.consoleSocket, attacker.projectionSocket);

    const victimPushes = victimTraffic.events.filter((e) => e.event === 'study:matrix-updated');
    expect(victimPushes.length).toBeGreaterThan(0);
    expect(JSON.stringify(victimPushes)).toContain('GEHEIM-A1');
    const attackerPushes = attackerTraffic.events.filter((e) => e.event === 'study:matrix-updated');
    expect(attackerPushes.length).toBeGreaterThan(0);
    expect(attackerPushes.every((e) => (e.args[0] as { studyId: string }).studyId === attacker.auth.studyId)).toBe(true);
    // Not even A's counts: no cell of B's holds A's 917 hand votes.
    const votes = attackerPushes.flatMap((e) => Object.values((e.args[0] as StudyMatrixUpdate).matrix.cells).flatMap((row) => Object.values(row).map((c) => c.votes)));
    expect(Math.max(0, ...votes)).toBeLessThan(917);

    const secrets = [victim.auth.studyId, victim.sessionId, second.id, anonymousCard, namedCard, vote, 'GEHEIM', vera.name, vera.participantId];
    expectAbsent(attackerTraffic.text(), secrets, "the attacker's overview");
    expectAbsent(attacker.consoleTraffic.text(), secrets, "the attacker's console (overview open)");
    expectAbsent(attacker.projectionTraffic.text(), secrets, "the attacker's projection");
    // Nor, within A, does the overview name who wrote or voted.
    expectAbsent(JSON.stringify(victimPushes), [vera.name, vera.participantId, vote], "the victim's overview");
  });
});
