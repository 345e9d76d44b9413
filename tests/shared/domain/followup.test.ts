import { describe, expect, it } from 'vitest';
import { mergeThemes } from '../../../shared/domain/codebook-edits.ts';
import { deleteCard, setHandVotes } from '../../../shared/domain/cards.ts';
import { defaultDomain } from '../../../shared/domain/domains.ts';
import { addFollowUpCard, answerCall, callScript, deleteCall, followUpView, restoreCall, saveCall } from '../../../shared/domain/followup.ts';
import { setFinding } from '../../../shared/domain/synthesis.ts';
import { synthesisView } from '../../../shared/domain/synthesis-view.ts';
import { DEFAULT_CODEBOOK } from '../../../shared/domain/themes/default-codebook.ts';
import { CodebookSchema, type Codebook } from '../../../shared/schemas/codebook.ts';
import { AnswerCallSchema, FollowUpCardSchema, SaveCallSchema } from '../../../shared/schemas/commands.ts';
import { SessionSchema, type Session } from '../../../shared/schemas/session.ts';
import { ANN, BOB, FACILITATOR, T0, columnId, expectFail, frozen, makeSession, participant, unwrap, withCard, withParticipant } from '../fixtures.ts';

const codebook = (): Codebook => CodebookSchema.parse(structuredClone(DEFAULT_CODEBOOK));
const CALL = 'call-0000001';

/** A closed session whose cards fall into obvious themes; tarieven has the most votes. */
function closedSession(): Session {
  let s = withParticipant(makeSession({ phase: 'collecting' }), ANN, 'Ann');
  const cards: [string, string][] = [
    ['card-tarief-1', 'De tarieven dekken de kostprijs niet, de indexering is veel te laag'],
    ['card-tarief-2', 'Het zorgkantoor geeft een korting op het NZa-tarief'],
    ['card-meer-1', 'Meerzorgaanvragen voor VG7 clienten worden traag afgehandeld'],
    ['card-dialoog-1', 'Er is geen echte dialoog, de gesprekstafels zijn vooral zenden'],
  ];
  for (const [id, text] of cards) s = withCard(s, participant(ANN), { id, text, columnId: columnId(s, 1) }).session;
  s = { ...s, phase: 'synthesis' };
  s = unwrap(setHandVotes(s, FACILITATOR, 'card-meer-1', 2, T0)).session;
  s = unwrap(setHandVotes(s, FACILITATOR, 'card-tarief-1', 5, T0)).session;
  s = unwrap(setFinding(s, FACILITATOR, codebook(), 'tarieven', 'De tarieven zijn te laag', T0)).session;
  return { ...s, phase: 'closed' };
}

const save = (s: Session, overrides: Partial<Record<string, unknown>> = {}) =>
  SaveCallSchema.parse({
    sessionId: s.id,
    id: CALL,
    callee: { name: 'Petra de Boer', organisation: 'Zorggroep Noord', scope: 'regionaal', size: 'groot', region: 'Drenthe', consent: true },
    calledOn: '2025-12-01',
    calledBy: 'Analist Jan',
    ...overrides,
  });
const answer = (s: Session, themeId: string, verdict: string | null, note?: string) =>
  AnswerCallSchema.parse({ sessionId: s.id, callId: CALL, themeId, verdict, ...(note ? { note } : {}) });

function withCall(s = closedSession()): Session {
  return unwrap(saveCall(s, FACILITATOR, save(s), T0 + 1)).session;
}

describe('saveCall', () => {
  it('records a call after the session is closed, with the id the client chose', () => {
    const s = frozen(closedSession());
    const change = unwrap(saveCall(s, FACILITATOR, save(s), T0 + 1));
    expect(change.value).toMatchObject({ id: CALL, calledOn: '2025-12-01', calledBy: 'Analist Jan', answers: {}, createdAt: T0 + 1, deletedAt: null });
    expect(change.value.callee.name).toBe('Petra de Boer');
    expect(change.session.followUps[CALL]).toEqual(change.value);
    expect(SessionSchema.safeParse(change.session).success).toBe(true);
  });

  it('is idempotent: the same save again changes nothing; a different one updates the call', () => {
    const s = frozen(withCall());
    const again = unwrap(saveCall(s, FACILITATOR, save(s), T0 + 5));
    expect(again.session).toBe(s);
    const moved = unwrap(saveCall(s, FACILITATOR, save(s, { calledOn: '2025-12-02' }), T0 + 5));
    expect(moved.value).toMatchObject({ calledOn: '2025-12-02', createdAt: T0 + 1, updatedAt: T0 + 5 });
  });

  it('is the facilitator\'s alone, in every phase', () => {
    for (const phase of ['preparation', 'collecting', 'voting', 'synthesis', 'closed'] as const) {
      const s = { ...closedSession(), phase };
      expect(saveCall(s, FACILITATOR, save(s), T0).ok).toBe(true);
      expectFail(saveCall(s, participant(ANN), save(s), T0), 'forbidden');
    }
  });

  it('does not change a deleted call until it is restored', () => {
    const s = unwrap(deleteCall(withCall(), FACILITATOR, CALL, T0 + 2)).session;
    expectFail(saveCall(s, FACILITATOR, save(s, { calledBy: 'Iemand anders' }), T0 + 3), 'not_found');
  });
});

