import { describe, expect, it } from 'vitest';
import type { ChoiceFigures, Figures } from '../../../shared/domain/figures.ts';
import { surveyFigures, type SurveyFigures } from '../../../shared/domain/survey-figures.ts';
import { defaultQuestionReport, type Survey } from '../../../shared/schemas/survey.ts';
import { unwrap } from '../fixtures.ts';
import { ledenpeiling, QUESTIONS } from '../survey-fixture.ts';

const figures = (survey: Survey, by: string | null, excludeMissing: boolean) => unwrap(surveyFigures(survey, { by, excludeMissing }));
const question = (f: SurveyFigures, id: string) => f.questions.find((q) => q.id === id)!;
const choice = (x: Figures | undefined): ChoiceFigures => {
  if (x?.kind !== 'choice') throw new Error('expected choice figures');
  return x;
};
/** [label, count, percent] per category, and n. */
const table = (x: Figures | undefined) => {
  const c = choice(x);
  return { n: c.n, rows: c.categories.map((k) => [k.label, k.count, k.percent]) };
};

describe('surveyFigures: single choice', () => {
  const survey = ledenpeiling();

  it('counts "niet van toepassing" in the base by default, last and flagged', () => {
    const q = question(figures(survey, null, false), QUESTIONS.duidelijk.id);
    // 7/18 = 38.9, 4/18 = 22.2, 4/18 = 22.2, 3/18 = 16.7: floors 38+22+22+16 = 98, the two points go to .89 and .67.
    expect(table(q.overall)).toEqual({ n: 18, rows: [['Ja', 7, 39], ['Nee', 4, 22], ['Deels', 4, 22], ['Niet van toepassing', 3, 17]] });
    expect(choice(q.overall).categories.map((c) => c.missing ?? false)).toEqual([false, false, false, true]);
    expect(choice(q.overall).answered).toBe(18);
  });

  it('leaves it out when asked: 46.7/26.7/26.7 would round to 101; the shares still add up to 100', () => {
    const q = question(figures(survey, null, true), QUESTIONS.duidelijk.id);
    const { n, rows } = table(q.overall);
    expect(n).toBe(15);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([['Ja', 7], ['Nee', 4], ['Deels', 4], ['Niet van toepassing', 3]]);
    expect(rows[3]![2]).toBeNull();
    expect(rows.slice(0, 3).reduce((sum, r) => sum + (r[2] as number), 0)).toBe(100);
    expect([7, 4, 4].map((c) => Math.round((c * 100) / 15)).reduce((a, b) => a + b)).toBe(101);
    expect(choice(q.overall).answered).toBe(18);
  });

  // All three remainders are exactly 2/3, so the documented tie rule (larger count first) gives
  // 47/27/26; floating-point remainders (700/15 - 46 < 400/15 - 26 by noise) would give 46/27/27.
  it('follows the documented tie rule on equal remainders: 47/27/26', () => {
    const q = question(figures(survey, null, true), QUESTIONS.duidelijk.id);
    expect(table(q.overall).rows.map((r) => r[2])).toEqual([47, 27, 26, null]);
  });

  it('orders ranges by their numbers, not as first seen, with "weet niet" last', () => {
    const q = question(figures(survey, null, false), QUESTIONS.tevreden.id);
    expect(table(q.overall)).toEqual({ n: 20, rows: [['0-25%', 3, 15], ['25-50%', 5, 25], ['50-75%', 4, 20], ['75-100%', 6, 30], ['Weet niet', 2, 10]] });
    // Without "weet niet": 16.7, 27.8, 22.2, 33.3 -> floors 98; the points go to .78 and .67.
    expect(table(question(figures(survey, null, true), QUESTIONS.tevreden.id).overall)).toEqual({
      n: 18,
      rows: [['0-25%', 3, 17], ['25-50%', 5, 28], ['50-75%', 4, 22], ['75-100%', 6, 33], ['Weet niet', 2, null]],
    });
  });
});

