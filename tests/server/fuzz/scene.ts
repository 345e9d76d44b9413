import type { LimitOverrides } from '../../../server/security/limits.ts';
import type { CommandName, CommandPayload } from '../../../shared/protocol/events.ts';
import { connectClient, createStudy, nextEvent, sendOk, uid, type ClientSocket, type TestServer } from '../helpers.ts';

export type Role = 'facilitator' | 'participant' | 'anonymous';

/**
 * No rate limits: hostile commands must reach the handlers, not the limiter in front of them
 * (tests/server/realtime/abuse.test.ts is about the limiter).
 */
export const NO_LIMITS: LimitOverrides = {
  commands: { burst: 1e9, perSecond: 1e9, disconnectAfter: 1e9 },
  failedJoins: { max: 1e9 },
  creates: { max: 1e9 },
};
export type BasePayloads = { [E in CommandName]: CommandPayload<E> };

/**
 * A session with something of everything (cards, an open poll, a draft poll, a call, a finding),
 * one socket per role to send hostile commands from, and a canary in a session of another study
 * that must keep working while they do.
 */
export async function fuzzScene(server: TestServer) {
  const auth = await createStudy(server.url);
  const facilitator = await connectClient(server.url, auth);
  const created = await sendOk(facilitator, 'session:create', { title: 'Fuzz', date: '2025-11-20', mode: 'digitaal', domains: ['Wlz', 'Wmo'] });
  const sessionId = created.id;
  const snapshot = await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
  const columnId = snapshot.session.columns[0]!.id;
  const participant = await connectClient(server.url);
  const joined = await sendOk(participant, 'session:join', { code: created.joinCode, profile: { name: 'Ann', consent: false } });
  await sendOk(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
  const cards = [uid(), uid(), uid()];
  for (const id of cards) await sendOk(participant, 'card:add', { sessionId, id, columnId, text: `Kaart ${id.slice(0, 4)}` });
  const [openPoll, draftPoll, callId] = [uid(), uid(), uid()];
  await sendOk(facilitator, 'poll:create', { sessionId, id: openPoll, question: 'Open?', kind: 'single', options: ['Ja', 'Nee'] });
  await sendOk(facilitator, 'poll:open', { sessionId, pollId: openPoll });
  await sendOk(facilitator, 'poll:create', { sessionId, id: draftPoll, question: 'Concept?', kind: 'scale' });
  await sendOk(facilitator, 'followup:save', { sessionId, id: callId, callee: { name: 'Bel', consent: false }, calledOn: '2025-12-01', calledBy: 'Analist' });
  await sendOk(facilitator, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: 'Bevinding' });

  const ref = { sessionId };
  const base: BasePayloads = {
    'study:open': {},
    'study:matrix': {},
    'study:rename': { title: 'Studie' },
    'study:report-settings': { smallGroup: 10 },
    'report:edit': { op: 'section', key: 'intro.method', text: 'Werkwijze', draftHash: '00000000' },
    'report:undo': {},
    'session:create': { title: 'Nog een', date: '2025-11-21', mode: 'digitaal', domains: ['Wlz'] },
    'session:open': { ...ref, view: 'console' },
    'session:update': { ...ref, title: 'Fuzz' },
    'session:phase': { ...ref, phase: 'collecting' },
    'session:reveal': { ...ref, revealed: false },
    'session:lock': { ...ref, locked: false },
    'timer:control': { ...ref, action: 'pause' },
    'participant:add': { ...ref, id: uid(), profile: { name: 'Zaal', consent: false } },
    'participant:remove': { ...ref, id: uid() },
    'participants:prune': ref,
    'session:join': { code: created.joinCode, profile: { name: 'Nieuw', consent: false } },
    'session:resume': { ...ref, participantId: joined.participantId, token: joined.token },
    'profile:update': { ...ref, profile: { name: 'Ann', consent: false } },
    'card:add': { ...ref, id: cards[0]!, columnId, text: `Kaart ${cards[0]!.slice(0, 4)}` },
    'card:edit': { ...ref, id: cards[0]!, text: 'Bewerkt' },
    'card:delete': { ...ref, id: cards[1]! },
    'card:restore': { ...ref, id: cards[1]! },
    'card:merge': { ...ref, targetId: cards[0]!, sourceIds: [cards[2]!] },
    'card:hand-votes': { ...ref, id: cards[0]!, count: 1 },
    'synthesis:open': ref,
    'synthesis:decide': { ...ref, cardId: cards[0]!, themeId: 'tarieven' },
    'synthesis:undecide': { ...ref, cardId: cards[0]! },
    'synthesis:reject': { ...ref, cardId: cards[0]!, themeId: 'meerzorg' },
    'synthesis:secondary': { ...ref, cardId: cards[0]!, themeId: 'dialoog' },
    'synthesis:quote': { ...ref, cardId: cards[0]!, quote: true },
    'synthesis:finding': { ...ref, themeId: 'tarieven', text: 'Bevinding' },
    'theme:add': { ...ref, name: 'Nieuw thema' },
    'theme:rename': { ...ref, themeId: 'tarieven', name: 'Tarieven' },
    'theme:merge': { ...ref, sourceId: 'innovatie', targetId: 'tarieven' },
    'theme:unmerge': { ...ref, themeId: 'innovatie' },
    'followup:list': ref,
    'followup:save': { ...ref, id: callId, callee: { name: 'Bel', consent: false }, calledOn: '2025-12-01', calledBy: 'Analist' },
    'followup:answer': { ...ref, callId, themeId: 'tarieven', verdict: 'herkend' },
    'followup:delete': { ...ref, callId },
    'followup:restore': { ...ref, callId },
    'followup:card': { ...ref, id: uid(), callId, columnId, text: 'Punt uit een gesprek' },
    'poll:create': { ...ref, id: draftPoll, question: 'Concept?', kind: 'scale' },
    'poll:update': { ...ref, pollId: draftPoll, question: 'Concept?' },
    'poll:open': { ...ref, pollId: openPoll },
    'poll:close': { ...ref, pollId: openPoll },
    'poll:delete': { ...ref, pollId: draftPoll },
    'poll:restore': { ...ref, pollId: draftPoll },
    'poll:answer': { ...ref, pollId: openPoll, answer: { optionIds: ['option-1'] } },
    'poll:handcount': { ...ref, pollId: openPoll, counts: { 'option-1': 1 } },
    'vote:cast': { ...ref, id: uid(), cardId: cards[0]! },
    'vote:retract': { ...ref, id: uid() },
  };

  // The canary: another study's session, where a participant posts and the facilitator sees it.
  const canaryAuth = await createStudy(server.url);
  const canaryFacilitator = await connectClient(server.url, canaryAuth);
  const canarySession = await sendOk(canaryFacilitator, 'session:create', { title: 'Canary', date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'] });
  const canaryColumn = (await sendOk(canaryFacilitator, 'session:open', { sessionId: canarySession.id, view: 'console' })).session.columns[0]!.id;
  await sendOk(canaryFacilitator, 'session:phase', { sessionId: canarySession.id, phase: 'collecting' });
  const canaryParticipant = await connectClient(server.url);
  await sendOk(canaryParticipant, 'session:join', { code: canarySession.joinCode, profile: { name: 'Canary', consent: false } });

  /** The server still answers HTTP and still carries a card from one client to another. */
  async function canarySings(): Promise<void> {
    const health = await fetch(`${server.url}/api/health`);
    if (health.status !== 200) throw new Error(`health answered ${health.status}`);
    const id = uid();
    const seen = nextEvent(canaryFacilitator, 'card:upserted', (c) => c.id === id);
    await sendOk(canaryParticipant, 'card:add', { sessionId: canarySession.id, id, columnId: canaryColumn, text: 'Nog steeds hier' });
    await seen;
  }

  return {
    auth,
    sessionId,
    joinCode: created.joinCode,
    participant: { socket: participant, ...joined },
    facilitator,
    base,
    canarySessionId: canarySession.id,
    canarySings,
    sockets: [facilitator, participant, canaryFacilitator, canaryParticipant] as ClientSocket[],
  };
}
