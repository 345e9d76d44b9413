// The surveys in the report: breakdowns as the analyst chose them, key figures, and open answers as quotes.
import { describe, expect, it } from 'vitest';
import type { Figures } from '../../../../shared/domain/figures.ts';
import { buildReport } from '../../../../shared/domain/report/build.ts';
import { breakdownIds, quoteText, surveyBlocks, surveyQuotes } from '../../../../shared/domain/report/survey-blocks.ts';
import { answerMidSentence, percentText } from '../../../../shared/domain/report/texts.ts';
import { StudySchema, type Study } from '../../../../shared/schemas/study.ts';
import { defaultQuestionReport, type Survey, type SurveyQuestion, type SurveyQuestionReport } from '../../../../shared/schemas/survey.ts';
import { STUDY_ID, T0 } from '../../fixtures.ts';
import { ledenpeiling, QUESTIONS } from '../../survey-fixture.ts';

const TOELICHTING = 'col-0009';
const ANSWERS = ['"Tarieven zijn te laag"', '', '“De procedure is onduidelijk”', "  'Graag eerder bericht'  ", 'Eén aanspreekpunt werkt goed'];

/** The fixture survey with an open question "Toelichting" (answers of the first five respondents), linked to the tariffs theme. */
function survey(changes: Record<string, Partial<SurveyQuestionReport>> = {}): Survey {
  const base = ledenpeiling();
  const open: SurveyQuestion = { id: TOELICHTING, column: 'Toelichting', label: 'Toelichting', kind: 'open', missing: [], themeId: 'tarieven', report: defaultQuestionReport() };
  return {
    ...base,
    questions: [...base.questions, open].map((q) => ({ ...q, report: { ...q.report, ...changes[q.id] } })),
    responses: base.responses.map((r, i) => ({ ...r, [TOELICHTING]: ANSWERS[i] ?? '' })),
  };
}

const studyWith = (surveys: Survey[], rounding: 'largest-remainder' | 'plain' = 'largest-remainder'): Study =>
  StudySchema.parse({ schemaVersion: 1, id: STUDY_ID, title: 'Evaluatie zorginkoop 2025', keyHash: 'a'.repeat(64), sessionIds: [], reportSettings: { rounding, smallGroup: 10 }, surveys, createdAt: T0, updatedAt: T0 });

const block = (study: Study, questionId: string, language: 'nl' | 'en' = 'nl') => surveyBlocks(study, language).find((b) => b.id.endsWith(`-${questionId}`))!;
const percents = (f: Figures) => (f.kind === 'choice' ? f.categories.map((c) => c.percent) : []);

describe('survey breakdowns in the report', () => {
  it('breaks every question down by the survey\'s first attribute when nothing was chosen, as before', () => {
    const b = block(studyWith([survey()]), QUESTIONS.duidelijk.id);
    expect(b.breakdowns.map((x) => [x.attribute, x.groups.map((g) => [g.value, g.figures.n])])).toEqual([['Domein', [['Wlz', 7], ['Wmo', 7], ['Jeugdwet', 4]]]]);
  });

  it('takes several breakdowns in the chosen order, attributes and questions alike, each group with its own n', () => {
    const study = studyWith([survey({ [QUESTIONS.tevreden.id]: { breakdowns: ['col-0004', QUESTIONS.duidelijk.id, 'col-0003'] } })]);
    const b = block(study, QUESTIONS.tevreden.id);
    expect(b.breakdowns.map((x) => x.attribute)).toEqual(['Omzetklasse', 'Is de inkoopprocedure duidelijk?', 'Zorgkantoor']);
    expect(b.breakdowns[0]!.groups.map((g) => [g.value, g.figures.n])).toEqual([['0-1 mln', 7], ['1-5 mln', 7], ['5-25 mln', 4], ['> 25 mln', 2]]);
    // By the answer to the other question: ja, nee, deels, niet van toepassing, and those who left it empty.
    expect(b.breakdowns[1]!.groups.map((g) => [g.value, g.figures.n])).toEqual([['Ja', 7], ['Nee', 4], ['Deels', 4], ['Niet van toepassing', 3], ['Onbekend', 2]]);
    expect(percents(b.breakdowns[1]!.groups[0]!.figures)).toEqual([14, 14, 29, 43, 0]);
    // Zorgkantoren by size; the 12 respondents without one last, under a label, not an empty cell.
    expect(b.breakdowns[2]!.groups.map((g) => g.value)).toEqual(['Zilveren Kruis', 'CZ', 'Menzis', 'VGZ', 'Onbekend']);
    expect(block(study, QUESTIONS.tevreden.id, 'en').breakdowns[2]!.groups.at(-1)!.value).toBe('Unknown');
  });

  it('never breaks a question down by itself, and has none when the analyst chose none', () => {
    const s = survey({ [QUESTIONS.duidelijk.id]: { breakdowns: [QUESTIONS.duidelijk.id, 'col-0002'] }, [QUESTIONS.meerzorg.id]: { breakdowns: [] } });
    expect(breakdownIds(s, s.questions[0]!)).toEqual(['col-0002']);
    const study = studyWith([s]);
    expect(block(study, QUESTIONS.duidelijk.id).breakdowns.map((x) => x.attribute)).toEqual(['Domein']);
    expect(block(study, QUESTIONS.meerzorg.id).breakdowns).toEqual([]);
  });

  it('breaks number questions down by a question too, as means per group', () => {
    const b = block(studyWith([survey({ [QUESTIONS.meerzorg.id]: { breakdowns: [QUESTIONS.duidelijk.id] } })]), QUESTIONS.meerzorg.id);
    expect(b.breakdowns[0]!.groups[0]).toMatchObject({ value: 'Ja', figures: { kind: 'number' } });
  });

  it('makes no figure block of an open question', () => {
    expect(surveyBlocks(studyWith([survey()]), 'nl').map((b) => b.question)).not.toContain('Toelichting');
  });

  it('follows the chosen category order in the report too', () => {
    const b = block(studyWith([survey({ [QUESTIONS.tevreden.id]: { order: 'descending' } })]), QUESTIONS.tevreden.id);
    expect(b.figures.kind === 'choice' && b.figures.categories.map((c) => c.label)).toEqual(['75-100%', '50-75%', '25-50%', '0-25%', 'Weet niet']);
  });
});

