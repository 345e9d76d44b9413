import { Document, LineRuleType, Packer, PageOrientation } from 'docx';
import type { ReportChartKind } from '../../shared/domain/report/charts.ts';
import { reportTree } from '../../shared/domain/report/markdown.ts';
import type { ReportModel } from '../../shared/domain/report/types.ts';
import { renderFigureChart, renderReportChart, type ChartImage } from './chart-images.ts';
import { docxBlocks } from './docx-blocks.ts';

const A4 = { width: 11906, height: 16838 };
/** 2.5 cm in twips. */
const MARGIN = 1418;
const CHART_KINDS: ReportChartKind[] = ['votesPerTheme', 'matrix', 'balance'];
const COLOURS = { heading: '1F3F5F', quote: '404040' };

const DESCRIPTION = {
  nl: (report: ReportModel) => (report.scope.kind === 'session' ? `Rapportage werksessie ${report.scope.sessionTitle}` : 'Rapportage werksessies'),
  en: (report: ReportModel) => (report.scope.kind === 'session' ? `Report of workshop ${report.scope.sessionTitle}` : 'Report of the workshops'),
};

function styles(language: ReportModel['language']) {
  const heading = (size: number, before: number) => ({ run: { size, bold: true, color: COLOURS.heading }, paragraph: { spacing: { before, after: 120 } } });
  return {
    default: {
      document: {
        run: { font: 'Calibri', size: 22, language: { value: language === 'nl' ? 'nl-NL' : 'en-GB' } },
        // Without an explicit rule LibreOffice reads the line height as exact, and cuts the charts off.
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { size: 44, bold: true, color: COLOURS.heading }, paragraph: { spacing: { after: 240 } } },
      heading1: heading(32, 360),
      heading2: heading(26, 240),
      heading3: heading(23, 200),
    },
    // Word's own "Quote" style id, so the quotes keep its meaning when restyled in Word.
    paragraphStyles: [
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
    description: DESCRIPTION[report.language](report),
    styles: styles(report.language),
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN } } },
        children: docxBlocks(reportTree(report).children, charts),
      },
    ],
  });
  return Packer.toBuffer(document);
}
