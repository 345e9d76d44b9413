import type { AlignType, BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { chartTitle, figureGroups, type ReportChartKind } from './charts.ts';
import { answerTable, breakdownTable, type TextTable } from './figure-tables.ts';
import { REPORT_TEXTS as TEXTS, type ReportTexts as Texts } from './texts.ts';
import type { Figures as QuestionFigures } from '../figures.ts';
import type { CardItem, FigureBlock, DomainSection, Lesson, ParticipantCounts, ReportModel, ThemeFinding } from './types.ts';

declare module 'mdast' {
  interface HeadingData {
    /** The chart that formats able to show images put under this heading. */
    reportChart?: ReportChartKind | string;
  }
}


// Text from cards and forms: one line, no control characters, no broken surrogate pairs (they make a DOCX unreadable).
const UNSAFE_CHARS = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (value: string) => value.replace(/\s+/g, ' ').replace(UNSAFE_CHARS, '').trim();

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

/** "2025-11-20" as "20 november 2025"; anything else as given. */
function formatDate(value: string | number, t: Texts): string {
  const format = (ms: number, timeZone: string) => new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(ms);
  if (typeof value === 'number') return format(value, 'Europe/Amsterdam');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), 'UTC') : value;
}

function introduction(report: ReportModel, t: Texts): RootContent[] {
  const { purpose, questions, method } = report.introduction;
  const sessions = method.sessions.map((s) => [s.title, formatDate(s.date, t), t.mode[s.mode], s.domains.join(', '), String(s.participants), String(s.calls)]);
  return [
    heading(2, t.introduction),
    heading(3, t.purpose),
    paragraph(text(purpose)),
    heading(3, t.questions),
    bullets(questions),
    heading(3, t.method),
    paragraph(text(`${t.methodText(method.sessions.length, method.physical, method.digital, method.participants)} ${t.verifiedText(method.providersVerified)}`)),
    ...(sessions.length ? [table(['left', 'left', 'left', 'left', 'right', 'right'], [...t.sessionColumns], sessions)] : []),
  ];
}

function cardList(cards: CardItem[], t: Texts): BlockContent {
  if (!cards.length) return paragraph(text(t.noCards));
  const meta = (card: CardItem) => [card.themeLabel, t.votes(card.votes), card.fromFollowUp ? t.fromFollowUp : ''].filter(Boolean).join('; ');
  return list(cards.map((card) => item(paragraph(text(card.text), glue(' '), emphasis(`(${meta(card)})`)))));
}

function findingItem(finding: ThemeFinding, t: Texts): ListItem {
  const v = finding.verification;
  const verification = v.summary === null ? t.notVerified : `${v.summary} (${t.verdicts(v.herkend, v.deels, v.niet_herkend)})`;
  return item(paragraph(strong(finding.label), glue(': '), text(finding.finding)), paragraph(emphasis(verification)));
}

function domainSection(section: DomainSection, t: Texts): RootContent[] {
  return [
    heading(2, section.domain),
    heading(3, t.generalPicture),
    paragraph(text(section.generalPicture)),
    paragraph(emphasis(t.basedOn(section.sessions.join(', ')))),
    heading(3, t.wentWell),
    cardList(section.wentWell, t),
    heading(3, t.toImprove),
    cardList(section.toImprove, t),
    heading(3, t.improvements),
    section.improvements.length ? list(section.improvements.map((finding) => findingItem(finding, t))) : paragraph(text(t.noFindings)),
    heading(3, t.quotes),
    ...(section.quotes.length
      ? section.quotes.map((quote): RootContent => ({
          type: 'blockquote',
          children: [paragraph(text(`“${clean(quote.text)}”`), { type: 'break' }, text(`— ${quote.attribution}`))],
        }))
      : [paragraph(text(t.noQuotes))]),
  ];
}