describe('answerCall', () => {
  it('sets, changes and clears the verdict on one theme, with a note', () => {
    let s = frozen(withCall());
    s = unwrap(answerCall(s, FACILITATOR, codebook(), answer(s, 'tarieven', 'herkend', 'Zeker, bij ons ook'), T0 + 2)).session;
    expect(s.followUps[CALL]!.answers.tarieven).toEqual({ verdict: 'herkend', note: 'Zeker, bij ons ook', at: T0 + 2 });
    s = unwrap(answerCall(s, FACILITATOR, codebook(), answer(s, 'tarieven', 'deels'), T0 + 3)).session;
    expect(s.followUps[CALL]!.answers.tarieven).toEqual({ verdict: 'deels', at: T0 + 3 });
    const same = unwrap(answerCall(s, FACILITATOR, codebook(), answer(s, 'tarieven', 'deels'), T0 + 4));
    expect(same.session).toBe(s);
    s = unwrap(answerCall(s, FACILITATOR, codebook(), answer(s, 'tarieven', null), T0 + 5)).session;
    expect(s.followUps[CALL]!.answers).toEqual({});
    expect(unwrap(answerCall(s, FACILITATOR, codebook(), answer(s, 'tarieven', null), T0 + 6)).session).toBe(s);
  });

  it('refuses unknown themes, unknown or deleted calls and participants', () => {
    const s = withCall();
    expectFail(answerCall(s, FACILITATOR, codebook(), answer(s, 'bestaat-niet', 'herkend'), T0), 'not_found');
    expectFail(answerCall(s, FACILITATOR, codebook(), answer(s, 'bestaat-niet', null), T0), 'not_found');
    expectFail(answerCall(s, FACILITATOR, codebook(), { ...answer(s, 'tarieven', 'herkend'), callId: 'call-unknown' }, T0), 'not_found');
    expectFail(answerCall(s, participant(ANN), codebook(), answer(s, 'tarieven', 'herkend'), T0), 'forbidden');
    const deleted = unwrap(deleteCall(s, FACILITATOR, CALL, T0)).session;
    expectFail(answerCall(deleted, FACILITATOR, codebook(), answer(s, 'tarieven', 'herkend'), T0), 'not_found');
  });

  it('accepts a candidate theme the cards form without a codebook', () => {
    const empty: Codebook = { themes: [] };
    let s = withCall();
    for (const [i, text] of ['Tarieven dekken de kostprijs niet', 'Het tarief ligt onder de kostprijs', 'Kostprijs stijgt, tarieven niet'].entries()) {
      s = withCard({ ...s, phase: 'collecting' }, FACILITATOR, { id: `card-extra-${i}`, text }).session;
    }
    const candidate = synthesisView(s, empty).themes.find((t) => t.discovered);
    expect(candidate).toBeDefined();
    expect(answerCall(s, FACILITATOR, empty, answer(s, candidate!.id, 'herkend'), T0).ok).toBe(true);
  });

  it('can clear the answer of a theme that was merged away since', () => {
    let s = withCall();
    s = unwrap(answerCall(s, FACILITATOR, codebook(), answer(s, 'dialoog', 'niet_herkend'), T0)).session;
    const merged = unwrap(mergeThemes(codebook(), 'dialoog', 'tarieven'));
    const cleared = unwrap(answerCall(s, FACILITATOR, merged, answer(s, 'dialoog', null), T0 + 1)).session;
    expect(cleared.followUps[CALL]!.answers).toEqual({});
  });
});

