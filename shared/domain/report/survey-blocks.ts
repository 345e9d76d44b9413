import type { Study } from '../../schemas/study.ts';
import type { Survey, SurveyQuestion } from '../../schemas/survey.ts';
import { resolveTheme } from '../codebook-edits.ts';
import type { Figures } from '../figures.ts';
import { surveyGrouping, surveyQuestionFigures, type SurveyGrouping } from '../survey-figures.ts';
import { openAnswers } from '../survey-question-report.ts';
import { themeLabel } from '../themes/theme-names.ts';
import { percentText, SUMMARY_TEXTS } from './texts.ts';
import type { FigureBlock, FigureCallout, ReportModel, SurveyQuote } from './types.ts';

type Language = ReportModel['language'];

/** The ids a question is broken down by: the analyst's list, or by default the survey's first attribute; never the question itself. */
export function breakdownIds(survey: Survey, question: SurveyQuestion): string[] {
  const chosen = question.report.breakdowns ?? (survey.attributes[0] ? [survey.attributes[0].id] : []);
  return chosen.filter((id) => id !== question.id);
}

/** The codebook theme of a question (following merges), with its name in `language`; nulls for none or an unknown theme. */
function themeOf(study: Study, themeId: string | null, language: Language): { themeId: string | null; themeLabel: string | null } {
  const resolved = themeId === null ? null : resolveTheme(study.codebook, themeId);
  const theme = resolved === null ? undefined : study.codebook.themes.find((t) => t.id === resolved);
  return theme ? { themeId: theme.id, themeLabel: themeLabel({ id: theme.id, label: theme.name }, language) } : { themeId: null, themeLabel: null };
}

/**
 * The study's survey questions as figure blocks, each beside its theme: broken down as the analyst
 * chose (by default by the survey's first attribute, e.g. domain), with its key figures. Open
 * questions give no figures. "Niet van toepassing" and the like stay in, as their own category.
 */
export function surveyBlocks(study: Study, language: Language): FigureBlock[] {
  const { rounding } = study.reportSettings;
  const t = SUMMARY_TEXTS[language];
  return study.surveys.flatMap((survey) => {
    const groupings = new Map<string, SurveyGrouping | null>();
    const grouping = (id: string) => {
      if (!groupings.has(id)) groupings.set(id, surveyGrouping(survey, id));
      return groupings.get(id)!;
    };
    return survey.questions
      .filter((q) => q.kind !== 'open')
      .map((q): FigureBlock => {
        const by = breakdownIds(survey, q).flatMap((id) => grouping(id) ?? []);
        const figures = surveyQuestionFigures(survey, q, { excludeMissing: false, rounding }, by);
        const id = `survey-${survey.id}-${q.id}`;
        return {
          id,
          source: { kind: 'survey', survey: survey.title },
          question: q.label,
          ...themeOf(study, q.themeId, language),
          figures: figures.overall,
          breakdowns: by.map((g, b) => ({
            attribute: g.label,
            groups: g.columns.map((column, i) => ({ value: column.unknown ? t.unknownGroup : column.label, figures: figures.cells[b]![i]! })),
          })),
          callouts: callouts(id, q, figures.overall, language),
        };
      });
  });
}

/** The key figures the analyst picked, as the study rounds them; a category nobody chose any more is left out. */
function callouts(blockId: string, question: SurveyQuestion, figures: Figures, language: Language): FigureCallout[] {
  if (figures.kind !== 'choice' || figures.n === 0) return [];
  return question.report.callouts.flatMap((callout, i) => {
    const category = figures.categories.find((c) => c.key === callout.category);
    if (!category || category.percent === null) return [];
    const value = percentText(language, category.percent);
    const text = callout.text ?? SUMMARY_TEXTS[language].callout(category.label, question.label, figures.multiple);
    return [{ id: `${blockId}-callout-${i}`, value, percent: category.percent, category: category.label, text, n: figures.n }];
  });
}

/** An answer as the report quotes it: one line, without the quote marks typed around it (the same rule as card quotes). */
export { quoteText } from './outline/quote-text.ts';
import { quoteText } from './outline/quote-text.ts';

/**
 * The answers to open questions the analyst picked as quotes, in the order picked, each with its
 * question's theme and a neutral attribution: the respondent's attributes (domain, zorgkantoor,
 * turnover) are never shown beside a quote.
 */
export function surveyQuotes(study: Study, language: Language): SurveyQuote[] {
  const attribution = SUMMARY_TEXTS[language].surveyRespondent;
  return study.surveys.flatMap((survey) =>
    survey.questions
      .filter((q) => q.kind === 'open')
      .flatMap((q) => {
        const answers = new Map(openAnswers(survey, q).map((a) => [a.index, a.text]));
        return q.report.quotes.flatMap((index): SurveyQuote[] => {
          const text = quoteText(answers.get(index) ?? '');
          if (text === '') return [];
          return [{ id: `quote-${survey.id}-${q.id}-${index}`, text, attribution, ...themeOf(study, q.themeId, language), survey: survey.title, question: q.label }];
        });
      }),
  );
}
