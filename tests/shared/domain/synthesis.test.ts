import { describe, expect, it } from 'vitest';
import { addTheme, mergeThemes, renameTheme, resolveTheme } from '../../../shared/domain/codebook-edits.ts';
import { deleteCard, mergeCards, setHandVotes } from '../../../shared/domain/cards.ts';
import { clearDecision, decideTheme, rejectSuggestion, setFinding, setQuote, setSecondary } from '../../../shared/domain/synthesis.ts';
import { secondaryChoices, synthesisView } from '../../../shared/domain/synthesis-view.ts';
import { DEFAULT_CODEBOOK } from '../../../shared/domain/themes/default-codebook.ts';
import { CodebookSchema, type Codebook } from '../../../shared/schemas/codebook.ts';
import type { Session } from '../../../shared/schemas/session.ts';
import { ANN, FACILITATOR, T0, columnId, expectFail, frozen, makeSession, participant, unwrap, withCard, withParticipant } from '../fixtures.ts';

const codebook = (): Codebook => CodebookSchema.parse(structuredClone(DEFAULT_CODEBOOK));

/** A session in synthesis with cards whose themes are obvious to the engine. */
function board(): Session {
  let s = withParticipant(makeSession({ phase: 'collecting' }), ANN, 'Ann');
  const cards: [string, string, number][] = [
    ['card-tarief-1', 'De tarieven dekken de kostprijs niet, de indexering is veel te laag', 1],
    ['card-tarief-2', 'Het zorgkantoor geeft een korting op het NZa-tarief', 1],
    ['card-meer-1', 'Meerzorgaanvragen voor VG7 clienten worden traag afgehandeld', 1],
    ['card-dialoog-1', 'Er is geen echte dialoog, de gesprekstafels zijn vooral zenden', 0],
    ['card-vaag-1', 'Koffie en koekjes bij de bijeenkomst', 0],
  ];
  for (const [id, text, column] of cards) s = withCard(s, participant(ANN), { id, text, columnId: columnId(s, column) }).session;
  return { ...s, phase: 'synthesis' };
}

const themeOf = (s: Session, book: Codebook, cardId: string) => synthesisView(s, book).assignments[cardId]?.themeId;

describe('decisions', () => {
  it('keep a card where the facilitator put it, even where its words point elsewhere, and never let suggestions move it', () => {
    const s = frozen(board());
    const book = codebook();
    expect(themeOf(s, book, 'card-tarief-1')).toBe('tarieven');
    const moved = unwrap(decideTheme(s, FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'kwaliteit', pinned: true }, T0)).session;
    const view = synthesisView(moved, book);
    expect(view.assignments['card-tarief-1']).toMatchObject({ themeId: 'kwaliteit', decided: true, confidence: 1 });
    expect(view.themes.find((t) => t.id === 'kwaliteit')?.cardIds).toContain('card-tarief-1');
    expect(view.themes.find((t) => t.id === 'tarieven')?.cardIds).not.toContain('card-tarief-1');
  });

  it('are the facilitator\'s alone, for live cards and existing themes', () => {
    const s = board();
    expectFail(decideTheme(s, participant(ANN), codebook(), { cardId: 'card-tarief-1', themeId: 'kwaliteit', pinned: false }, T0), 'forbidden');
    expectFail(decideTheme(s, FACILITATOR, codebook(), { cardId: 'card-nope-1', themeId: 'kwaliteit', pinned: false }, T0), 'not_found');
    expectFail(decideTheme(s, FACILITATOR, codebook(), { cardId: 'card-tarief-1', themeId: 'bestaat-niet', pinned: false }, T0), 'not_found');
    expectFail(decideTheme({ ...s, phase: 'closed' }, FACILITATOR, codebook(), { cardId: 'card-tarief-1', themeId: 'kwaliteit', pinned: false }, T0), 'wrong_phase');
  });

  it('teach the engine: a new card like a moved one follows it', () => {
    const book = codebook();
    let s = board();
    const odd = 'Parkeren bij de locatie van de gemeente is een drama';
    s = withCard({ ...s, phase: 'collecting' }, participant(ANN), { id: 'card-park-1', text: odd }).session;
    s = withCard(s, participant(ANN), { id: 'card-park-2', text: 'Parkeren bij het gemeentehuis blijft een drama' }).session;
    s = { ...s, phase: 'synthesis' };
    expect(themeOf(s, book, 'card-park-2')).not.toBe('dialoog');
    s = unwrap(decideTheme(s, FACILITATOR, book, { cardId: 'card-park-1', themeId: 'dialoog', pinned: false }, T0)).session;
    expect(themeOf(s, book, 'card-park-2')).toBe('dialoog');
  });

  it('can be undone: the card follows the suggestion again', () => {
    const book = codebook();
    const s = unwrap(decideTheme(board(), FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'kwaliteit', pinned: true }, T0)).session;
    const undone = unwrap(clearDecision(s, FACILITATOR, 'card-tarief-1', T0)).session;
    expect(themeOf(undone, book, 'card-tarief-1')).toBe('tarieven');
  });
});

