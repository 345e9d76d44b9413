import { AlignmentType, HeadingLevel, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AlignType, Blockquote, Heading, List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { ChartImage } from './chart-images.ts';

type Block = Paragraph | Table;
/** Chart images by chart id: a report chart kind, or a figure block's id. */
type Charts = ReadonlyMap<string, ChartImage>;

/** Twips (1/20 pt) of text width on A4 with 2.5 cm margins. */
export const TEXT_WIDTH = 9070;
const LIST_INDENT = 720;
/** Half-points: tables in 10 pt, a size below the text. */
const TABLE_TEXT_SIZE = 20;

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

function heading(node: Heading, charts: Charts): Block[] {
  const level = HEADINGS[node.depth as keyof typeof HEADINGS] ?? HeadingLevel.HEADING_3;
  const chart = node.data?.reportChart ? charts.get(node.data.reportChart) : undefined;
  return [new Paragraph({ heading: level, keepNext: true, children: runs(node.children) }), ...(chart ? [chartParagraph(chart)] : [])];
}

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

/** Column widths in proportion to their longest text, within bounds, filling the text width. */
function columnWidths(node: MdTable): number[] {
  const columns = node.children[0]?.children.length ?? 1;
  const longest = Array.from({ length: columns }, (_, c) => Math.max(...node.children.map((row) => textLength(row.children[c]?.children ?? []))));
  // The constant stands for the cell's padding, which short columns feel most.
  const weights = longest.map((length) => Math.min(40, Math.max(8, length)) + 3);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.floor((TEXT_WIDTH * weight) / total));
}

function textLength(nodes: PhrasingContent[]): number {
  return nodes.reduce((length, node) => length + ('value' in node ? node.value.length : 'children' in node ? textLength(node.children) : 0), 0);
}

/** Header row repeated on every page, numbers right-aligned as in the Markdown. */
function table(node: MdTable): Table {
  const widths = columnWidths(node);
  const align = (i: number) => ALIGN[(node.align?.[i] ?? 'left') as Exclude<AlignType, null>];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
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
                children: [new Paragraph({ alignment: align(c), spacing: { before: 40, after: 40 }, children: runs(cell.children, { bold: r === 0, size: TABLE_TEXT_SIZE }) })],
              }),
          ),
        }),
    ),
  });
}

/** The report's mdast tree as Word blocks, with each chart under the heading that names it. */
export function docxBlocks(nodes: RootContent[], charts: Charts): Block[] {
  return nodes.flatMap((node): Block[] => {
    if (node.type === 'heading') return heading(node, charts);
    if (node.type === 'paragraph') return [new Paragraph({ children: runs(node.children) })];
    if (node.type === 'list') return list(node);
    if (node.type === 'blockquote') return quote(node);
    if (node.type === 'table') return [table(node), new Paragraph({ children: [] })];
    throw new Error(`No DOCX form for the Markdown node ${node.type}`);
  });
}