describe('deleteCall and restoreCall', () => {
  it('remove a call softly and bring it back; twice is fine', () => {
    let s = withCall();
    s = unwrap(answerCall(s, FACILITATOR, codebook(), answer(s, 'tarieven', 'herkend'), T0)).session;
    const deleted = unwrap(deleteCall(s, FACILITATOR, CALL, T0 + 2));
    expect(deleted.value.deletedAt).toBe(T0 + 2);
    expect(unwrap(deleteCall(deleted.session, FACILITATOR, CALL, T0 + 3)).session).toBe(deleted.session);
    expect(callScript(deleted.session, codebook(), 'nl').find((i) => i.themeId === 'tarieven')?.verification.asked).toBe(0);
    const restored = unwrap(restoreCall(deleted.session, FACILITATOR, CALL, T0 + 4));
    expect(restored.value).toMatchObject({ deletedAt: null, answers: { tarieven: { verdict: 'herkend' } } });
    expect(unwrap(restoreCall(restored.session, FACILITATOR, CALL, T0 + 5)).session).toBe(restored.session);
  });

  it('are the facilitator\'s, for calls that exist', () => {
    const s = withCall();
    expectFail(deleteCall(s, participant(ANN), CALL, T0), 'forbidden');
    expectFail(restoreCall(s, participant(ANN), CALL, T0), 'forbidden');
    expectFail(deleteCall(s, FACILITATOR, 'call-unknown', T0), 'not_found');
    expectFail(restoreCall(s, FACILITATOR, 'toString', T0), 'not_found');
  });
});

describe('addFollowUpCard', () => {
  const card = (s: Session, overrides: Record<string, unknown> = {}) =>
    FollowUpCardSchema.parse({ sessionId: s.id, id: 'card-call-1', callId: CALL, columnId: columnId(s, 1), domain: 'Wmo', text: 'Vervoer naar de dagbesteding is slecht geregeld', ...overrides });

  it('adds a facilitator card that remembers its call, in the closed phase too, once', () => {
    const s = frozen(withCall());
    const change = unwrap(addFollowUpCard(s, FACILITATOR, card(s), T0 + 3));
    expect(change.value).toMatchObject({ author: { kind: 'facilitator' }, anonymous: false, origin: { kind: 'followup', callId: CALL }, domain: 'Wmo', createdAt: T0 + 3 });
    expect(SessionSchema.safeParse(change.session).success).toBe(true);
    expect(JSON.stringify(change.value)).not.toContain('Petra');
    expect(unwrap(addFollowUpCard(change.session, FACILITATOR, card(s), T0 + 4)).session).toBe(change.session);
    expectFail(addFollowUpCard(change.session, FACILITATOR, card(s, { id: 'card-ann-none', callId: CALL, columnId: 'nope-column' }), T0), 'not_found');
    expectFail(addFollowUpCard(change.session, FACILITATOR, card(s, { id: 'card-tarief-1' }), T0), 'conflict');
  });

  it('needs a live call, a column and a domain of the session, and the facilitator', () => {
    const s = withCall();
    expectFail(addFollowUpCard(s, participant(ANN), card(s), T0), 'forbidden');
    expectFail(addFollowUpCard(s, FACILITATOR, card(s, { callId: 'call-unknown' }), T0), 'not_found');
    expectFail(addFollowUpCard(s, FACILITATOR, card(s, { domain: 'Wlz' }), T0), 'not_found');
    const deleted = unwrap(deleteCall(s, FACILITATOR, CALL, T0)).session;
    expectFail(addFollowUpCard(deleted, FACILITATOR, card(s), T0), 'not_found');
  });
});

describe('callScript', () => {
  it('lists the themes with a finding or cards, most votes first, with how the calls received them', () => {
    let s = withCall();
    s = unwrap(answerCall(s, FACILITATOR, codebook(), answer(s, 'tarieven', 'herkend'), T0)).session;
    s = unwrap(saveCall(s, FACILITATOR, save(s, { id: 'call-0000002' }), T0)).session;
    s = unwrap(answerCall(s, FACILITATOR, codebook(), { ...answer(s, 'tarieven', 'deels'), callId: 'call-0000002' }, T0)).session;
    const script = callScript(s, codebook(), 'nl');
    expect(script.map((i) => i.themeId)).toEqual(['tarieven', 'meerzorg', 'dialoog']);
    expect(script[0]).toMatchObject({ label: expect.any(String), finding: 'De tarieven zijn te laag', cards: 2, votes: 5 });
    expect(script[0]!.verification).toMatchObject({ asked: 2, herkend: 1, deels: 1, summary: 'bevestigd door 1 van 2 nagebelde aanbieders, 1 deels' });
    expect(script[1]).toMatchObject({ finding: null, cards: 1, votes: 2, verification: { asked: 0, summary: null } });
    expect(callScript(s, codebook(), 'en')[0]!.verification.summary).toBe('confirmed by 1 of 2 providers called, 1 partly');
  });

  it('puts themes with a finding first among equal votes', () => {
    let s: Session = { ...closedSession(), phase: 'synthesis' };
    for (const id of ['card-meer-1', 'card-tarief-1']) s = unwrap(setHandVotes(s, FACILITATOR, id, 0, T0)).session;
    s = unwrap(setFinding(s, FACILITATOR, codebook(), 'dialoog', 'Geen echte dialoog', T0)).session;
    const ids = callScript(s, codebook(), 'nl').map((i) => i.themeId);
    expect(ids.slice(0, 2).sort()).toEqual(['dialoog', 'tarieven']);
    expect(ids[2]).toBe('meerzorg');
  });

  it('leaves out points raised in calls from the card counts, and shows them in the view', () => {
    let s = withCall();
    s = unwrap(addFollowUpCard(s, FACILITATOR, FollowUpCardSchema.parse({ sessionId: s.id, id: 'card-call-1', callId: CALL, columnId: columnId(s, 1), text: 'Er is geen dialoog met het zorgkantoor' }), T0)).session;
    expect(callScript(s, codebook(), 'nl').find((i) => i.themeId === 'dialoog')?.cards).toBe(1);
    const view = followUpView(s, codebook(), 'nl');
    expect(view.cards).toEqual([expect.objectContaining({ id: 'card-call-1', callId: CALL, origin: 'followup', author: { kind: 'facilitator' } })]);
    expect(view.calls.map((c) => c.id)).toEqual([CALL]);
  });
});