describe('key figures', () => {
  it('generates the sentence and writes the percentage the Dutch way', () => {
    const study = studyWith([survey({ [QUESTIONS.duidelijk.id]: { callouts: [{ category: 'ja', text: null }] } })]);
    // 7 of 18: 38.9, rounded by the largest remainder to 39.
    expect(block(study, QUESTIONS.duidelijk.id).callouts).toEqual([
      { id: `survey-survey-0001-${QUESTIONS.duidelijk.id}-callout-0`, value: '39 %', percent: 39, category: 'Ja', text: 'antwoordde ‘ja’ op de vraag ‘Is de inkoopprocedure duidelijk?’', n: 18 },
    ]);
    expect(block(study, QUESTIONS.duidelijk.id, 'en').callouts[0]).toMatchObject({ value: '39%', text: 'answered ‘Ja’ to the question ‘Is de inkoopprocedure duidelijk?’' });
  });

  it('uses the analyst\'s sentence', () => {
    const study = studyWith([survey({ [QUESTIONS.duidelijk.id]: { callouts: [{ category: 'nee', text: 'vindt de procedure onduidelijk' }] } })]);
    expect(block(study, QUESTIONS.duidelijk.id).callouts.map((c) => [c.value, c.text])).toEqual([['22 %', 'vindt de procedure onduidelijk']]);
  });

  it('follows the study\'s rounding rule', () => {
    // The Wmo respondents only: ja 2, nee 2, deels 2, niet van toepassing 1 of 7. Largest remainder
    // gives 29 / 29 / 28 / 14 (adding up to 100), plain rounding 29 / 29 / 29 / 14.
    const wmo = survey({ [QUESTIONS.duidelijk.id]: { callouts: [{ category: 'deels', text: null }] } });
    const only = { ...wmo, responses: wmo.responses.slice(8, 15) };
    expect(block(studyWith([only]), QUESTIONS.duidelijk.id).callouts[0]!.value).toBe('28 %');
    expect(block(studyWith([only], 'plain'), QUESTIONS.duidelijk.id).callouts[0]!.value).toBe('29 %');
  });

  it('says "koos" for a multiple-answer question and leaves out a category nobody has', () => {
    const study = studyWith([survey({ [QUESTIONS.knelpunten.id]: { callouts: [{ category: 'tarieven', text: null }, { category: 'verdwenen', text: null }] } })]);
    // Tarieven: 9 of 17 respondents, 52.9 half up: 53.
    expect(block(study, QUESTIONS.knelpunten.id).callouts.map((c) => [c.value, c.text])).toEqual([['53 %', 'koos ‘tarieven’ bij de vraag ‘Welke knelpunten ervaart u?’']]);
  });

  it('writes numbers with a decimal comma where needed, and answers in lower case mid-sentence unless they are names', () => {
    expect(percentText('nl', 12.5)).toBe('12,5 %');
    expect(percentText('en', 12.5)).toBe('12.5%');
    expect(['Ja', 'Niet van toepassing', 'Zilveren Kruis', 'CZ', 'Wlz'].map(answerMidSentence)).toEqual(['ja', 'niet van toepassing', 'Zilveren Kruis', 'CZ', 'Wlz']);
  });
});

describe('open answers as quotes', () => {
  const picked = () => studyWith([survey({ [TOELICHTING]: { quotes: [2, 0, 3] } })]);

  it('quotes the picked answers in the order picked, without the quote marks the respondent typed', () => {
    expect(surveyQuotes(picked(), 'nl')).toEqual([
      { id: `quote-survey-0001-${TOELICHTING}-2`, text: 'De procedure is onduidelijk', attribution: 'Reactie van een deelnemende zorgaanbieder', themeId: 'tarieven', themeLabel: 'Tarieven en kostprijs', survey: 'Ledenpeiling 2025', question: 'Toelichting' },
      expect.objectContaining({ text: 'Tarieven zijn te laag' }),
      expect.objectContaining({ text: 'Graag eerder bericht' }),
    ]);
    expect(surveyQuotes(picked(), 'en')[0]).toMatchObject({ attribution: 'Response of a participating care provider', themeLabel: 'Rates and cost price' });
    expect(quoteText('„Dubbel” ')).toBe('Dubbel');
    expect(quoteText("Zorg 'goed' geregeld")).toBe("Zorg 'goed' geregeld");
  });

  it('never carries the respondent\'s attributes', () => {
    const text = JSON.stringify(surveyQuotes(picked(), 'nl'));
    // Respondent 2 is Wlz, Zilveren Kruis, 5-25 mln.
    for (const value of ['Wlz', 'Zilveren Kruis', '5-25 mln', 'Domein']) expect(text).not.toContain(value);
  });

  it('puts the quotes in the report model', () => {
    const model = buildReport(picked(), [], { now: T0 });
    expect(model.surveyQuotes.map((q) => q.text)).toEqual(['De procedure is onduidelijk', 'Tarieven zijn te laag', 'Graag eerder bericht']);
  });
});
