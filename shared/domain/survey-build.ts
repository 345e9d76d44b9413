import { surveyProblem, type SurveyColumnMapping, type SurveyResult } from '../schemas/survey-import.ts';
import { defaultQuestionReport, SURVEY_LIMITS, type Survey, type SurveyAttribute, type SurveyQuestion } from '../schemas/survey.ts';
import type { SurveyTable } from './survey-preview.ts';

export interface BuildSurveyInput {
  title: string;
  fileName: string;
  columns: readonly SurveyColumnMapping[];
}

export interface BuildSurveyContext {
  surveyId: string;
  now: number;
  /** Theme ids of the study's codebook: a question may only be linked to one of these. */
  themeIds: ReadonlySet<string>;
}


/** Ids of questions and attributes follow the column's place in the file: `col-0001` is the first column. */
export const columnId = (index: number): string => `col-${String(index + 1).padStart(4, '0')}`;

/**
 * The survey as stored: only the mapped columns, checked against the file itself (a mapping naming
 * a column the file lacks, naming one twice, or linking an unknown theme is refused, as are cells
 * and column names over the limits).
 */
export function buildSurvey(table: SurveyTable, input: BuildSurveyInput, ctx: BuildSurveyContext): SurveyResult<Survey> {
  const seen = new Set<string>();
  const used: { index: number; mapping: Exclude<SurveyColumnMapping, { use: 'ignore' }> }[] = [];
  for (const mapping of input.columns) {
    const index = table.columns.indexOf(mapping.column);
    if (index < 0) return surveyProblem('unknown_column', `The file has no column "${mapping.column}"`, { column: mapping.column });
    if (seen.has(mapping.column)) return surveyProblem('column_twice', `The mapping names column "${mapping.column}" twice`, { column: mapping.column });
    seen.add(mapping.column);
    if (mapping.use === 'ignore') continue;
    if (mapping.column.length > SURVEY_LIMITS.label) {
      return surveyProblem('header_too_long', `The name of column "${mapping.column.slice(0, 40)}…" is longer than ${SURVEY_LIMITS.label} characters`, { column: mapping.column.slice(0, 40), limit: SURVEY_LIMITS.label });
    }
    if (mapping.use === 'question' && mapping.themeId !== null && !ctx.themeIds.has(mapping.themeId)) {
      return surveyProblem('unknown_theme', `The study has no theme "${mapping.themeId}"`, { column: mapping.column });
    }
    used.push({ index, mapping });
  }
  if (!used.some((u) => u.mapping.use === 'question')) return surveyProblem('no_questions', 'Map at least one column as a question');

  const questions: SurveyQuestion[] = [];
  const attributes: SurveyAttribute[] = [];
  for (const { index, mapping } of used.sort((a, b) => a.index - b.index)) {
    const base = { id: columnId(index), column: mapping.column, label: mapping.label };
    if (mapping.use === 'question') questions.push({ ...base, kind: mapping.kind, missing: mapping.missing, themeId: mapping.themeId, report: defaultQuestionReport() });
    else attributes.push(base);
  }

  const responses: Survey['responses'] = [];
  for (const [r, row] of table.rows.entries()) {
    const record: Record<string, string> = {};
    for (const { index, mapping } of used) {
      const cell = row[index] ?? '';
      // Open answers are sentences; everything else is a label, a number or a value to group by.
      const limit = mapping.use === 'question' && mapping.kind === 'open' ? SURVEY_LIMITS.openValue : SURVEY_LIMITS.value;
      if (cell.length > limit) {
        return surveyProblem('cell_too_long', `Line ${table.lines[r]}, column "${mapping.column}": an answer longer than ${limit} characters`, {
          line: table.lines[r],
          column: mapping.column,
          limit,
        });
      }
      record[columnId(index)] = cell;
    }
    responses.push(record);
  }
  const source = input.fileName.split(/[\\/]/).pop() ?? '';
  return { ok: true, data: { id: ctx.surveyId, title: input.title, source, questions, attributes, responses, importedAt: ctx.now } };
}
