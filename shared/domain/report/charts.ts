import type { EChartsOption } from 'echarts';
import type { FigureBlock, FigureCallout, ReportModel, SurveyQuote } from './types.ts';

/** The charts of a report; each format shows them with the figures. */
export type ReportChartKind = 'votesPerTheme' | 'balance' | 'matrix';

const TEXTS = {
  nl: {
    votesPerTheme: 'Stemmen per thema',
    balance: 'Ging goed en kan beter per domein',
    matrix: 'Kaarten per thema en domein',
    votes: 'Stemmen',
    cards: 'Kaarten',
    wentWell: 'Ging goed',
    toImprove: 'Kan beter',
    share: 'Aandeel',
  },
  en: {
    votesPerTheme: 'Votes per theme',
    balance: 'Went well and could be better per domain',
    matrix: 'Cards per theme and domain',
    votes: 'Votes',
    cards: 'Cards',
    wentWell: 'Went well',
    toImprove: 'Could be better',
    share: 'Share',
  },
} as const;

const COLOURS = { votes: '#2f5f8a', wentWell: '#3a8d5d', toImprove: '#d9822b', matrixLow: '#eef3f8', matrixHigh: '#2f5f8a' };

/** Long theme labels are cut in the chart; the tables next to it carry them in full. */
const CATEGORY_LABEL = { width: 170, overflow: 'truncate', ellipsis: '…' } as const;

/** The chart's title in the report's language. */
export function chartTitle(kind: ReportChartKind, language: ReportModel['language']): string {
  return TEXTS[language][kind];
}

/** Shared by every chart: no animation, so server-side rendering draws the final state. */
function base(report: ReportModel, kind: ReportChartKind): EChartsOption {
  const title = chartTitle(kind, report.language);
  return {
    animation: false,
    aria: { enabled: true, label: { description: title } },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
  };
}

/**
 * Votes per theme as a horizontal bar chart, the most voted theme on top. Options carry
 * `animation: false`; the web page may turn it back on.
 */
