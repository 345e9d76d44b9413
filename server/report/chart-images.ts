import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import '../../shared/charts/zrender-guard.ts';
import type { EChartsOption } from 'echarts';
import { chartHasData, chartHeight, chartOption, chartTitle, figureBlockOption, figureChartHeight, type ReportChartKind } from '../../shared/domain/report/charts.ts';
import type { FigureBlock, ReportModel } from '../../shared/domain/report/types.ts';

/** Size in CSS pixels (96 per inch), which is also how the DOCX places the image. */
export interface ChartSize {
  width: number;
  height: number;
}

export interface ChartImage extends ChartSize {
  /** A report chart kind, or the id of the figure block it shows. */
  kind: ReportChartKind | string;
  title: string;
  svg: string;
  png: Buffer;
}

/** The text width of an A4 page with 2.5 cm margins is 16 cm, about 605 px. */
export const CHART_WIDTH = 600;
/** PNG pixels per CSS pixel, so the charts stay sharp when printed. */
const PNG_SCALE = 2;

const require = createRequire(import.meta.url);
/*
 * A bare server has no system fonts; without a font resvg draws no text at all. The condensed
 * face is close in width to the metrics echarts assumes when it lays out text without a canvas.
 */
const FONT_FAMILY = 'DejaVu Sans Condensed';
const FONT_FILES = ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

/** The size of a report's chart: the page width, and the height the web page uses too. */
export function chartSize(report: ReportModel, kind: ReportChartKind): ChartSize {
  return { width: CHART_WIDTH, height: chartHeight(report, kind) };
}

/** Draws an ECharts option as SVG with echarts' server-side renderer (no DOM, no canvas). */
export function renderChartSvg(option: EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Rasterises an SVG to PNG on a white background, `width` pixels wide. */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** The chart of a poll or survey question (bars of percentages); null for numbers or no answers. */
export function renderFigureChart(block: FigureBlock, language: ReportModel['language']): ChartImage | null {
  const option = figureBlockOption(block, language);
  if (!option || block.figures.kind !== 'choice') return null;
  const size = { width: CHART_WIDTH, height: figureChartHeight(block) };
  const svg = renderChartSvg(option, size);
  return { kind: block.id, title: block.question, ...size, svg, png: svgToPng(svg, size.width * PNG_SCALE) };
}

/** One chart of the report as SVG and PNG; null when it would be empty. */
export function renderReportChart(report: ReportModel, kind: ReportChartKind): ChartImage | null {
  if (!chartHasData(report, kind)) return null;
  const size = chartSize(report, kind);
  const svg = renderChartSvg(chartOption(report, kind), size);
  return { kind, title: chartTitle(kind, report.language), ...size, svg, png: svgToPng(svg, size.width * PNG_SCALE) };
}
