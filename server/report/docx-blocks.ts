import { AlignmentType, HeadingLevel, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AlignType, Blockquote, Heading, List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { ChartImage } from './chart-images.ts';

type Block = Paragraph | Table;
/** Blocks that share a page orientation: a table too wide for a portrait page gets a landscape one. */
export interface Segment {
  landscape: boolean;
  blocks: Block[];
}
/** Chart images by chart id: a report chart kind, or a figure block's id. */
type Charts = ReadonlyMap<string, ChartImage>;

/** Twips (1/20 pt) of text width on A4 with 2.5 cm margins, upright and turned. */
export const TEXT_WIDTH = 9070;
export const LANDSCAPE_TEXT_WIDTH = 14002;
/**
 * Twips a character may take at the table's 10 pt (bold headers in a wide fallback font such as
 * DejaVu Sans, where Calibri is missing), and a cell's padding.
 * A column is never narrower than its longest word, so no word is broken over lines.
 */
const CHAR_WIDTH = 150;
const CELL_PADDING = 260;
const LIST_INDENT = 720;
/** Half-points: tables in 10 pt, a size below the text; 9 or 8 pt before a table needs a turned page. */
const TABLE_TEXT_SIZES = [20, 18, 16] as const;
type TableTextSize = (typeof TABLE_TEXT_SIZES)[number];

// The title in Word's Title style; the sections below it in Heading 1 and 2, which the navigation pane lists.
const HEADINGS = { 1: HeadingLevel.TITLE, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/** Text nodes become plain text runs: Word never reads them as fields or markup. */
function runs(nodes: PhrasingContent[], format: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return nodes.flatMap((node): TextRun[] => {
    if (node.type === 'text') return [new TextRun({ text: node.value, ...format })];
    if (node.type === 'strong') return runs(node.children, { ...format, bold: true });
    if (node.type === 'emphasis') return runs(node.children, { ...format, italics: true });
    if (node.type === 'break') return [new TextRun({ break: 1 })];
    throw new Error(`No DOCX form for the Markdown node ${node.type}`);
  });
}

function chartParagraph(chart: ChartImage): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width: chart.width, height: chart.height },
        altText: { name: chart.kind, title: chart.title, description: chart.title },
      }),
    ],
  });
}

/** Chapter and section numbers ("2", "2.3") of the headings, counted as they come. */
interface Numbering {
  chapter: number;
  section: number;
}

function numberOf(depth: number, counter: Numbering): string | null {
  if (depth === 2) {
    counter.chapter += 1;
    counter.section = 0;
    return `${counter.chapter}`;
  }
  if (depth === 3 && counter.chapter > 0) {
    counter.section += 1;
    return `${counter.chapter}.${counter.section}`;
  }
  return null;
}

function heading(node: Heading, charts: Charts, counter: Numbering): Block[] {
  const level = HEADINGS[node.depth as keyof typeof HEADINGS] ?? HeadingLevel.HEADING_3;
  const chart = node.data?.reportChart ? charts.get(node.data.reportChart) : undefined;
  const number = numberOf(node.depth, counter);
  const children = [...(number ? [new TextRun({ text: `${number}\t` })] : []), ...runs(node.children)];
  // Keep with next: a heading never ends a page alone. Chapters start on a page of their own.
  const paragraph = new Paragraph({ heading: level, keepNext: true, keepLines: true, pageBreakBefore: node.depth === 2, tabStops: NUMBER_TAB, children });
  headingParagraphs.add(paragraph);
  return [paragraph, ...(chart ? [chartParagraph(chart)] : [])];
}

/** The tab after a heading's number lines the titles up. */
const NUMBER_TAB = [{ type: 'left' as const, position: 794 }];

/** Bullets by nesting level; an item's later paragraphs line up with its text. */
function list(node: List, level = 0): Paragraph[] {
  return node.children.flatMap((item) =>
    item.children.flatMap((child, index): Paragraph[] => {
      if (child.type === 'list') return list(child, level + 1);
      if (child.type !== 'paragraph') throw new Error(`No DOCX form for ${child.type} in a list`);
      if (index === 0) return [new Paragraph({ bullet: { level }, children: runs(child.children) })];
      return [new Paragraph({ indent: { left: LIST_INDENT * (level + 1) }, children: runs(child.children) })];
    }),
  );
}

function quote(node: Blockquote): Paragraph[] {
  return node.children.map((child) => {
    if (child.type !== 'paragraph') throw new Error(`No DOCX form for ${child.type} in a quote`);
    return new Paragraph({ style: 'Quote', children: runs(child.children) });
  });
}

const cellText = (nodes: PhrasingContent[]): string =>
  nodes.map((node) => ('value' in node ? node.value : 'children' in node ? cellText(node.children) : '')).join('');

/** Per column: the longest word (no narrower) and the longest text (what it would like). */
function columnNeeds(node: MdTable, size: TableTextSize): { least: number; wish: number }[] {
  const char = (CHAR_WIDTH * size) / TABLE_TEXT_SIZES[0];
  const columns = node.children[0]?.children.length ?? 1;
  return Array.from({ length: columns }, (_, c) => {
    const texts = node.children.map((row) => cellText(row.children[c]?.children ?? []));
    // Lines break at spaces, not at no-break spaces ("20\u00a0november\u00a02025" is one word here).
    const word = Math.max(1, ...texts.flatMap((t) => t.split(/[ \t\r\n]+/).map((w) => w.length)));
    const whole = Math.max(1, ...texts.map((t) => t.length));
    return { least: word * char + CELL_PADDING, wish: Math.min(40, Math.max(8, whole)) * char + CELL_PADDING };
  });
}