describe('callScript: the cards to read out', () => {
  /** Tarieven cards by Ann (named), Bob (anonymous, most votes) and one deleted; in `phase`, hidden until revealed when `hidden`. */
  function tariffSession(options: { hidden?: boolean; revealed?: boolean } = {}): Session {
    let s = makeSession({ phase: 'collecting', settings: { allowAnonymousCards: true, hideUntilReveal: options.hidden ?? false } });
    s = withParticipant(withParticipant(s, ANN, 'Ann Jansen'), BOB, 'Bob de Vries');
    s = withCard(s, participant(ANN), { id: 'card-named', text: 'De tarieven dekken de kostprijs niet', columnId: columnId(s, 1), domain: 'Wmo' }, T0).session;
    s = withCard(s, participant(BOB), { id: 'card-anon', text: 'Het NZa-tarief is te laag voor zware zorg', columnId: columnId(s, 1), anonymous: true }, T0 + 1).session;
    s = withCard(s, participant(ANN), { id: 'card-gone', text: 'De tarieven zijn een probleem, weg ermee', columnId: columnId(s, 1) }, T0 + 2).session;
    s = unwrap(deleteCard(s, participant(ANN), 'card-gone', T0 + 3)).session;
    s = { ...s, phase: 'synthesis', revealed: options.revealed ?? s.revealed };
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-anon', 4, T0)).session;
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-named', 1, T0)).session;
    s = unwrap(saveCall(s, FACILITATOR, save(s), T0)).session;
    return unwrap(addFollowUpCard(s, FACILITATOR, FollowUpCardSchema.parse({ sessionId: s.id, id: 'card-call-1', callId: CALL, columnId: columnId(s, 1), text: 'Tarieven voor vervoer zijn ook te laag' }), T0)).session;
  }
  const tarieven = (s: Session) => callScript(s, codebook(), 'nl').find((i) => i.themeId === 'tarieven');

  it('lists the texts of the session\'s live cards in the theme, most votes first, with no author at all', () => {
    const s = tariffSession();
    const item = tarieven(s)!;
    expect(item.readOut).toEqual([
      { id: 'card-anon', text: 'Het NZa-tarief is te laag voor zware zorg', votes: 4 },
      { id: 'card-named', text: 'De tarieven dekken de kostprijs niet', votes: 1 },
    ]);
    // Neither the anonymous writer nor anyone else is named anywhere in the script.
    const script = JSON.stringify(callScript(s, codebook(), 'nl'));
    for (const secret of [BOB, 'Bob de Vries', ANN, 'Ann Jansen', 'author', 'participantId']) expect(script).not.toContain(secret);
  });

  it('leaves out what the room never saw: cards still hidden, deleted cards and points from calls', () => {
    const hidden = tarieven(tariffSession({ hidden: true }))!;
    expect(hidden.cards).toBe(2);
    expect(hidden.readOut).toEqual([]);
    const revealed = tarieven(tariffSession({ hidden: true, revealed: true }))!;
    expect(revealed.readOut.map((c) => c.id)).toEqual(['card-anon', 'card-named']);
    const texts = JSON.stringify(tarieven(tariffSession())!.readOut);
    expect(texts).not.toContain('weg ermee');
    expect(texts).not.toContain('vervoer');
  });
});

describe('defaultDomain', () => {
  it('is the only domain of a session, else none', () => {
    expect(defaultDomain(['Wlz'])).toBe('Wlz');
    expect(defaultDomain(['Wmo', 'Jeugdwet'])).toBeNull();
    expect(defaultDomain([])).toBeNull();
  });
});