export function votesPerThemeOption(report: ReportModel): EChartsOption {
  const rows = report.figures.votesPerTheme;
  return {
    ...base(report, 'votesPerTheme'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 16, right: 40, top: 48, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label), axisLabel: CATEGORY_LABEL },
    series: [
      {
        type: 'bar',
        name: TEXTS[report.language].votes,
        data: rows.map((row) => row.votes),
        itemStyle: { color: COLOURS.votes },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** Cards that went well versus cards that should improve, stacked per domain. Plain data, no functions. */
export function balanceOption(report: ReportModel): EChartsOption {
  const texts = TEXTS[report.language];
  const rows = report.figures.balance;
  const series = (name: string, key: 'wentWell' | 'toImprove') => ({
    type: 'bar' as const,
    name,
    stack: 'balance',
    // A zero segment has no height; its label would sit on the neighbour's.
    data: rows.map((row) => ({ value: row[key], label: { show: row[key] > 0 } })),
    itemStyle: { color: COLOURS[key] },
    barMaxWidth: 96,
    label: { show: true },
  });
  return {
    ...base(report, 'balance'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 16, right: 16, top: 48, bottom: 40, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: rows.map((row) => row.domain) },
    yAxis: { type: 'value', minInterval: 1, name: texts.cards },
    series: [series(texts.wentWell, 'wentWell'), series(texts.toImprove, 'toImprove')],
  };
}

/**
 * The theme × domain matrix as a heatmap: the number in a cell is its cards, the shade follows it;
 * each data item is `[domainIndex, themeIndex, cards, votes]`. Empty cells are left out.
 */
export function matrixOption(report: ReportModel): EChartsOption {
  const { domains, rows } = report.figures.matrix;
  const data: [number, number, number, number][] = [];
  rows.forEach((row, y) =>
    domains.forEach((domain, x) => {
      const cell = Object.hasOwn(row.cells, domain) ? row.cells[domain] : undefined;
      if (cell && cell.cards > 0) data.push([x, y, cell.cards, cell.votes]);
    }),
  );
  const most = Math.max(1, ...data.map((item) => item[2]));
  return {
    ...base(report, 'matrix'),
    tooltip: { position: 'top' },
    grid: { left: 16, right: 16, top: 48, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', position: 'top', data: domains, splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label), splitArea: { show: true }, axisLabel: CATEGORY_LABEL },
    visualMap: { show: false, min: 0, max: most, dimension: 2, inRange: { color: [COLOURS.matrixLow, COLOURS.matrixHigh] } },
    series: [
      {
        type: 'heatmap',
        name: TEXTS[report.language].cards,
        data,
        encode: { x: 0, y: 1, value: 2 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        label: { show: true },
      },
    ],
  };
}

/**
 * A poll or survey question as horizontal bars of percentages (categories left out of the base
 * have no bar); null for numbers, which the tables show as n, mean, min and max.
 */
export function figureBlockOption(block: FigureBlock, language: ReportModel['language']): EChartsOption | null {
  const figures = block.figures;
  if (figures.kind !== 'choice' || figures.n === 0) return null;
  const shown = figures.categories.filter((c) => c.percent !== null);
  return {
    animation: false,
    aria: { enabled: true, label: { description: block.question } },
    title: { text: `${block.question} (n = ${figures.n})`, left: 'center', textStyle: { fontSize: 13, width: 560, overflow: 'break' } },
    grid: { left: 16, right: 48, top: 56, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: shown.map((c) => c.label), axisLabel: CATEGORY_LABEL },
    series: [
      {
        type: 'bar',
        name: TEXTS[language].share,
        data: shown.map((c) => c.percent ?? 0),
        itemStyle: { color: COLOURS.votes },
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}

const ROW_HEIGHT = 34;
const MIN_HEIGHT = 220;
/** Leaves room on an A4 page for the heading above the chart. */
const MAX_HEIGHT = 760;
const clampHeight = (height: number, min = MIN_HEIGHT) => Math.min(MAX_HEIGHT, Math.max(min, height));

/** The height (CSS pixels) of a report chart: bar and heatmap charts grow with their rows. Web page and documents alike. */
export function chartHeight(report: ReportModel, kind: ReportChartKind): number {
  if (kind === 'balance') return 320;
  const rows = kind === 'votesPerTheme' ? report.figures.votesPerTheme.length : report.figures.matrix.rows.length;
  return clampHeight(100 + rows * ROW_HEIGHT);
}

/** The height of a figure block's chart: a bar per category in the base. */
export function figureChartHeight(block: FigureBlock): number {
  const bars = block.figures.kind === 'choice' ? block.figures.categories.filter((c) => c.percent !== null).length : 0;
  return clampHeight(90 + bars * ROW_HEIGHT, 160);
}

/** The figures, key figures and quotes of one theme (or of none) in the polls and surveys chapter. */
export interface FigureGroup {
  themeId: string | null;
  label: string | null;
  /** The key figures of the group's questions, shown first. */
  callouts: FigureCallout[];
  blocks: FigureBlock[];
  /** Open answers picked as quotes, shown after the figures. */
  quotes: SurveyQuote[];
}

/**
 * The poll and survey figures and quotes grouped by the theme they relate to: themes in the order
 * of their votes, then themes without votes, then what has no theme (`themeId` null).
 */
export function figureGroups(report: ReportModel): FigureGroup[] {
  const order = new Map(report.figures.votesPerTheme.map((row, i) => [row.themeId, i]));
  const groups = new Map<string, FigureGroup>();
  const groupOf = (themeId: string | null, label: string | null) => {
    const key = themeId ?? '';
    const group = groups.get(key) ?? { themeId, label: themeId === null ? null : (label ?? themeId), callouts: [], blocks: [], quotes: [] };
    groups.set(key, group);
    return group;
  };
  for (const block of report.figureBlocks) {
    const group = groupOf(block.themeId, block.themeLabel);
    group.blocks.push(block);
    group.callouts.push(...block.callouts);
  }
  for (const quote of report.surveyQuotes) groupOf(quote.themeId, quote.themeLabel).quotes.push(quote);
  const rank = (themeId: string) => (themeId === '' ? Number.MAX_SAFE_INTEGER : (order.get(themeId) ?? Number.MAX_SAFE_INTEGER - 1));
  return [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((key) => groups.get(key)!);
}

/** The option of one chart of the report. */
export function chartOption(report: ReportModel, kind: ReportChartKind): EChartsOption {
  if (kind === 'votesPerTheme') return votesPerThemeOption(report);
  if (kind === 'balance') return balanceOption(report);
  return matrixOption(report);
}

/** Whether the chart would show anything. */
export function chartHasData(report: ReportModel, kind: ReportChartKind): boolean {
  const { figures } = report;
  if (kind === 'votesPerTheme') return figures.votesPerTheme.length > 0;
  if (kind === 'balance') return figures.balance.length > 0;
  return figures.matrix.rows.length > 0 && figures.matrix.domains.length > 0;
}
