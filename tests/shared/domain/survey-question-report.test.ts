import { describe, expect, it } from 'vitest';
import { applyQuestionPatch, openAnswers } from '../../../shared/domain/survey-question-report.ts';
import { defaultQuestionReport, SurveyQuestionPatchSchema, type Survey } from '../../../shared/schemas/survey.ts';
import { unwrap } from '../fixtures.ts';
import { ledenpeiling, QUESTIONS } from '../survey-fixture.ts';

const OPEN = 'col-0009';
function survey(): Survey {
  const base = ledenpeiling();
  return {
    ...base,
    questions: [...base.questions, { id: OPEN, column: 'Toelichting', label: 'Toelichting', kind: 'open', missing: [], themeId: null, report: defaultQuestionReport() }],
    responses: base.responses.map((r, i) => ({ ...r, [OPEN]: i === 1 ? 'Tarieven te laag' : i === 4 ? '  Meer overleg graag ' : '' })),
  };
}
const patch = (questionId: string, body: unknown) => applyQuestionPatch(survey(), questionId, SurveyQuestionPatchSchema.parse(body));

describe('applyQuestionPatch', () => {
  it('changes only what the patch names', () => {
    const q = unwrap(patch(QUESTIONS.duidelijk.id, { order: 'size' }));
    expect(q.report).toEqual({ order: 'size', breakdowns: null, quotes: [], callouts: [] });
    expect(unwrap(patch(QUESTIONS.duidelijk.id, { breakdowns: ['col-0003', QUESTIONS.tevreden.id] })).report.breakdowns).toEqual(['col-0003', QUESTIONS.tevreden.id]);
    expect(unwrap(patch(QUESTIONS.duidelijk.id, { breakdowns: null })).report.breakdowns).toBeNull();
    expect(unwrap(patch(OPEN, { quotes: [4, 1] })).report.quotes).toEqual([4, 1]);
  });

  it('stores a key figure under the category key, given as key or as the answer', () => {
    expect(unwrap(patch(QUESTIONS.duidelijk.id, { callouts: [{ category: 'Niet van toepassing', text: null }, { category: 'JA', text: 'vindt het duidelijk' }] })).report.callouts).toEqual([
      { category: 'niet van toepassing', text: null },
      { category: 'ja', text: 'vindt het duidelijk' },
    ]);
  });

  it.each<[string, string, unknown, RegExp]>([
    ['breakdown by itself', QUESTIONS.duidelijk.id, { breakdowns: [QUESTIONS.duidelijk.id] }, /never broken down by itself/],
    ['unknown attribute', QUESTIONS.duidelijk.id, { breakdowns: ['col-0099'] }, /col-0099/],
    ['multiple-answer question as breakdown', QUESTIONS.duidelijk.id, { breakdowns: [QUESTIONS.knelpunten.id] }, /no attribute or single-choice/],
    ['number question as breakdown', QUESTIONS.duidelijk.id, { breakdowns: [QUESTIONS.meerzorg.id] }, /no attribute or single-choice/],
    ['breakdown twice', QUESTIONS.duidelijk.id, { breakdowns: ['col-0002', 'col-0002'] }, /once/],
    ['breakdown of an open question', OPEN, { breakdowns: ['col-0002'] }, /open question/],
    ['quote of a choice question', QUESTIONS.duidelijk.id, { quotes: [0] }, /open question/],
    ['quote of an empty answer', OPEN, { quotes: [0] }, /respondent 0/],
    ['quote beyond the respondents', OPEN, { quotes: [20] }, /respondent 20/],
    ['quote twice', OPEN, { quotes: [1, 1] }, /once/],
    ['unknown category', QUESTIONS.duidelijk.id, { callouts: [{ category: 'misschien', text: null }] }, /misschien/],
    ['category twice', QUESTIONS.duidelijk.id, { callouts: [{ category: 'ja', text: null }, { category: 'Ja', text: null }] }, /twice/],
    ['key figure of a number question', QUESTIONS.meerzorg.id, { callouts: [{ category: '12', text: null }] }, /choice question/],
    ['order of a number question', QUESTIONS.meerzorg.id, { order: 'size' }, /choice question/],
  ])('refuses a %s', (_, questionId, body, message) => {
    const result = patch(questionId, body);
    expect(result).toMatchObject({ ok: false, error: 'invalid_payload' });
    expect(!result.ok && result.message).toMatch(message);
  });

  it('answers not_found for a question the survey does not have', () => {
    expect(patch('col-0099', { order: 'size' })).toMatchObject({ ok: false, error: 'not_found' });
  });
});

describe('the patch body', () => {
  it.each([{}, { unknown: 1 }, { order: 'random' }, { quotes: [-1] }, { quotes: [1.5] }, { callouts: [{ category: '', text: null }] }, { callouts: [{ category: 'ja', text: 'x'.repeat(201) }] }, { breakdowns: 'col-0002' }])(
    'refuses %j',
    (body) => {
      expect(SurveyQuestionPatchSchema.safeParse(body).success).toBe(false);
    },
  );
});

describe('openAnswers', () => {
  it('lists the non-empty answers with their respondent index and nothing else', () => {
    const s = survey();
    expect(openAnswers(s, s.questions.at(-1)!)).toEqual([{ index: 1, text: 'Tarieven te laag' }, { index: 4, text: 'Meer overleg graag' }]);
  });
});
