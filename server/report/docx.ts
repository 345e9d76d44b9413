import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  TableOfContents,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import type { ReportChartKind } from '../../shared/domain/report/charts.ts';
import { reportBody, reportLead } from '../../shared/domain/report/markdown.ts';
import { REPORT_TEXTS } from '../../shared/domain/report/texts.ts';
import type { ReportModel } from '../../shared/domain/report/types.ts';
import { renderFigureChart, renderReportChart, type ChartImage } from './chart-images.ts';
import { docxSegments, type Segment } from './docx-blocks.ts';

const A4 = { width: 11906, height: 16838 };
/** 2.5 cm in twips. */
const MARGIN = 1418;
const CHART_KINDS: ReportChartKind[] = ['votesPerTheme', 'matrix', 'balance'];
const COLOURS = { heading: '1F3F5F', quote: '404040', quiet: '6B7785' };

const description = (report: ReportModel): string =>
  REPORT_TEXTS[report.language].documentKind(report.scope.kind === 'session' ? report.scope.sessionTitle : null);

/** The cover: title, what the document is, and its lead lines (scope, date). Then a page break. */
function cover(report: ReportModel): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 3600 }, children: [] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
    new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: description(report), size: 30, color: COLOURS.heading })] }),
    ...reportLead(report).map((line) => new Paragraph({ children: [new TextRun({ text: line, color: COLOURS.quiet })] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The contents: chapters and their sections, with page numbers worked out as the document is written. */
function contents(report: ReportModel): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ style: 'ContentsHeading', children: [new TextRun(REPORT_TEXTS[report.language].contents)] }),
    // No page break after it: the first chapter starts on a new page, as every chapter does.
    new TableOfContents(REPORT_TEXTS[report.language].contents, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

const small = { size: 18, color: COLOURS.quiet };

/** Every page but the cover: the title above, "Pagina 3 van 12" below. */
function pageFrame(report: ReportModel) {
  const [before, middle] = REPORT_TEXTS[report.language].pageOf;
  const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: report.title, ...small })] })] });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: before, ...small }),
          new TextRun({ children: [PageNumber.CURRENT], ...small }),
          new TextRun({ text: middle, ...small }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], ...small }),
        ],
      }),
    ],
  });
  return { headers: { default: header, first: new Header({ children: [new Paragraph({ children: [] })] }) }, footers: { default: footer, first: new Footer({ children: [new Paragraph({ children: [] })] }) } };
}

function page(landscape: boolean) {
  // docx turns the page itself for a landscape orientation: the size is given upright.
  const size = { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT };
  return { size, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN } };
}

/**
 * One section for the cover and contents (no header or footer on the cover), then one per run of
 * pages of one orientation; page numbers run on through all of them.
 */
function sections(report: ReportModel, segments: Segment[]): ISectionOptions[] {
  const frame = pageFrame(report);
  const [first, ...rest] = segments;
  return [
    {
      properties: { titlePage: true, page: page(false) },
      ...frame,
      children: [...cover(report), ...contents(report), ...(first && !first.landscape ? first.blocks : [])],
    },
    ...(first?.landscape ? [first, ...rest] : rest).map((segment) => ({
      properties: { page: page(segment.landscape) },
      headers: { default: frame.headers.default },
      footers: { default: frame.footers.default },
      children: segment.blocks,
    })),
  ];
}

function styles(language: ReportModel['language']) {
  const heading = (size: number, before: number) => ({ run: { size, bold: true, color: COLOURS.heading }, paragraph: { spacing: { before, after: 120 } } });
  return {
    default: {
      document: {
        run: { font: 'Calibri', size: 22, language: { value: language === 'nl' ? 'nl-NL' : 'en-GB' } },
        // Without an explicit rule LibreOffice reads the line height as exact, and cuts the charts off.
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { size: 56, bold: true, color: COLOURS.heading }, paragraph: { spacing: { after: 240 } } },
      heading1: heading(32, 360),
      heading2: heading(26, 240),
      heading3: heading(23, 200),
    },
    // Word's own "Quote" style id, so the quotes keep its meaning when restyled in Word.
    paragraphStyles: [
      {
        id: 'ContentsHeading',
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 32, bold: true, color: COLOURS.heading },
        paragraph: { spacing: { before: 0, after: 240 } },
      },
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: COLOURS.quote },
        paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 120, after: 160 } },
      },
    ],
  };
}

/** The report as a Word document (A4), with the figures as tables and the charts as PNG images. */
export async function renderDocx(report: ReportModel): Promise<Buffer> {
  const charts = new Map<string, ChartImage>();
  for (const kind of CHART_KINDS) {
    const chart = renderReportChart(report, kind);
    if (chart) charts.set(kind, chart);
  }
  for (const block of report.figureBlocks) {
    const chart = renderFigureChart(block, report.language);
    if (chart) charts.set(block.id, chart);
  }
  const document = new Document({
    title: report.title,
    creator: 'Werksessie',
    lastModifiedBy: 'Werksessie',
    description: description(report),
    styles: styles(report.language),
    // Writes the contents' page numbers from a layout of the pages, so they are there without Word updating fields.
    pageNumbers: estimatePageNumbers,
    sections: sections(report, docxSegments(reportBody(report), charts)),
  });
  return Packer.toBuffer(document);
}
