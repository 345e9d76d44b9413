import type { EChartsOption } from 'echarts';
import type { ChoiceFigures } from './figures.ts';

const BAR_COLOUR = '#2f5f8a';

/** The label beside a bar: the count with its share, e.g. "12 (40%)". Plain text, no formatter functions. */
export const barLabel = (count: number, percent: number | null): string => (percent === null ? String(count) : `${count} (${percent}%)`);

/**
 * A poll's results as horizontal bars, one per option or scale point in the poll's order, each
 * labelled with its count and percentage from the figures (never computed here). `fontSize`
 * scales the text for a projection screen; options carry `animation: false`, a page may turn it on.
 */
export function pollChartOption(question: string, figures: ChoiceFigures, fontSize = 14): EChartsOption {
  const rows = figures.categories;
  return {
    animation: false,
    aria: { enabled: true, label: { description: question } },
    grid: { left: 16, right: fontSize * 7, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((c) => c.label),
      axisLabel: { fontSize, width: fontSize * 14, overflow: 'truncate', ellipsis: '…' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((c) => ({ value: c.count, label: { formatter: barLabel(c.count, c.percent) } })),
        itemStyle: { color: BAR_COLOUR },
        barMaxWidth: fontSize * 3,
        label: { show: true, position: 'right', fontSize },
      },
    ],
  };
}