describe('turning down a suggestion', () => {
  it('gives the next best theme or overig, and is forgotten when the facilitator picks that theme after all', () => {
    const book = codebook();
    const s = unwrap(rejectSuggestion(board(), FACILITATOR, 'card-tarief-2', 'tarieven', T0)).session;
    expect(themeOf(s, book, 'card-tarief-2')).not.toBe('tarieven');
    const back = unwrap(decideTheme(s, FACILITATOR, book, { cardId: 'card-tarief-2', themeId: 'tarieven', pinned: false }, T0)).session;
    expect(back.synthesis.rejected['card-tarief-2']).toBeUndefined();
    expect(themeOf(back, book, 'card-tarief-2')).toBe('tarieven');
  });
});

describe('a second theme', () => {
  // The facilitator's word, not the engine's suggestion: these tests never depend on which second theme the engine would offer.
  const secondOf = (s: Session, book: Codebook, cardId: string) => synthesisView(s, book).assignments[cardId]?.secondary;

  it('is confirmed, removed or handed back to the engine by the facilitator, idempotently', () => {
    const book = codebook();
    const s = frozen(unwrap(decideTheme(board(), FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'tarieven', pinned: false }, T0)).session);
    const confirmed = unwrap(setSecondary(s, FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'kwaliteit' }, T0 + 1));
    expect(confirmed.value).toBe('kwaliteit');
    expect(confirmed.session.synthesis.secondary).toEqual({ 'card-tarief-1': 'kwaliteit' });
    expect(confirmed.session.updatedAt).toBe(T0 + 1);
    expect(secondOf(confirmed.session, book, 'card-tarief-1')).toEqual({ themeId: 'kwaliteit', confidence: 1, decided: true });
    // The first theme and its counts are as they were.
    expect(synthesisView(confirmed.session, book).themes.find((t) => t.id === 'kwaliteit')?.cardIds).not.toContain('card-tarief-1');
    expect(unwrap(setSecondary(confirmed.session, FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'kwaliteit' }, T0 + 2)).session).toBe(confirmed.session);

    const none = unwrap(setSecondary(confirmed.session, FACILITATOR, book, { cardId: 'card-tarief-1', themeId: null }, T0 + 2)).session;
    expect(none.synthesis.secondary).toEqual({ 'card-tarief-1': null });
    expect(secondOf(none, book, 'card-tarief-1')).toBeUndefined();
    expect(synthesisView(none, book).noSecondary).toEqual(['card-tarief-1']);
    expect(unwrap(setSecondary(none, FACILITATOR, book, { cardId: 'card-tarief-1', themeId: null }, T0 + 3)).session).toBe(none);

    const back = unwrap(setSecondary(none, FACILITATOR, book, { cardId: 'card-tarief-1' }, T0 + 3)).session;
    expect(back.synthesis.secondary).toEqual({});
    expect(synthesisView(back, book).noSecondary).toEqual([]);
    expect(secondOf(back, book, 'card-tarief-1')?.decided).toBeFalsy();
    expect(unwrap(setSecondary(back, FACILITATOR, book, { cardId: 'card-tarief-1', themeId: undefined }, T0 + 4)).session).toBe(back);
  });

  it('is refused for others than the facilitator, dead cards, unknown, merged or the card\'s own theme, and overig', () => {
    const book = unwrap(mergeThemes(unwrap(addTheme(codebook(), { id: 'vervoer', name: 'Vervoer' })), 'vervoer', 'dialoog'));
    let s = unwrap(decideTheme(board(), FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'tarieven', pinned: false }, T0)).session;
    s = frozen(unwrap(deleteCard(s, FACILITATOR, 'card-vaag-1', T0)).session);
    const suggested = themeOf(s, book, 'card-meer-1')!;
    const set = (cardId: string, themeId: string | null, actor = FACILITATOR, session = s) => setSecondary(session, actor, book, { cardId, themeId }, T0);
    expectFail(set('card-tarief-1', 'kwaliteit', participant(ANN)), 'forbidden');
    expectFail(set('card-tarief-1', null, participant(ANN)), 'forbidden');
    expectFail(set('card-nope-1', 'kwaliteit'), 'not_found');
    expectFail(set('card-vaag-1', 'kwaliteit'), 'not_found');
    expectFail(set('card-tarief-1', 'bestaat-niet'), 'not_found');
    expectFail(set('card-tarief-1', 'vervoer'), 'not_found');
    expectFail(set('card-tarief-1', 'overig'), 'conflict');
    // The first theme: decided, or the engine's suggestion when there is no decision.
    expectFail(set('card-tarief-1', 'tarieven'), 'conflict');
    expectFail(set('card-meer-1', suggested), 'conflict');
    expectFail(set('card-tarief-1', 'kwaliteit', FACILITATOR, { ...s, phase: 'closed' }), 'wrong_phase');
    expect(s.synthesis.secondary).toEqual({});
  });

  it("may be any theme the console's picker offers (secondaryChoices), and no other", () => {
    const book = unwrap(mergeThemes(unwrap(addTheme(unwrap(addTheme(codebook(), { id: 'vervoer', name: 'Vervoer' })), { id: 'wonen', name: 'Wonen' })), 'vervoer', 'dialoog'));
    let s = unwrap(decideTheme(board(), FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'tarieven', pinned: false }, T0)).session;
    s = frozen(unwrap(decideTheme(s, FACILITATOR, book, { cardId: 'card-vaag-1', themeId: 'overig', pinned: false }, T0)).session);
    const view = synthesisView(s, book);
    const ids = [...view.themes.map((t) => t.id), 'vervoer'];
    for (const [cardId, assignment] of Object.entries(view.assignments)) {
      const offered = secondaryChoices(view.themes, assignment.themeId).map((t) => t.id);
      expect(offered, cardId).not.toContain(assignment.themeId);
      expect(offered, cardId).not.toContain('overig');
      for (const id of ids) expect(setSecondary(s, FACILITATOR, book, { cardId, themeId: id }, T0).ok, `${cardId} -> ${id}`).toBe(offered.includes(id));
    }
    // Also a theme with no card in it, and one the engine would never suggest for this card.
    expect(secondaryChoices(view.themes, 'tarieven').map((t) => t.id)).toContain('wonen');
    // A candidate the engine found is not the study's theme (yet): never offered.
    const candidate = { id: 'kandidaat-1', label: 'Parkeren', terms: [], discovered: true, cardIds: [], votes: 0, byColumn: {}, finding: null };
    expect(secondaryChoices([...view.themes, candidate], 'tarieven').map((t) => t.id)).not.toContain('kandidaat-1');
  });

  it('outlives its card and theme harmlessly: deleted or merged cards drop out, a merged theme resolves', () => {
    let book = unwrap(addTheme(codebook(), { id: 'vervoer', name: 'Vervoer' }));
    let s = unwrap(decideTheme(board(), FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'tarieven', pinned: false }, T0)).session;
    s = unwrap(decideTheme(s, FACILITATOR, book, { cardId: 'card-dialoog-1', themeId: 'dialoog', pinned: false }, T0)).session;
    s = unwrap(setSecondary(s, FACILITATOR, book, { cardId: 'card-tarief-1', themeId: 'vervoer' }, T0)).session;
    s = unwrap(setSecondary(s, FACILITATOR, book, { cardId: 'card-dialoog-1', themeId: 'vervoer' }, T0)).session;
    s = unwrap(setSecondary(s, FACILITATOR, book, { cardId: 'card-meer-1', themeId: null }, T0)).session;
    s = unwrap(setSecondary(s, FACILITATOR, book, { cardId: 'card-tarief-2', themeId: 'kwaliteit' }, T0)).session;
    s = unwrap(deleteCard(s, FACILITATOR, 'card-meer-1', T0)).session;
    s = unwrap(mergeCards(s, FACILITATOR, { sessionId: s.id, targetId: 'card-tarief-1', sourceIds: ['card-tarief-2'] }, T0)).session;

    book = unwrap(mergeThemes(book, 'vervoer', 'dialoog'));
    const view = synthesisView(s, book);
    expect(view.assignments['card-tarief-1']?.secondary).toEqual({ themeId: 'dialoog', confidence: 1, decided: true });
    // Merged into the card's own theme: no second theme to show.
    expect(view.assignments['card-dialoog-1']?.secondary).toBeUndefined();
    expect(view.assignments['card-meer-1']).toBeUndefined();
    expect(view.assignments['card-tarief-2']).toBeUndefined();
    expect(view.noSecondary).toEqual([]);
    expect(synthesisView(s, book, 'codebook').assignments['card-tarief-1']?.secondary?.themeId).toBe('dialoog');
  });
});

