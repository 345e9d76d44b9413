import type { AlignType, BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { chartTitle, figureGroups, type ReportChartKind } from './charts.ts';
import { answerTable, breakdownTables, type TextTable } from './figure-tables.ts';
import { formatDate as formatDay } from '../dates.ts';
import { REPORT_TEXTS as TEXTS, type ReportTexts as Texts } from './texts.ts';
import type { Figures as QuestionFigures } from '../figures.ts';
import { quoted } from './outline/index.ts';
import { separator } from './outline/section-text.ts';
import type { OutlineBlock, OutlineChapter, OutlineSection, ReportOutline, Sentence } from './outline/types.ts';
import type { FigureBlock, FigureCallout, ParticipantCounts, ReportModel, SurveyQuote } from './types.ts';

declare module 'mdast' {
  interface HeadingData {
    /** The chart that formats able to show images put under this heading. */
    reportChart?: ReportChartKind | string;
  }
  interface ParagraphData {
    /** A key figure: formats that can set it large (the DOCX) do, from these parts; Markdown shows the bold line. */
    reportCallout?: { value: string; text: string };
  }
}


// Text from cards and forms: one line, no control characters, no broken surrogate pairs (they make a DOCX unreadable).
// Runs of breakable white space become one space; a no-break space stays, where the report sets one on purpose.
const UNSAFE_CHARS = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (value: string) => value.replace(/[^\S\u00a0]+/g, ' ').replace(UNSAFE_CHARS, '').trim();

const text = (value: string): PhrasingContent => ({ type: 'text', value: clean(value) });
/** Our own separators, kept as they are (a trimmed space would glue words together). */
const glue = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3 | 4, value: string, reportChart?: string): Heading =>
  reportChart ? { type: 'heading', depth, children: [text(value)], data: { reportChart } } : { type: 'heading', depth, children: [text(value)] };
const item = (...children: (Paragraph | List)[]): ListItem => ({ type: 'listItem', spread: false, children });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
const bullets = (lines: string[]) => list(lines.map((line) => item(paragraph(text(line)))));

/** A GFM table; numbers right-aligned. */
function table(align: AlignType[], header: string[], rows: string[][]): Table {
  const row = (cells: string[]) => ({ type: 'tableRow' as const, children: cells.map((cell) => ({ type: 'tableCell' as const, children: [text(cell)] })) });
  return { type: 'table', align, children: [row(header), ...rows.map(row)] };
}

/** "2025-11-20" as "20 november 2025"; a timestamp as its day in the Netherlands; anything else as given. */
const formatDate = (value: string | number, t: Texts): string => formatDay(value, t.language, { timeZone: 'Europe/Amsterdam' });

/** A sentence run of a paragraph: bold where the draft's lead or the analyst's `**…**` says so. */
const run = (s: Sentence): PhrasingContent => (s.bold ? strong(s.text) : text(s.text));
/**
 * Between two runs: a space where the text had one (the analyst's "Een **vet** woord" keeps its
 * spaces in the runs, and `text` trims them away), else what `separator` says.
 */
const between = (before: Sentence, after: Sentence): string => (/\s$/.test(before.text) || /^\s/.test(after.text) ? ' ' : separator(before, after));
function sentences(items: Sentence[]): PhrasingContent[] {
  return items.flatMap((s, i) => {
    const before = i === 0 ? '' : between(items[i - 1]!, s);
    return before ? [glue(before), run(s)] : [run(s)];
  });
}

/** An outline block as Markdown: paragraphs, lists, and quotes in the study's house style. */
function outlineBlock(block: OutlineBlock, style: ReportOutline['quoteStyle']): BlockContent {
  if (block.kind === 'paragraph') return paragraph(...sentences(block.sentences));
  if (block.kind === 'list') return list(block.items.map((s) => item(paragraph(...sentences([s])))));
  return { type: 'blockquote', children: [paragraph(text(quoted(block.text, style)), { type: 'break' }, text(`— ${block.attribution}`))] };
}

/** A section under its heading; left out when it holds nothing (an analyst who emptied it means: not in the report). */
function outlineSection(section: OutlineSection, style: ReportOutline['quoteStyle'], depth: 2 | 3, extra: RootContent[] = []): RootContent[] {
  if (section.blocks.length === 0 && extra.length === 0) return [];
  return [heading(depth, section.title), ...section.blocks.map((block) => outlineBlock(block, style)), ...extra];
}

function introduction(report: ReportModel, t: Texts): RootContent[] {
  const { method } = report.introduction;
  const { outline } = report;
  // A date in a table cell stays on one line: its spaces are no-break spaces.
  const sessions = method.sessions.map((s) => [s.title, formatDate(s.date, t).replace(/ /g, '\u00a0'), t.mode[s.mode], s.domains.join(', '), String(s.participants), String(s.calls)]);
  const sessionTable: RootContent[] = sessions.length ? [table(['left', 'left', 'left', 'left', 'right', 'right'], [...t.sessionColumns], sessions)] : [];
  return [
    heading(2, t.introduction),
    ...outline.introduction.flatMap((section) => outlineSection(section, outline.quoteStyle, 3, section.part === 'method' ? sessionTable : [])),
  ];
}

