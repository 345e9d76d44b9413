import type { ReportSettings } from '../../schemas/study.ts';
import type { ChoiceFigures, Figures } from '../figures.ts';
import { decimal, REPORT_TEXTS } from './texts.ts';
import type { FigureBlock, FigureBreakdown, ReportModel } from './types.ts';

/** A table as text, the same for the web page, Markdown and Word. */
export interface TextTable {
  align: ('left' | 'right')[];
  header: string[];
  rows: string[][];
}

type Language = ReportModel['language'];

/** Counts and percentages of a choice question's answers. */
export function answerTable(figures: ChoiceFigures, language: Language): TextTable {
  const t = REPORT_TEXTS[language];
  return {
    align: ['left', 'right', 'right'],
    header: [t.answer, t.count, t.percent],
    rows: figures.categories.map((c) => [c.label, String(c.count), c.percent === null ? t.excluded : String(c.percent)]),
  };
}

export interface BreakdownTable extends TextTable {
  /** Some group had fewer respondents than `smallGroup`: its cells carry a *, explained under the table. */
  flagged: boolean;
}

/**
 * A question broken down by one attribute (or another question's answers), one row per group.
 * Groups nobody answered in are left out (an empty row says nothing); a group smaller than
 * `rules.smallGroup` shows its percentages with a * (indicative), never as a bare figure. Numbers
 * in the language's own notation. Null when no group answered.
 */
export function breakdownTable(block: FigureBlock, breakdown: FigureBreakdown, rules: ReportSettings, language: Language): BreakdownTable | null {
  const t = REPORT_TEXTS[language];
  const groups = breakdown.groups.filter((g) => g.figures.n > 0);
  if (groups.length === 0) return null;
  const small = (figures: Figures) => figures.n < rules.smallGroup;
  const mark = (value: string, figures: Figures) => (small(figures) ? `${value}*` : value);
  const attribute = breakdown.attribute;
  if (block.figures.kind === 'number') {
    return {
      align: ['left', 'right', 'right', 'right', 'right'],
      header: [attribute, 'n', t.meanColumn, 'min', 'max'],
      rows: groups.map((g) =>
        g.figures.kind === 'number'
          ? [g.value, String(g.figures.n), mark(decimal(language, g.figures.mean), g.figures), decimal(language, g.figures.min), decimal(language, g.figures.max)]
          : [g.value, String(g.figures.n), '–', '–', '–'],
      ),
      flagged: groups.some((g) => small(g.figures)),
    };
  }
  const labels = block.figures.categories.filter((c) => c.percent !== null).map((c) => c.label);
  return {
    align: ['left', 'right', ...labels.map(() => 'right' as const)],
    header: [attribute, 'n', ...labels],
    rows: groups.map((g) => {
      const byLabel = new Map(g.figures.kind === 'choice' ? g.figures.categories.map((c) => [c.label, c.percent]) : []);
      return [g.value, String(g.figures.n), ...labels.map((label) => mark(`${byLabel.get(label) ?? 0}%`, g.figures))];
    }),
    flagged: groups.some((g) => small(g.figures)),
  };
}

/** Every breakdown of a block that has a group with answers, in the analyst's order, each with its table. */
export function breakdownTables(block: FigureBlock, rules: ReportSettings, language: Language): { attribute: string; table: BreakdownTable }[] {
  return block.breakdowns.flatMap((breakdown) => {
    const table = breakdownTable(block, breakdown, rules, language);
    return table ? [{ attribute: breakdown.attribute, table }] : [];
  });
}
