import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../shared/domain/survey-build.ts';
import { guessColumn, previewColumns, type SurveyTable } from '../../../shared/domain/survey-preview.ts';
import { SurveySchema } from '../../../shared/schemas/survey.ts';

describe('guessColumn', () => {
  it.each<[string, string[], object]>([
    ['Domein', ['Wlz', 'Wmo'], { use: 'attribute', label: 'Domein' }],
    ['Omzetklasse', ['0-1 mln'], { use: 'attribute' }],
    ['zorgkantoor', ['CZ'], { use: 'attribute' }],
    ['Regio', ['Noord'], { use: 'attribute' }],
    ['Tevredenheid over het zorgkantoor (1-5)', ['4', '5', '3', 'Weet niet'], { use: 'question', kind: 'scale', missing: ['Weet niet'] }],
    ['Respondent', ['R001', 'R002'], { use: 'ignore' }],
    ['Is de procedure duidelijk?', ['Ja', 'nee', 'ja', 'n.v.t.', 'Deels'], { use: 'question', kind: 'single', missing: ['n.v.t.'], themeId: null }],
    ['Aantal cliënten', ['12', '3,5', '1.234', 'weet niet', '4'], { use: 'question', kind: 'number', missing: ['weet niet'] }],
    ['Aantal locaties', ['1', '2', '3', '2'], { use: 'question', kind: 'number' }],
    ['Omvang', ['12', '8', '3,5', '40', 'ca. 20'], { use: 'question', kind: 'number' }],
    ['Knelpunten', ['Tarieven; Lasten', 'Tarieven|Duur', 'Lasten'], { use: 'question', kind: 'multiple' }],
    ['Knelpunten', ['Tarieven, Lasten', 'Tarieven, Duur', 'Lasten'], { use: 'question', kind: 'multiple' }],
    ['Bedrag', ['12,5', '3,5', '7,25'], { use: 'question', kind: 'number' }],
    // Free text: long, mostly distinct sentences are open answers (quotes for the report), never percentages.
    ['Toelichting', ['De procedure is onduidelijk', 'Tarieven; te laag', 'Graag eerder bericht, zie bijlage'], { use: 'question', kind: 'open' }],
    ['Opmerking', ['Prima overleg', 'Eén aanspreekpunt, dat werkt', 'Tarief € 1.250 te laag', 'Cliënten wachten te lang', 'Geen idee; nieuw'], { use: 'question', kind: 'open' }],
    ['Wat kan beter?', ['Eerder duidelijkheid over de tarieven', 'weet niet', 'Minder formulieren bij meerzorg', 'Eén contactpersoon per regio'], { use: 'question', kind: 'open', missing: ['weet niet'] }],
    ['Toelichting', ['Ja', 'Nee', 'Deels'], { use: 'question', kind: 'single' }],
    ['Zijn de afspraken duidelijk?', ['Ja, volledig', 'Nee, helemaal niet', 'Deels'], { use: 'question', kind: 'single' }],
    // Who answered is no open answer to quote.
    ['Naam', ['Jan de Vries van Zorggroep Noord', 'Petra Jansen, Stichting Het Baken', 'Ali Yilmaz (De Zorgboog)'], { use: 'ignore' }],
    ['Organisatie', ['Zorggroep Noord en Omstreken', 'Stichting Het Baken voor Jeugd', 'De Zorgboog in Helmond'], { use: 'ignore' }],
    ['E-mail', ['jan@zorggroep.nl', 'petra@baken.nl'], { use: 'ignore' }],
    ['Ingevuld op', ['2025-11-20 10:15', '2025-11-21 09:02', '2025-11-21 16:40'], { use: 'ignore' }],
    // Longer than an open answer may be: not guessed as one (the import would refuse it).
    ['Toelichting', ['Een toelichting over de tarieven', 'heel lang '.repeat(201)], { use: 'ignore' }],
    ['Leeg', [], { use: 'ignore' }],
    ['Alleen nvt', ['nvt', 'weet niet'], { use: 'ignore' }],
    // A comma inside an answer is punctuation, not a list.
    ['Zijn de afspraken nagekomen?', ['Ja, volledig', 'Ja, gedeeltelijk', 'Nee', 'Ja, volledig', 'Ja, gedeeltelijk'], { use: 'question', kind: 'single' }],
    ['Knelpunten', ['tarieven, lasten', 'tarieven', 'lasten, duur', 'duur'], { use: 'question', kind: 'multiple' }],
    // Combined non-answers are non-answers.
    [
      'Is het inkoopproces duidelijk?',
      ['Ja', 'Nee', 'Onbekend / niet van toepassing', 'Weet niet, geen mening', 'Ja', 'nvt of onbekend'],
      { use: 'question', kind: 'single', missing: ['Onbekend / niet van toepassing', 'Weet niet, geen mening', 'nvt of onbekend'] },
    ],
  ])('%s %j -> %j', (name, cells, expected) => {
    expect(guessColumn(name, cells)).toMatchObject({ column: name, ...expected });
  });
});

