import { describe, expect, it } from 'vitest';
import { CHART_WIDTH, renderChartSvg, renderReportChart, svgToPng } from '../../../server/report/chart-images.ts';
import { balanceOption, chartOption, matrixOption, votesPerThemeOption, type ReportChartKind } from '../../../shared/domain/report/charts.ts';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import { englishReportModel, reportModel } from '../../fixtures/report-model.ts';
import { PNG_SIGNATURE } from './docx-xml.ts';

const KINDS: ReportChartKind[] = ['votesPerTheme', 'balance', 'matrix'];

/** The option's parts the tests read, without echarts' many unions. */
interface Plain {
  animation: boolean;
  title: { text: string };
  xAxis: { data?: string[] };
  yAxis: { data?: string[] };
  series: { type: string; name: string; stack?: string; data: unknown[] }[];
}
const plain = (option: unknown) => option as Plain;

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('chart options', () => {
  it('show the votes of every theme, most votes on top', () => {
    const option = plain(votesPerThemeOption(reportModel));
    expect(option.title.text).toBe('Stemmen per thema');
    expect(option.yAxis.data).toEqual(['Tarieven', 'Dialoog met de inkoper', 'Meerzorg']);
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({ type: 'bar', name: 'Stemmen', data: [18, 14, 9] });
  });

  it('stack went well on should improve for every domain', () => {
    const option = plain(balanceOption(reportModel));
    expect(option.xAxis.data).toEqual(['Wlz', 'Wmo']);
    const values = option.series.map((series) => [series.name, series.stack, series.data.map((item) => (item as { value: number }).value)]);
    expect(values).toEqual([
      ['Ging goed', 'balance', [3, 3]],
      ['Kan beter', 'balance', [4, 5]],
    ]);
  });

  it('put the cards of every theme and domain in the matrix, leaving out empty cells', () => {
    const option = plain(matrixOption(reportModel));
    expect(option.xAxis.data).toEqual(['Wlz', 'Wmo']);
    expect(option.yAxis.data).toEqual(['Tarieven', 'Dialoog met de inkoper', 'Meerzorg']);
    expect(option.series[0]!.type).toBe('heatmap');
    expect(option.series[0]!.data).toEqual([
      [0, 0, 3, 10],
      [1, 0, 4, 8],
      [0, 1, 2, 5],
      [1, 1, 4, 9],
      [0, 2, 2, 9],
    ]);
  });

  it('are plain data without animation, so the page and the server can share them', () => {
    for (const kind of KINDS) {
      const option = chartOption(reportModel, kind);
      expect(option.animation).toBe(false);
      expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    }
  });

  it('speak English for an English report', () => {
    expect(plain(votesPerThemeOption(englishReportModel)).title.text).toBe('Votes per theme');
    expect(plain(balanceOption(englishReportModel)).series.map((series) => series.name)).toEqual(['Went well', 'Could be better']);
    expect(plain(matrixOption(englishReportModel)).title.text).toBe('Cards per theme and domain');
  });
});

describe('chart images', () => {
  it('render each chart as SVG with its labels and as a sharp PNG', () => {
    for (const kind of KINDS) {
      const chart = renderReportChart(reportModel, kind)!;
      expect(chart.svg.startsWith('<svg')).toBe(true);
      expect(chart.svg).toContain(kind === 'balance' ? '>Wmo<' : '>Tarieven<');
      expect(chart.svg).toContain(`>${chart.title}<`);
      expect(chart.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(chart.png.length).toBeGreaterThan(5000);
      expect(chart.width).toBe(CHART_WIDTH);
      expect(pngSize(chart.png)).toEqual({ width: chart.width * 2, height: chart.height * 2 });
    }
  });

  it('draw text with the bundled font on a machine without system fonts', () => {
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="28" font-family="sans-serif" font-size="20">${text}</text></svg>`;
    // Without a font resvg leaves text out, and the two images would be the same.
    expect(svgToPng(svg('Tarieven'), 200).length).toBeGreaterThan(svgToPng(svg(''), 200).length + 300);
  });

  it('escape labels, so a theme name cannot break the SVG', () => {
    const hostile: ReportModel = {
      ...reportModel,
      figures: { ...reportModel.figures, votesPerTheme: [{ themeId: 'x', label: '</text><script>alert(1)</script> & "x"', votes: 3, cards: 1 }] },
    };
    const svg = renderChartSvg(votesPerThemeOption(hostile), { width: 600, height: 240 });
    expect(svg).not.toContain('<script>');
    expect(svgToPng(svg, 600).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('grow bar charts with their rows, within an A4 page', () => {
    const many: ReportModel = {
      ...reportModel,
      figures: { ...reportModel.figures, votesPerTheme: Array.from({ length: 40 }, (_, i) => ({ themeId: `t${i}`, label: `Thema ${i}`, votes: 40 - i, cards: 1 })) },
    };
    const small = renderReportChart(reportModel, 'votesPerTheme')!;
    const large = renderReportChart(many, 'votesPerTheme')!;
    expect(large.height).toBeGreaterThan(small.height);
    expect(large.height).toBeLessThanOrEqual(760);
  });

  it('leave out a chart with nothing to show', () => {
    const empty: ReportModel = { ...reportModel, figures: { votesPerTheme: [], matrix: { domains: [], rows: [] }, balance: [] } };
    for (const kind of KINDS) expect(renderReportChart(empty, kind)).toBeNull();
  });
});
