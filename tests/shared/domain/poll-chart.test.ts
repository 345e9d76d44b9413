import { describe, expect, it } from 'vitest';
import { choiceFigures } from '../../../shared/domain/figures.ts';
import { barLabel, pollChartOption } from '../../../shared/domain/poll-chart.ts';

const CATEGORIES = [
  { key: 'option-1', label: 'Goed' },
  { key: 'option-2', label: 'Voldoende' },
  { key: 'option-3', label: 'Matig' },
];

describe('pollChartOption', () => {
  it('draws a bar per option in the poll\'s order, labelled with the count and the figures\' percentage', () => {
    const figures = choiceFigures(CATEGORIES, [['option-1'], ['option-2'], ['option-3']], { multiple: false, excludeMissing: false });
    const option = pollChartOption('Hoe verliep het?', figures, 22);
    expect(option.yAxis).toMatchObject({ data: ['Goed', 'Voldoende', 'Matig'] });
    const series = (option.series as { data: { value: number; label: { formatter: string } }[] }[])[0]!;
    expect(series.data.map((d) => [d.value, d.label.formatter])).toEqual([[1, '1 (34%)'], [1, '1 (33%)'], [1, '1 (33%)']]);
    // Plain data only: it survives a JSON round trip unchanged (no formatter functions).
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });

  it('labels a category without a percentage with its count alone', () => {
    expect(barLabel(4, null)).toBe('4');
    expect(barLabel(0, 0)).toBe('0 (0%)');
  });
});