const table: SurveyTable = {
  columns: ['Respondent', 'Domein', 'Is de procedure duidelijk?', 'Aantal'],
  rows: [
    ['R1', 'Wlz', 'Ja', '3'],
    ['R2', 'Wmo', 'ja', ''],
    ['R3', 'Wlz', 'Nee', '4,5'],
  ],
  lines: [2, 3, 5],
};

describe('previewColumns', () => {
  it('gives samples, distinct answers (case ignored, most frequent first) and empty cells', () => {
    const [, , question, number] = previewColumns(table);
    expect(question).toMatchObject({ index: 2, sample: ['Ja', 'ja', 'Nee'], distinct: [{ value: 'Ja', count: 2 }, { value: 'Nee', count: 1 }], distinctCount: 2, empty: 0 });
    expect(number).toMatchObject({ empty: 1, guess: { use: 'question', kind: 'number' } });
  });
});

describe('buildSurvey', () => {
  const ctx = { surveyId: 'survey-0001', now: 1_700_000_000_000, themeIds: new Set(['tarieven']) };
  const mapping = [
    { column: 'Respondent', use: 'ignore' as const },
    { column: 'Is de procedure duidelijk?', use: 'question' as const, label: 'Duidelijk?', kind: 'single' as const, missing: [], themeId: 'tarieven' },
    { column: 'Domein', use: 'attribute' as const, label: 'Domein' },
  ];

  it('keeps only the mapped columns, in file order, with ids from their place', () => {
    const built = buildSurvey(table, { title: 'Peiling', fileName: 'C:\\Users\\ann\\peiling.csv', columns: mapping }, ctx);
    if (!built.ok) throw new Error(built.problem.message);
    expect(SurveySchema.parse(built.data)).toEqual(built.data);
    expect(built.data).toMatchObject({
      source: 'peiling.csv',
      questions: [{ id: 'col-0003', column: 'Is de procedure duidelijk?', label: 'Duidelijk?', themeId: 'tarieven' }],
      attributes: [{ id: 'col-0002', column: 'Domein' }],
    });
    expect(built.data.responses).toEqual([
      { 'col-0002': 'Wlz', 'col-0003': 'Ja' },
      { 'col-0002': 'Wmo', 'col-0003': 'ja' },
      { 'col-0002': 'Wlz', 'col-0003': 'Nee' },
    ]);
  });

  it.each<[string, object[], string]>([
    ['a column the file lacks', [{ column: 'Omzet', use: 'attribute', label: 'Omzet' }], 'unknown_column'],
    ['a column twice', [mapping[1]!, { ...mapping[1]!, label: 'Nog eens' }], 'column_twice'],
    ['no question', [mapping[2]!], 'no_questions'],
    ['an unknown theme', [{ ...mapping[1]!, themeId: 'bestaat-niet' }], 'unknown_theme'],
  ])('refuses %s', (_name, columns, code) => {
    const built = buildSurvey(table, { title: 'Peiling', fileName: 'p.csv', columns: columns as never }, ctx);
    expect(built).toMatchObject({ ok: false, problem: { code } });
  });

  it('refuses an answer over the limit, naming its line', () => {
    const long = { ...table, rows: [...table.rows.slice(0, 2), ['R3', 'Wlz', 'x'.repeat(301), '']] };
    const built = buildSurvey(long, { title: 'Peiling', fileName: 'p.csv', columns: mapping }, ctx);
    expect(built).toMatchObject({ ok: false, problem: { code: 'cell_too_long', params: { line: 5, column: 'Is de procedure duidelijk?' } } });
  });
});