describe('quotes and findings', () => {
  it('mark quotes and write findings per theme, idempotently', () => {
    const book = codebook();
    let s = unwrap(setQuote(board(), FACILITATOR, 'card-meer-1', true, T0)).session;
    expect(unwrap(setQuote(s, FACILITATOR, 'card-meer-1', true, T0)).session).toBe(s);
    s = unwrap(setFinding(s, FACILITATOR, book, 'tarieven', 'Tarieven blijven achter bij de kosten', T0)).session;
    const view = synthesisView(s, book);
    expect(view.quotes).toEqual(['card-meer-1']);
    expect(view.themes.find((t) => t.id === 'tarieven')?.finding).toBe('Tarieven blijven achter bij de kosten');
    s = unwrap(setQuote(s, FACILITATOR, 'card-meer-1', false, T0)).session;
    s = unwrap(setFinding(s, FACILITATOR, book, 'tarieven', null, T0)).session;
    expect(synthesisView(s, book).quotes).toEqual([]);
    expect(synthesisView(s, book).themes.find((t) => t.id === 'tarieven')?.finding).toBeNull();
    expectFail(setFinding(s, participant(ANN), book, 'tarieven', 'x', T0), 'forbidden');
  });

  it('can still be written once the session is closed (the report comes after), by the facilitator only', () => {
    const book = codebook();
    const closed = { ...board(), phase: 'closed' as const };
    const s = unwrap(setFinding(closed, FACILITATOR, book, 'tarieven', 'Na afloop geschreven', T0)).session;
    expect(synthesisView(s, book).themes.find((t) => t.id === 'tarieven')?.finding).toBe('Na afloop geschreven');
    expect(synthesisView(unwrap(setQuote(s, FACILITATOR, 'card-meer-1', true, T0)).session, book).quotes).toEqual(['card-meer-1']);
    expectFail(setQuote(closed, participant(ANN), 'card-meer-1', true, T0), 'forbidden');
    expectFail(setQuote(closed, FACILITATOR, 'card-nope-1', true, T0), 'not_found');
  });
});

