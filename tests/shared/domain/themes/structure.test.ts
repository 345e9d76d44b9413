import { describe, expect, it } from 'vitest';
import { activeCodebook } from '../../../../shared/domain/codebook-edits.ts';
import { calibratedConfidence, CONFIDENT } from '../../../../shared/domain/themes/calibration.ts';
import { DEFAULT_CODEBOOK } from '../../../../shared/domain/themes/default-codebook.ts';
import { baseForms, dutchWords } from '../../../../shared/domain/themes/dutch-words.ts';
import { synthesize, type EngineCard } from '../../../../shared/domain/themes/engine.ts';
import { splitCompound } from '../../../../shared/domain/themes/features.ts';
import { reliability } from '../../../../scripts/lib/reliability.ts';

const codebook = activeCodebook(DEFAULT_CODEBOOK);
const suggest = (cards: EngineCard[], secondary?: Record<string, string | null>) =>
  synthesize({ cards, mode: 'codebook', codebook, ...(secondary ? { secondary } : {}) }).assignments;
const themeOf = (text: string) => suggest([{ id: 'c', text }]).c!.themeId;

// Statements written for these tests (not from any labelled set): the theme word of another theme
// sits in a consequence, an aside or a purpose; the topic is elsewhere.
describe('topic before trigger word', () => {
  it.each([
    ['innovatie', 'De aanvraag voor innovatiegeld is zo ingewikkeld, wat leidt tot veel papierwerk en administratie.'],
    ['meerzorg', 'Elke meerzorgaanvraag moet ieder half jaar opnieuw, waardoor we eindeloos formulieren invullen.'],
    ['contractduur', 'Het gaat ons niet zozeer om het tarief, wel om de zekerheid van een meerjarig contract.'],
    ['kwaliteit', 'We willen met de gemeente praten over goede zorg voor de cliënt in plaats van over geld.'],
    ['uniformering', 'Iedere gemeente hanteert eigen productcodes, wat ons veel tijd kost bij het declareren.'],
  ])('%s: %s', (theme, text) => {
    expect(themeOf(text)).toBe(theme);
  });
});

describe('Dutch words from the OpenTaal dictionary', () => {
  it('loads the word list once and knows ordinary and field words', () => {
    const words = dutchWords();
    expect(words.size).toBeGreaterThan(100_000);
    for (const w of ['financiering', 'systeem', 'besluitvorming', 'informatievoorziening', 'kostprijs']) expect(words.has(w)).toBe(true);
    expect(dutchWords()).toBe(words);
  });

  it('base forms undo plural and inflection spellings', () => {
    expect(baseForms('systemen')).toContain('systeem');
    expect(baseForms('budgetten')).toContain('budget');
    expect(baseForms('tarieven')).toContain('tarief');
    expect(baseForms('verschillende')).toContain('verschillend');
  });

  it('splits compounds into real words, also with a linking s and three parts', () => {
    const lexicon = new Set(['meerzorg', 'zorgkantoor']);
    expect(splitCompound('financieringssystemen', lexicon)).toEqual(['financiering', 'systeem']);
    expect(splitCompound('meerzorgaanvragen', lexicon)).toEqual(['meerzorg', 'aanvraag']);
    expect(splitCompound('zorgkantoorregio', lexicon)).toEqual(['zorgkantoor', 'regio']);
    // A derived word is not split into a stem and an ending that happens to be a word.
    expect(splitCompound('verschillende', lexicon)).not.toContain('lende');
  });

  it('a paraphrase compound reaches its theme through its parts', () => {
    expect(themeOf('Het wisselen van financieringssystemen elk jaar breekt ons op.')).toBe('bekostiging');
  });
});