function chapter(chapter: OutlineChapter, style: ReportOutline['quoteStyle']): RootContent[] {
  return [heading(2, chapter.title), ...chapter.sections.flatMap((section) => outlineSection(section, style, 3))];
}

function lessons(report: ReportModel, t: Texts): RootContent[] {
  const { lessons: section, quoteStyle } = report.outline;
  return [heading(2, section.title), ...(section.blocks.length ? section.blocks.map((block) => outlineBlock(block, quoteStyle)) : [paragraph(text(t.noLessons))])];
}

function figures(report: ReportModel, t: Texts): RootContent[] {
  const { votesPerTheme, matrix, balance } = report.figures;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const pair = (cards: number, votes: number) => `${cards} (${votes})`;
  const cellOf = (cells: Record<string, { cards: number; votes: number }>, domain: string) =>
    (Object.hasOwn(cells, domain) ? cells[domain] : undefined) ?? { cards: 0, votes: 0 };
  const matrixRows = matrix.rows.map((row) => {
    const cells = matrix.domains.map((domain) => cellOf(row.cells, domain));
    return [row.label, ...cells.map((c) => pair(c.cards, c.votes)), pair(sum(cells.map((c) => c.cards)), sum(cells.map((c) => c.votes)))];
  });
  const columnTotals = matrix.domains.map((domain) => matrix.rows.map((row) => cellOf(row.cells, domain)));
  const allCells = columnTotals.flat();
  const section = (kind: ReportChartKind, hasRows: boolean, content: BlockContent[]): RootContent[] => [
    heading(3, chartTitle(kind, report.language), hasRows ? kind : undefined),
    ...(hasRows ? content : [paragraph(text(t.noData))]),
  ];
  return [
    heading(2, t.figures),
    ...section('votesPerTheme', votesPerTheme.length > 0, [
      table(['left', 'right', 'right'], [t.theme, t.cardsColumn, t.votesColumn], [
        ...votesPerTheme.map((row) => [row.label, String(row.cards), String(row.votes)]),
        [t.total, String(sum(votesPerTheme.map((row) => row.cards))), String(sum(votesPerTheme.map((row) => row.votes)))],
      ]),
    ]),
    ...section('matrix', matrix.rows.length > 0 && matrix.domains.length > 0, [
      paragraph(emphasis(t.matrixNote)),
      table(['left', ...matrix.domains.map((): AlignType => 'right'), 'right'], [t.theme, ...matrix.domains, t.total], [
        ...matrixRows,
        [t.total, ...columnTotals.map((cells) => pair(sum(cells.map((c) => c.cards)), sum(cells.map((c) => c.votes)))), pair(sum(allCells.map((c) => c.cards)), sum(allCells.map((c) => c.votes)))],
      ]),
    ]),
    ...section('balance', balance.length > 0, [
      table(['left', 'right', 'right', 'right'], [t.domain, t.wentWellColumn, t.toImproveColumn, t.total], [
        ...balance.map((row) => [row.domain, String(row.wentWell), String(row.toImprove), String(row.wentWell + row.toImprove)]),
        [t.total, String(sum(balance.map((row) => row.wentWell))), String(sum(balance.map((row) => row.toImprove))), String(sum(balance.map((row) => row.wentWell + row.toImprove)))],
      ]),
    ]),
  ];
}

/** Counts of one group of people; names only from `named`, the people who consented. */
function participantList(counts: ParticipantCounts, t: Texts): List {
  const parts = <K extends string>(values: Record<K, number>, labels: Record<K, string>) =>
    (Object.keys(labels) as K[]).filter((key) => key !== 'onbekend' || values[key] > 0).map((key) => `${values[key]} ${labels[key]}`).join(', ');
  const regions = Object.entries(counts.regions)
    .sort(([a, x], [b, y]) => Number(a === 'onbekend') - Number(b === 'onbekend') || y - x || a.localeCompare(b, t.locale))
    .map(([region, n]) => `${region === 'onbekend' ? t.scopes.onbekend : region} ${n}`);
  return bullets([
    `${t.people}: ${counts.count}`,
    `${t.scope}: ${parts(counts.scope, t.scopes)}`,
    `${t.size}: ${parts(counts.size, t.sizes)}`,
    `${t.regions}: ${regions.join(', ') || '–'}`,
    `${t.named}: ${counts.named.join('; ') || t.nobody}`,
  ]);
}

const textTable = (t: TextTable): Table => table(t.align, t.header, t.rows);

/** A figure block's table (choice) or line (numbers), with its n. */
function figureContent(figures: QuestionFigures, report: ReportModel, t: Texts): BlockContent[] {
  if (figures.kind === 'number') return [paragraph(text(t.numberLine(figures.n, figures.mean, figures.min, figures.max)))];
  return [
    textTable(answerTable(figures, report.language)),
    paragraph(text([t.nLine(figures.n, figures.answered), figures.mean === null ? '' : t.meanLine(figures.mean)].filter(Boolean).join(' · '))),
  ];
}