describe('theme edits on the codebook', () => {
  it('add, rename and merge; decisions for a merged theme count for its target', () => {
    let book = unwrap(addTheme(codebook(), { id: 'vervoer', name: 'Vervoer' }));
    expectFail(addTheme(book, { id: 'vervoer', name: 'Nog eens' }), 'conflict');
    expectFail(addTheme(book, { id: 'overig', name: 'Overig' }), 'conflict');
    book = unwrap(renameTheme(book, 'vervoer', 'Vervoer en taxi'));
    expect(book.themes.find((t) => t.id === 'vervoer')?.name).toBe('Vervoer en taxi');

    const s = unwrap(decideTheme(board(), FACILITATOR, book, { cardId: 'card-vaag-1', themeId: 'vervoer', pinned: false }, T0)).session;
    const merged = unwrap(mergeThemes(book, 'vervoer', 'dialoog'));
    expect(resolveTheme(merged, 'vervoer')).toBe('dialoog');
    expect(merged.themes.find((t) => t.id === 'dialoog')?.seeds).toContain('Vervoer en taxi');
    const view = synthesisView(s, merged);
    expect(view.assignments['card-vaag-1']).toMatchObject({ themeId: 'dialoog', decided: true });
    expect(view.themes.some((t) => t.id === 'vervoer')).toBe(false);
    expectFail(mergeThemes(merged, 'vervoer', 'dialoog'), 'not_found');
    expectFail(mergeThemes(merged, 'dialoog', 'dialoog'), 'conflict');
    expectFail(renameTheme(merged, 'vervoer', 'x'), 'not_found');
  });
});

describe('synthesisView', () => {
  it('counts cards, votes (hand-counted too) and columns per theme, and is deterministic', () => {
    const book = codebook();
    let s = board();
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-tarief-1', 4, T0)).session;
    const view = synthesisView(s, book);
    const tarieven = view.themes.find((t) => t.id === 'tarieven')!;
    expect(tarieven.cardIds.sort()).toEqual(['card-tarief-1', 'card-tarief-2']);
    expect(tarieven.votes).toBe(4);
    expect(tarieven.byColumn).toEqual({ [columnId(s, 1)]: 2 });
    const all = view.themes.flatMap((t) => t.cardIds).sort();
    expect(all).toEqual(Object.keys(s.cards).sort());
    expect(synthesisView(s, book)).toEqual(view);
  });
});