const fits = (node: MdTable, size: TableTextSize, width: number): boolean => columnNeeds(node, size).reduce((sum, n) => sum + n.least, 0) <= width;

/**
 * How a table is set: upright at the largest size its words fit, else on a turned page, else
 * (wider than even that) turned at the smallest size.
 */
export function tableLayout(node: MdTable): { landscape: boolean; size: TableTextSize } {
  for (const size of TABLE_TEXT_SIZES) if (fits(node, size, TEXT_WIDTH)) return { landscape: false, size };
  for (const size of TABLE_TEXT_SIZES) if (fits(node, size, LANDSCAPE_TEXT_WIDTH)) return { landscape: true, size };
  return { landscape: true, size: TABLE_TEXT_SIZES.at(-1)! };
}

/**
 * Column widths filling `width`: every column gets its longest word, the rest is shared in
 * proportion to what the columns would like beyond that.
 */
function columnWidths(node: MdTable, width: number, size: TableTextSize): number[] {
  const needs = columnNeeds(node, size);
  const least = needs.reduce((sum, n) => sum + n.least, 0);
  const spare = Math.max(0, width - least);
  const extra = needs.map((n) => Math.max(0, n.wish - n.least));
  const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
  const widths = needs.map((n, i) => n.least + (spare * extra[i]!) / extraTotal);
  // Wider than the page even so: shrink alike (words may then break, which a landscape page avoids).
  const scale = Math.min(1, width / widths.reduce((a, b) => a + b, 0));
  return widths.map((w) => Math.floor(w * scale));
}

/** Header row repeated on every page, numbers right-aligned as in the Markdown. */
function table(node: MdTable): Table {
  const { landscape, size } = tableLayout(node);
  const width = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const widths = columnWidths(node, width, size);
  const align = (i: number) => ALIGN[(node.align?.[i] ?? 'left') as Exclude<AlignType, null>];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    rows: node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.children.map(
            (cell, c) =>
              new TableCell({
                width: { size: widths[c] ?? 0, type: WidthType.DXA },
                shading: r === 0 ? { type: ShadingType.CLEAR, fill: 'E8EEF4', color: 'auto' } : undefined,
                children: [new Paragraph({ alignment: align(c), spacing: { before: 40, after: 40 }, children: runs(cell.children, { bold: r === 0, size }) })],
              }),
          ),
        }),
    ),
  });
}

/**
 * The report's mdast tree as Word blocks, with each chart under the heading that names it and the
 * chapters numbered. A table whose words do not fit an upright page gets a landscape page of its
 * own, with the heading and text just before it (so they stay together).
 */
export function docxSegments(nodes: RootContent[], charts: Charts): Segment[] {
  const counter: Numbering = { chapter: 0, section: 0 };
  const segments: Segment[] = [{ landscape: false, blocks: [] }];
  let lead: Block[] = [];
  for (const node of nodes) {
    const current = segments.at(-1)!;
    if (node.type === 'table' && tableLayout(node).landscape) {
      segments.push({ landscape: true, blocks: [...lead, table(node), new Paragraph({ children: [] })] }, { landscape: false, blocks: [] });
      current.blocks.splice(current.blocks.length - lead.length, lead.length);
      lead = [];
      continue;
    }
    const blocks = docxBlock(node, charts, counter);
    current.blocks.push(...blocks);
    // What introduces a table: a heading with the paragraphs after it, or else the one paragraph just before it.
    if (node.type === 'heading') lead = blocks;
    else if (node.type === 'paragraph') lead = headed(lead) ? [...lead, ...blocks] : blocks;
    else lead = [];
  }
  return segments.filter((s) => s.blocks.length > 0);
}

const headed = (blocks: Block[]): boolean => blocks[0] instanceof Paragraph && headingParagraphs.has(blocks[0]);
/** The paragraphs made for headings, to tell them from text. */
const headingParagraphs = new WeakSet<Paragraph>();

/** Half-points: a key figure's number at 28 pt, its sentence at 12 pt; the number in the headings' colour. */
const CALLOUT_SIZES = { value: 56, text: 24 } as const;
const CALLOUT_COLOUR = '1F3F5F';

/** A key figure: the number large and bold, the sentence beside it, kept together with what follows. */
function callout(parts: { value: string; text: string }): Paragraph {
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    spacing: { before: 160, after: 160 },
    children: [
      new TextRun({ text: parts.value, bold: true, size: CALLOUT_SIZES.value, color: CALLOUT_COLOUR }),
      new TextRun({ text: ` ${parts.text}`, size: CALLOUT_SIZES.text }),
    ],
  });
}

function docxBlock(node: RootContent, charts: Charts, counter: Numbering): Block[] {
  if (node.type === 'heading') return heading(node, charts, counter);
  if (node.type === 'paragraph' && node.data?.reportCallout) return [callout(node.data.reportCallout)];
  if (node.type === 'paragraph') return [new Paragraph({ children: runs(node.children) })];
  if (node.type === 'list') return list(node);
  if (node.type === 'blockquote') return quote(node);
  if (node.type === 'table') return [table(node), new Paragraph({ children: [] })];
  throw new Error(`No DOCX form for the Markdown node ${node.type}`);
}

/** The blocks of all segments, for callers that want one flow. */
export const docxBlocks = (nodes: RootContent[], charts: Charts): Block[] => docxSegments(nodes, charts).flatMap((s) => s.blocks);