describe('surveyFigures: cross-tabulated by an attribute', () => {
  const survey = ledenpeiling();

  it('gives every value of the attribute its column with n, and every cell its n', () => {
    const f = figures(survey, 'col-0002', false);
    expect(f.by).toEqual({
      id: 'col-0002',
      label: 'Domein',
      columns: [
        { key: 'wlz', label: 'Wlz', respondents: 8, unknown: false },
        { key: 'wmo', label: 'Wmo', respondents: 7, unknown: false },
        { key: 'jeugdwet', label: 'Jeugdwet', respondents: 5, unknown: false },
      ],
    });
    const cells = question(f, QUESTIONS.duidelijk.id).cells!;
    // Wlz 4/7, 1/7, 1/7, 1/7: rounding each gives 57+14+14+14 = 99; the point goes to the first of the tied .29s.
    expect(table(cells[0])).toEqual({ n: 7, rows: [['Ja', 4, 57], ['Nee', 1, 15], ['Deels', 1, 14], ['Niet van toepassing', 1, 14]] });
    // Wmo 2/7 three times and 1/7: rounding each gives 29+29+29+14 = 101.
    expect(table(cells[1])).toEqual({ n: 7, rows: [['Ja', 2, 29], ['Nee', 2, 29], ['Deels', 2, 28], ['Niet van toepassing', 1, 14]] });
    expect(table(cells[2])).toEqual({ n: 4, rows: [['Ja', 1, 25], ['Nee', 1, 25], ['Deels', 1, 25], ['Niet van toepassing', 1, 25]] });
  });

  it('excludes missing answers per cell', () => {
    const cells = question(figures(survey, 'col-0002', true), QUESTIONS.duidelijk.id).cells!;
    // Wlz 4/6, 1/6, 1/6: 66.7+16.7+16.7; on equal remainders the larger count, then the earlier category.
    expect(table(cells[0])).toEqual({ n: 6, rows: [['Ja', 4, 67], ['Nee', 1, 17], ['Deels', 1, 16], ['Niet van toepassing', 1, null]] });
    expect(table(cells[1])).toEqual({ n: 6, rows: [['Ja', 2, 34], ['Nee', 2, 33], ['Deels', 2, 33], ['Niet van toepassing', 1, null]] });
    expect(table(cells[2])).toEqual({ n: 3, rows: [['Ja', 1, 34], ['Nee', 1, 33], ['Deels', 1, 33], ['Niet van toepassing', 1, null]] });
  });

  it('puts respondents without the attribute in a last "unknown" column, and orders turnover classes by number', () => {
    const byZorgkantoor = figures(survey, 'col-0003', false);
    expect(byZorgkantoor.by!.columns.map((c) => [c.label, c.respondents, c.unknown])).toEqual([
      ['Zilveren Kruis', 3, false],
      ['CZ', 2, false],
      ['Menzis', 2, false],
      ['VGZ', 1, false],
      ['', 12, true],
    ]);
    expect(table(question(byZorgkantoor, QUESTIONS.duidelijk.id).cells![0])).toEqual({ n: 3, rows: [['Ja', 3, 100], ['Nee', 0, 0], ['Deels', 0, 0], ['Niet van toepassing', 0, 0]] });
    const byOmzet = figures(survey, 'col-0004', false);
    expect(byOmzet.by!.columns.map((c) => [c.label, c.respondents])).toEqual([['0-1 mln', 7], ['1-5 mln', 7], ['5-25 mln', 4], ['> 25 mln', 2]]);
  });

  it('refuses an id that is no attribute or single-choice question of the survey', () => {
    for (const by of ['col-0099', QUESTIONS.meerzorg.id, QUESTIONS.knelpunten.id]) expect(surveyFigures(survey, { by, excludeMissing: false })).toMatchObject({ ok: false, error: 'not_found' });
  });
});