describe('second theme, tentative suggestions and calibrated confidence', () => {
  it('a card that makes two points gets a second theme; a one-point card gets none', () => {
    const a = suggest([
      { id: 'two', text: 'Het tarief dekt de kostprijs niet, en de inschrijving vraagt bergen papierwerk.' },
      { id: 'one', text: 'Het tarief is niet kostendekkend.' },
    ]);
    expect([a.two!.themeId, a.two!.secondary?.themeId].sort()).toEqual(['administratieve_lasten', 'tarieven']);
    expect(a.one!.secondary).toBeUndefined();
  });

  it('the facilitator confirms or removes a second theme; it is never the primary one', () => {
    const cards = [{ id: 'c', text: 'Het tarief is niet kostendekkend.' }];
    expect(suggest(cards, { c: 'kwaliteit' }).c!.secondary).toEqual({ themeId: 'kwaliteit', confidence: 1, decided: true });
    expect(suggest(cards, { c: null }).c!.secondary).toBeUndefined();
    expect(suggest(cards, { c: 'tarieven' }).c!.secondary).toBeUndefined();
  });

  it('weak evidence is a suggestion to check; clear evidence is not', () => {
    const a = suggest([
      { id: 'clear', text: 'Het tarief is niet kostendekkend, de indexering blijft achter bij de loonkosten.' },
      { id: 'weak', text: 'Dat ging wel goed, vonden we.' },
    ]);
    expect(a.clear!.tentative).toBe(false);
    expect(a.clear!.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(a.weak!.tentative).toBe(true);
  });

  it('confidence rises with the best score and with its lead over the runner-up', () => {
    expect(calibratedConfidence([{ score: 4 }, { score: 0.5 }])).toBeGreaterThan(calibratedConfidence([{ score: 1 }, { score: 0.5 }]));
    expect(calibratedConfidence([{ score: 2 }, { score: 0.2 }])).toBeGreaterThan(calibratedConfidence([{ score: 2 }, { score: 1.8 }]));
    for (const c of [calibratedConfidence([]), calibratedConfidence([{ score: 100 }])]) expect(c).toBeGreaterThanOrEqual(0), expect(c).toBeLessThanOrEqual(1);
  });

  it('the reliability curve bins confidences and weighs their gaps (ECE)', () => {
    const r = reliability([
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: true },
      { confidence: 0.55, correct: false },
      { confidence: 0.55, correct: true },
      { confidence: 1, correct: true },
    ]);
    expect(r.bins.map((b) => [b.from, b.count])).toEqual([[0.5, 2], [0.9, 3]]);
    expect(r.bins[0]!.accuracy).toBe(0.5);
    expect(r.ece).toBeCloseTo((2 / 5) * 0.05 + (3 / 5) * Math.abs(1 - (0.95 + 0.95 + 1) / 3), 10);
    expect(() => reliability([{ confidence: 1.5, correct: true }])).toThrow(/out of range/);
  });
});

describe('context of a session: a card that refers back', () => {
  const earlier: EngineCard = { id: 'a', text: 'De meerzorgaanvraag voor onze cliënten met ernstig probleemgedrag werd afgewezen.', context: { column: 'beter', at: 1_000, author: 'p:1' } };
  const back = (context: EngineCard['context']): EngineCard => ({ id: 'b', text: 'Dit duurde ook weer maanden.', ...(context ? { context } : {}) });

  it('reads the card before it in the same column', () => {
    expect(suggest([earlier, back({ column: 'beter', at: 60_000, author: 'p:1' })]).b!.themeId).toBe('meerzorg');
    // Anonymous: no author, found by column and time alone.
    expect(suggest([earlier, back({ column: 'beter', at: 60_000 })]).b!.themeId).toBe('meerzorg');
  });

  it('not across columns, authors, or after the time window; not without context', () => {
    for (const context of [
      { column: 'goed', at: 60_000, author: 'p:1' },
      { column: 'beter', at: 60_000, author: 'p:2' },
      { column: 'beter', at: 60 * 60_000, author: 'p:1' },
      undefined,
    ]) {
      expect(suggest([earlier, back(context)]).b!.themeId).not.toBe('meerzorg');
    }
  });
});