/** The breakdowns of a question, each with the note on small groups when one is flagged. */
function breakdownContent(block: FigureBlock, report: ReportModel, t: Texts): BlockContent[] {
  return breakdownTables(block, report.figureRules, report.language).flatMap(({ attribute, table }) => [
    paragraph(strong(t.breakdown(attribute))),
    textTable(table),
    ...(table.flagged ? [paragraph(emphasis(t.smallGroupNote(report.figureRules.smallGroup)))] : []),
  ]);
}

/** A key figure as one bold line ("**39 % antwoordde ‘ja’ ...**"); the DOCX sets the number large. */
const calloutParagraph = (callout: FigureCallout): Paragraph => ({
  ...paragraph(strong(`${callout.value} ${callout.text}`)),
  data: { reportCallout: { value: clean(callout.value), text: clean(callout.text) } },
});

/** An open answer as a quote in the study's house style, attributed without the respondent's attributes. */
const surveyQuote = (quote: SurveyQuote, style: ReportOutline['quoteStyle']): RootContent => ({
  type: 'blockquote',
  children: [paragraph(text(quoted(clean(quote.text), style)), { type: 'break' }, text(`— ${quote.attribution}`))],
});

/** Poll and survey figures, grouped by the theme they relate to (themes in the order of their votes): key figures first, quotes last. */
function figureBlocks(report: ReportModel, t: Texts): RootContent[] {
  if (report.figureBlocks.length === 0 && report.surveyQuotes.length === 0) return [];
  return [
    heading(2, t.pollsAndSurveys),
    paragraph(text(t.roundingNote(report.figureRules.rounding))),
    ...figureGroups(report).flatMap((group) => [
      heading(3, group.label ?? t.withoutTheme),
      ...group.callouts.map(calloutParagraph),
      ...group.blocks.flatMap((block): RootContent[] => [
        heading(4, block.question, block.figures.kind === 'choice' && block.figures.n > 0 ? block.id : undefined),
        paragraph(emphasis(block.source.kind === 'poll' ? t.pollIn(block.source.session) : t.surveyFrom(block.source.survey))),
        ...figureContent(block.figures, report, t),
        ...breakdownContent(block, report, t),
      ]),
      ...(group.quotes.length ? [paragraph(strong(t.surveyQuotes)), ...group.quotes.map((quote) => surveyQuote(quote, report.outline.quoteStyle))] : []),
    ]),
  ];
}

function appendix(report: ReportModel, t: Texts): RootContent[] {
  const { appendix: section, quoteStyle } = report.outline;
  return [
    heading(2, section.title),
    ...section.blocks.map((block) => outlineBlock(block, quoteStyle)),
    ...report.appendix.sessions.flatMap((s) => [heading(3, `${s.title} (${formatDate(s.date, t)}, ${t.mode[s.mode]})`), participantList(s, t)]),
    heading(3, t.followUp),
    participantList(report.appendix.followUp, t),
  ];
}

/** The lines under the title: which session (for a one-session report), client, author, and the report's date. */
export function reportLead(report: ReportModel): string[] {
  const t = TEXTS[report.language];
  const { client, author, date } = report.outline.cover;
  const lead = [
    report.scope.kind === 'session' ? t.sessionScope(report.scope.sessionTitle) : null,
    client ? t.clientLine(client) : null,
    author ? t.authorLine(author) : null,
    // The analyst's date for the report; without one, the day it was made.
    date ? formatDate(date, t) : t.generatedOn(formatDate(report.generatedAt, t)),
  ];
  return lead.filter((line) => line !== null);
}

/** The chapters of the report, without its title and lead (the DOCX puts those on a cover page). */
export function reportBody(report: ReportModel): RootContent[] {
  const t = TEXTS[report.language];
  return [
    ...introduction(report, t),
    ...report.outline.chapters.flatMap((c) => chapter(c, report.outline.quoteStyle)),
    ...lessons(report, t),
    ...figureBlocks(report, t),
    ...figures(report, t),
    ...appendix(report, t),
  ];
}

/**
 * The report as an mdast tree: the one structure that both the Markdown and the DOCX render.
 * User text sits in text nodes only, so each format escapes it its own way. Headings that a
 * chart belongs under carry `data.reportChart`.
 */
export function reportTree(report: ReportModel): Root {
  return { type: 'root', children: [heading(1, report.title), ...reportLead(report).map((line) => paragraph(text(line))), ...reportBody(report)] };
}

/** A date as the report writes it: "20 november 2025". */
export const reportDate = (report: ReportModel, value: string | number): string => formatDate(value, TEXTS[report.language]);

/** The report as GitHub-flavoured Markdown; card text is escaped so it cannot add headings, links or HTML. */
export function renderMarkdown(report: ReportModel): string {
  return toMarkdown(reportTree(report), { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_' });
}