describe('surveyFigures: numbers and multiple answers', () => {
  const survey = ledenpeiling();

  it('reads Dutch numbers; "weet niet" and text are no numbers and never count as 0', () => {
    const q = question(figures(survey, null, false), QUESTIONS.meerzorg.id);
    // 12 + 0 + 3,5 + 1.234 + 292 + 5 + 0 + 7,5 + 19 + 2 + 40 + 1 + 3 + 8 + 12,25 = 1639,25 over 15.
    expect(q.overall).toEqual({ kind: 'number', n: 15, mean: 109.3, min: 0, max: 1234 });
    expect([q.missingAnswers, q.unreadable]).toEqual([2, 1]);
    const byDomein = question(figures(survey, 'col-0002', true), QUESTIONS.meerzorg.id).cells!;
    // Wlz: 12, 0, 3,5, 1.234, 292 (weet niet, empty, "ca. 20" left out); Wmo: 5, 0, 7,5, 19, 2, 40; Jeugdwet: 1, 3, 8, 12,25.
    expect(byDomein).toEqual([
      { kind: 'number', n: 5, mean: 308.3, min: 0, max: 1234 },
      { kind: 'number', n: 6, mean: 12.3, min: 0, max: 40 },
      { kind: 'number', n: 4, mean: 6.1, min: 1, max: 12.25 },
    ]);
  });

  it('splits multiple answers and gives each its share of the respondents', () => {
    const q = question(figures(survey, null, false), QUESTIONS.knelpunten.id);
    // 17 answered: 9/17 = 52.9, 7/17 = 41.2, 5/17 = 29.4, 2/17 = 11.8, 1/17 = 5.9.
    expect(table(q.overall)).toEqual({
      n: 17,
      rows: [['Tarieven', 9, 53], ['Administratieve lasten', 7, 41], ['Contractduur', 5, 29], ['Geen knelpunten', 2, 12], ['Weet niet', 1, 6]],
    });
    // Without "weet niet": 16 respondents; 2/16 = 12.5 rounds half up.
    expect(table(question(figures(survey, null, true), QUESTIONS.knelpunten.id).overall)).toEqual({
      n: 16,
      rows: [['Tarieven', 9, 56], ['Administratieve lasten', 7, 44], ['Contractduur', 5, 31], ['Geen knelpunten', 2, 13], ['Weet niet', 1, null]],
    });
  });

  it('gives a scale its categories in numeric order and its mean', () => {
    const scale: Survey = {
      ...survey,
      questions: [{ id: 'col-0009', column: 'Tevredenheid (1-5)', label: 'Tevredenheid (1-5)', kind: 'scale', missing: ['Weet niet'], themeId: null, report: defaultQuestionReport() }],
      responses: ['4', '5 - zeer tevreden', '3', '4', '2', 'Weet niet'].map((v) => ({ 'col-0009': v })),
    };
    const q = question(figures(scale, null, false), 'col-0009');
    // 1/6 four times and 2/6: 16.7 x4 + 33.3 -> floors 97; the three points go to the first three .67s.
    expect(table(q.overall)).toEqual({ n: 6, rows: [['2', 1, 17], ['3', 1, 17], ['4', 2, 33], ['5 - zeer tevreden', 1, 17], ['Weet niet', 1, 16]] });
    expect(choice(q.overall).mean).toBe(3.6);
    expect(table(question(figures(scale, null, true), 'col-0009').overall).rows.map((r) => r[2])).toEqual([20, 20, 40, 20, null]);
  });

  it('is the same on every run', () => {
    expect(figures(survey, 'col-0004', true)).toEqual(figures(ledenpeiling(), 'col-0004', true));
  });
});

