import { describe, expect, it } from 'vitest';
import { setHandVotes } from '../../../shared/domain/cards.ts';
import { matrixChanged, studyMatrix } from '../../../shared/domain/study-matrix.ts';
import { decideTheme, setSecondary } from '../../../shared/domain/synthesis.ts';
import { DEFAULT_CODEBOOK } from '../../../shared/domain/themes/default-codebook.ts';
import { CodebookSchema, type Codebook } from '../../../shared/schemas/codebook.ts';
import type { Session } from '../../../shared/schemas/session.ts';
import { ANN, BOB, FACILITATOR, T0, makeSession, participant, unwrap, withCard, withParticipant } from '../fixtures.ts';

function session(id: string, domains: string[], cards: [string, string, string | null][]): Session {
  let s = withParticipant({ ...makeSession({ phase: 'collecting', domains }), id }, ANN, 'Ann');
  for (const [cardId, text, domain] of cards) s = withCard(s, participant(ANN), { id: cardId, text, domain }).session;
  return { ...s, phase: 'synthesis' };
}

describe('studyMatrix', () => {
  it('counts cards and votes per theme and domain across sessions, and names the themes found in every domain', () => {
    const codebook = CodebookSchema.parse(DEFAULT_CODEBOOK);
    let wlz = session('session-wlz-1', ['Wlz'], [
      ['card-w-tarief', 'De tarieven dekken de kostprijs niet', null],
      ['card-w-meer', 'Meerzorgaanvragen worden traag afgehandeld', null],
    ]);
    wlz = unwrap(setHandVotes(wlz, FACILITATOR, 'card-w-tarief', 3, T0)).session;
    const sociaal = session('session-soc-1', ['Wmo', 'Jeugdwet'], [
      ['card-s-tarief-1', 'De tarieven voor begeleiding zijn te laag voor de cao', 'Wmo'],
      ['card-s-tarief-2', 'Het tarief jeugdhulp is niet kostendekkend', 'Jeugdwet'],
    ]);
    const matrix = studyMatrix([sociaal, wlz], codebook);
    expect(matrix.domains).toEqual(['Jeugdwet', 'Wlz', 'Wmo']);
    // First themes only here: which second themes the engine suggests is no matter of this test.
    expect(matrix.cells.tarieven).toMatchObject({
      Wlz: { cards: 1, votes: 3, cardRefs: ['session-wlz-1:card-w-tarief'] },
      Wmo: { cards: 1, votes: 0, cardRefs: ['session-soc-1:card-s-tarief-1'] },
      Jeugdwet: { cards: 1, votes: 0, cardRefs: ['session-soc-1:card-s-tarief-2'] },
    });
    expect(Object.keys(matrix.cells.tarieven!).sort()).toEqual(['Jeugdwet', 'Wlz', 'Wmo']);
    expect(matrix.cells.meerzorg?.Wlz).toMatchObject({ cards: 1, votes: 0, cardRefs: ['session-wlz-1:card-w-meer'] });
    expect(matrix.recurring).toEqual(['tarieven']);
    expect(matrix.texts['session-wlz-1:card-w-meer']).toBe('Meerzorgaanvragen worden traag afgehandeld');
    expect(Object.keys(matrix.texts)).toHaveLength(4);
    expect(matrix.themes.filter((t) => Object.values(matrix.cells[t.id]!).some((c) => c.cards > 0)).map((t) => t.id).sort()).toEqual(['meerzorg', 'tarieven']);
    expect(studyMatrix([wlz, sociaal], codebook)).toEqual(matrix);
  });

  it("counts a card's second theme apart, leaving first-theme counts, votes and the recurring themes as they are", () => {
    const codebook = CodebookSchema.parse(DEFAULT_CODEBOOK);
    // Every card's first and second theme is the facilitator's word, so nothing here depends on the engine's suggestions.
    const sorted = (s: Session, book: Codebook, themes: Record<string, [string, string | null]>): Session => {
      for (const [cardId, [first, second]] of Object.entries(themes)) {
        s = unwrap(decideTheme(s, FACILITATOR, book, { cardId, themeId: first, pinned: false }, T0)).session;
        s = unwrap(setSecondary(s, FACILITATOR, book, { cardId, themeId: second }, T0)).session;
      }
      return s;
    };
    let wlz = session('session-wlz-1', ['Wlz'], [
      ['card-w-tarief', 'De tarieven dekken de kostprijs niet', null],
      ['card-w-meer', 'Meerzorgaanvragen worden traag afgehandeld', null],
      ['card-w-dialoog', 'Geen echte dialoog met het zorgkantoor', null],
    ]);
    wlz = unwrap(setHandVotes(wlz, FACILITATOR, 'card-w-tarief', 2, T0)).session;
    wlz = unwrap(setHandVotes(wlz, FACILITATOR, 'card-w-meer', 3, T0)).session;
    wlz = sorted(wlz, codebook, {
      'card-w-tarief': ['tarieven', 'administratieve_lasten'],
      'card-w-meer': ['meerzorg', 'tarieven'],
      'card-w-dialoog': ['dialoog', null],
    });
    const sociaal = sorted(
      session('session-soc-1', ['Wmo', 'Jeugdwet'], [
        ['card-s-1', 'De gesprekstafels gingen ook over het tarief', 'Wmo'],
        ['card-s-2', 'Kwaliteit telt minder dan de prijs', 'Jeugdwet'],
        ['card-s-3', 'Het zorgkantoor luisterde echt', 'Jeugdwet'],
      ]),
      codebook,
      { 'card-s-1': ['dialoog', 'tarieven'], 'card-s-2': ['kwaliteit', 'tarieven'], 'card-s-3': ['dialoog', null] },
    );

    const matrix = studyMatrix([wlz, sociaal], codebook);
    const cell = (cards: string[], votes: number, secondary: string[]) => ({ cards: cards.length, votes, cardRefs: cards, secondary: secondary.length, secondaryRefs: secondary });
    expect(matrix.cells).toEqual({
      tarieven: {
        Wlz: cell(['session-wlz-1:card-w-tarief'], 2, ['session-wlz-1:card-w-meer']),
        Wmo: cell([], 0, ['session-soc-1:card-s-1']),
        Jeugdwet: cell([], 0, ['session-soc-1:card-s-2']),
      },
      administratieve_lasten: { Wlz: cell([], 0, ['session-wlz-1:card-w-tarief']) },
      meerzorg: { Wlz: cell(['session-wlz-1:card-w-meer'], 3, []) },
      dialoog: {
        Wlz: cell(['session-wlz-1:card-w-dialoog'], 0, []),
        Wmo: cell(['session-soc-1:card-s-1'], 0, []),
        Jeugdwet: cell(['session-soc-1:card-s-3'], 0, []),
      },
      kwaliteit: { Jeugdwet: cell(['session-soc-1:card-s-2'], 0, []) },
    });
    // Tarieven reaches every domain only as a second theme: not an overarching lesson.
    expect(matrix.recurring).toEqual(['dialoog']);
    // A theme met only as a second theme still has its row, so its "(+n)" can be shown.
    expect(matrix.themes.map((t) => t.id).sort()).toEqual(['administratieve_lasten', 'dialoog', 'kwaliteit', 'meerzorg', 'tarieven']);
    expect(Object.keys(matrix.texts)).toHaveLength(6);
    expect(studyMatrix([sociaal, wlz], codebook)).toEqual(matrix);
  });
});

describe('matrixChanged', () => {
  const codebook = CodebookSchema.parse(DEFAULT_CODEBOOK);
  const before = session('session-live', ['Wlz'], [['card-live-1', 'De tarieven dekken de kostprijs niet', null]]);

  it('is true for what the matrix counts: a card, a hand count, a theme decision', () => {
    expect(matrixChanged(before, withCard(before, FACILITATOR, { id: 'card-live-2', text: 'Meerzorg duurt lang' }).session)).toBe(true);
    expect(matrixChanged(before, unwrap(setHandVotes(before, FACILITATOR, 'card-live-1', 3, T0)).session)).toBe(true);
    expect(matrixChanged(before, unwrap(decideTheme(before, FACILITATOR, codebook, { cardId: 'card-live-1', themeId: 'meerzorg', pinned: false }, T0)).session)).toBe(true);
  });

  it('is false for what it does not: a participant joining, a phase, the same session', () => {
    expect(matrixChanged(before, withParticipant(before, BOB, 'Bob'))).toBe(false);
    expect(matrixChanged(before, { ...before, phase: 'closed' })).toBe(false);
    expect(matrixChanged(before, before)).toBe(false);
  });
});