function lessons(report: ReportModel, t: Texts): RootContent[] {
  const lesson = (l: Lesson) =>
    item(
      paragraph(strong(l.label), glue(` — ${clean(t.playsIn(l.domains.join(', ')))} (${t.cards(l.cards)}, ${t.votes(l.votes)})`)),
      ...(l.findings.length ? [bullets(l.findings)] : []),
    );
  return [heading(2, t.lessons), report.lessons.length ? list(report.lessons.map(lesson)) : paragraph(text(t.noLessons))];
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

/** The breakdown of a question, with the note on small groups when one is flagged. */
function breakdownContent(block: FigureBlock, report: ReportModel, t: Texts): BlockContent[] {
  const breakdown = breakdownTable(block, report.figureRules, report.language);
  if (!breakdown || !block.breakdown) return [];
  return [
    paragraph(strong(t.breakdown(block.breakdown.attribute))),
    textTable(breakdown),
    ...(breakdown.flagged ? [paragraph(emphasis(t.smallGroupNote(report.figureRules.smallGroup)))] : []),
  ];
}

/** Poll and survey figures, grouped by the theme they relate to (themes in the order of their votes). */
function figureBlocks(report: ReportModel, t: Texts): RootContent[] {
  if (report.figureBlocks.length === 0) return [];
  return [
    heading(2, t.pollsAndSurveys),
    paragraph(text(t.roundingNote(report.figureRules.rounding))),
    ...figureGroups(report).flatMap((group) => [
      heading(3, group.label ?? t.withoutTheme),
      ...group.blocks.flatMap((block): RootContent[] => [
        heading(4, block.question, block.figures.kind === 'choice' && block.figures.n > 0 ? block.id : undefined),
        paragraph(emphasis(block.source.kind === 'poll' ? t.pollIn(block.source.session) : t.surveyFrom(block.source.survey))),
        ...figureContent(block.figures, report, t),
        ...breakdownContent(block, report, t),
      ]),
    ]),
  ];
}

function appendix(report: ReportModel, t: Texts): RootContent[] {
  return [
    heading(2, t.appendix),
    ...report.appendix.sessions.flatMap((s) => [heading(3, `${s.title} (${formatDate(s.date, t)}, ${t.mode[s.mode]})`), participantList(s, t)]),
    heading(3, t.followUp),
    participantList(report.appendix.followUp, t),
  ];
}

/**
 * The report as an mdast tree: the one structure that both the Markdown and the DOCX render.
 * User text sits in text nodes only, so each format escapes it its own way. Headings that a
 * chart belongs under carry `data.reportChart`.
 */
/** The lines under the title: which session (for a one-session report) and the day it was made. */
export function reportLead(report: ReportModel): string[] {
  const t = TEXTS[report.language];
  const lead = [report.scope.kind === 'session' ? t.sessionScope(report.scope.sessionTitle) : null, t.generatedOn(formatDate(report.generatedAt, t))];
  return lead.filter((line) => line !== null);
}

/** The chapters of the report, without its title and lead (the DOCX puts those on a cover page). */
export function reportBody(report: ReportModel): RootContent[] {
  const t = TEXTS[report.language];
  return [
    ...introduction(report, t),
    ...report.domains.flatMap((section) => domainSection(section, t)),
    ...lessons(report, t),
    ...figureBlocks(report, t),
    ...figures(report, t),
    ...appendix(report, t),
  ];
}

export function reportTree(report: ReportModel): Root {
  return { type: 'root', children: [heading(1, report.title), ...reportLead(report).map((line) => paragraph(text(line))), ...reportBody(report)] };
}

/** A date as the report writes it: "20 november 2025". */
export const reportDate = (report: ReportModel, value: string | number): string => formatDate(value, TEXTS[report.language]);

/** The report as GitHub-flavoured Markdown; card text is escaped so it cannot add headings, links or HTML. */
export function renderMarkdown(report: ReportModel): string {
  return toMarkdown(reportTree(report), { extensions: [gfmTableToMarkdown()], bullet: '-', emphasis: '_' });
}
