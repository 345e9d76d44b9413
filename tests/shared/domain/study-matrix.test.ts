import { describe, expect, it } from 'vitest';
import { setHandVotes } from '../../../shared/domain/cards.ts';
import { studyMatrix } from '../../../shared/domain/study-matrix.ts';
import { DEFAULT_CODEBOOK } from '../../../shared/domain/themes/default-codebook.ts';
import { CodebookSchema } from '../../../shared/schemas/codebook.ts';
import type { Session } from '../../../shared/schemas/session.ts';
import { ANN, FACILITATOR, T0, makeSession, participant, unwrap, withCard, withParticipant } from '../fixtures.ts';

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
    expect(matrix.cells.tarieven).toEqual({
      Wlz: { cards: 1, votes: 3, cardRefs: ['session-wlz-1:card-w-tarief'] },
      Wmo: { cards: 1, votes: 0, cardRefs: ['session-soc-1:card-s-tarief-1'] },
      Jeugdwet: { cards: 1, votes: 0, cardRefs: ['session-soc-1:card-s-tarief-2'] },
    });
    expect(matrix.cells.meerzorg).toEqual({ Wlz: { cards: 1, votes: 0, cardRefs: ['session-wlz-1:card-w-meer'] } });
    expect(matrix.recurring).toEqual(['tarieven']);
    expect(matrix.texts['session-wlz-1:card-w-meer']).toBe('Meerzorgaanvragen worden traag afgehandeld');
    expect(Object.keys(matrix.texts)).toHaveLength(4);
    expect(matrix.themes.map((t) => t.id).sort()).toEqual(['meerzorg', 'tarieven']);
    expect(studyMatrix([wlz, sociaal], codebook)).toEqual(matrix);
  });
});