describe('surveyFigures: the order the analyst chose', () => {
  const withOrder = (id: string, order: 'auto' | 'ascending' | 'descending' | 'size'): Survey => {
    const survey = ledenpeiling();
    return { ...survey, questions: survey.questions.map((q) => (q.id === id ? { ...q, report: { ...q.report, order } } : q)) };
  };
  const labels = (survey: Survey, id: string) => choice(question(figures(survey, null, false), id).overall).categories.map((c) => c.label);

  it('shows ja / nee / deels in the scale order, ranges ascending, knelpunten by size: never as first seen', () => {
    const survey = ledenpeiling();
    // First seen in the file: Ja, Nee, Deels; 50-75% first; Tarieven before Administratieve lasten.
    expect(labels(survey, QUESTIONS.duidelijk.id)).toEqual(['Ja', 'Nee', 'Deels', 'Niet van toepassing']);
    expect(labels(survey, QUESTIONS.tevreden.id)).toEqual(['0-25%', '25-50%', '50-75%', '75-100%', 'Weet niet']);
    expect(labels(survey, QUESTIONS.knelpunten.id)).toEqual(['Tarieven', 'Administratieve lasten', 'Contractduur', 'Geen knelpunten', 'Weet niet']);
  });

  it('turns ranges round when descending, and orders by size on request; missing answers stay last', () => {
    expect(labels(withOrder(QUESTIONS.tevreden.id, 'descending'), QUESTIONS.tevreden.id)).toEqual(['75-100%', '50-75%', '25-50%', '0-25%', 'Weet niet']);
    // ja 7, nee 4, deels 4: ties alphabetically.
    expect(labels(withOrder(QUESTIONS.duidelijk.id, 'size'), QUESTIONS.duidelijk.id)).toEqual(['Ja', 'Deels', 'Nee', 'Niet van toepassing']);
    // Knelpunten have no order of their own: ascending is alphabetical.
    expect(labels(withOrder(QUESTIONS.knelpunten.id, 'ascending'), QUESTIONS.knelpunten.id)).toEqual(['Administratieve lasten', 'Contractduur', 'Geen knelpunten', 'Tarieven', 'Weet niet']);
  });

  it('keeps the percentages with their categories whatever the order', () => {
    const rows = table(question(figures(withOrder(QUESTIONS.tevreden.id, 'descending'), null, false), QUESTIONS.tevreden.id).overall).rows;
    expect(rows).toEqual([['75-100%', 6, 30], ['50-75%', 4, 20], ['25-50%', 5, 25], ['0-25%', 3, 15], ['Weet niet', 2, 10]]);
  });
});

describe('surveyFigures: a single-choice question as breakdown', () => {
  const survey = ledenpeiling();

  it('groups respondents by their answer, in the question order, with those who left it empty last', () => {
    const f = figures(survey, QUESTIONS.duidelijk.id, false);
    expect(f.by!.label).toBe('Is de inkoopprocedure duidelijk?');
    expect(f.by!.columns.map((c) => [c.label, c.respondents, c.unknown])).toEqual([
      ['Ja', 7, false],
      ['Nee', 4, false],
      ['Deels', 4, false],
      ['Niet van toepassing', 3, false],
      ['', 2, true],
    ]);
    // Of the 7 who said ja (R001-3, R007, R009, R015, R016): 50-75%, 75-100%, 75-100%, 75-100%, 25-50%, 50-75%, 0-25%.
    expect(table(question(f, QUESTIONS.tevreden.id).cells![0])).toEqual({ n: 7, rows: [['0-25%', 1, 14], ['25-50%', 1, 14], ['50-75%', 2, 29], ['75-100%', 3, 43], ['Weet niet', 0, 0]] });
  });

  it('never breaks the question down by itself', () => {
    const f = figures(survey, QUESTIONS.duidelijk.id, false);
    expect(question(f, QUESTIONS.duidelijk.id).cells).toBeNull();
    expect(question(f, QUESTIONS.meerzorg.id).cells).toHaveLength(5);
  });
});

describe('surveyFigures: open questions', () => {
  it('gives no figures for an open question', () => {
    const survey = ledenpeiling();
    const open = { ...QUESTIONS.duidelijk, id: 'col-0009', label: 'Toelichting', kind: 'open' as const, missing: [] };
    const withOpen: Survey = { ...survey, questions: [...survey.questions, open], responses: survey.responses.map((r, i) => ({ ...r, 'col-0009': i % 2 ? `Toelichting ${i}` : '' })) };
    expect(figures(withOpen, null, false).questions.map((q) => q.id)).toEqual(Object.values(QUESTIONS).map((q) => q.id));
    expect(surveyFigures(withOpen, { by: 'col-0009', excludeMissing: false })).toMatchObject({ ok: false, error: 'not_found' });
  });
});
