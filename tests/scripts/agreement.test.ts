import { describe, expect, it } from 'vitest';
import { agreement, readLabels } from '../../scripts/lib/agreement.ts';

const labels = (rows: [string, string, string?][]) => new Map(rows.map(([id, theme, theme2]) => [id, { theme, theme2: theme2 ?? null }]));

describe("Cohen's kappa between two annotators", () => {
  it('is 1 for full agreement and 0 when agreement is what chance gives', () => {
    const a = labels([['1', 'x'], ['2', 'y'], ['3', 'x'], ['4', 'y']]);
    expect(agreement(a, a)).toMatchObject({ items: 4, observed: 1, kappa: 1 });
    // Each says x half the time, independently: chance agreement 0.5, observed 0.5.
    const b = labels([['1', 'x'], ['2', 'x'], ['3', 'y'], ['4', 'y']]);
    expect(agreement(a, b)).toMatchObject({ observed: 0.5, expected: 0.5, kappa: 0 });
  });

  it('matches a worked example (kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4)', () => {
    // 10 items: A says x 5, y 5; B says x 6, y 4; they agree on 7. Chance: 0.5 * 0.6 + 0.5 * 0.4.
    const a = labels([['1', 'x'], ['2', 'x'], ['3', 'x'], ['4', 'x'], ['5', 'x'], ['6', 'y'], ['7', 'y'], ['8', 'y'], ['9', 'y'], ['10', 'y']]);
    const b = labels([['1', 'x'], ['2', 'x'], ['3', 'x'], ['4', 'x'], ['5', 'y'], ['6', 'y'], ['7', 'y'], ['8', 'y'], ['9', 'x'], ['10', 'x']]);
    const result = agreement(a, b);
    expect(result.observed).toBeCloseTo(0.7);
    expect(result.expected).toBeCloseTo(0.5);
    expect(result.kappa).toBeCloseTo(0.4);
  });

  it("counts either-theme agreement when one's primary is the other's secondary", () => {
    const a = labels([['1', 'x', 'y'], ['2', 'z']]);
    const b = labels([['1', 'y', 'x'], ['2', 'x']]);
    expect(agreement(a, b)).toMatchObject({ observed: 0, eitherTheme: 0.5 });
  });

  it('reads the label files and refuses ones without the columns or without shared items', () => {
    const read = readLabels('id\ttheme\ttheme2\nl001\ttarieven\t\nl002\tmeerzorg\tadministratieve_lasten\n');
    expect(read.get('l001')).toEqual({ theme: 'tarieven', theme2: null });
    expect(read.get('l002')).toEqual({ theme: 'meerzorg', theme2: 'administratieve_lasten' });
    expect(() => readLabels('id\ttekst\nl001\tx\n')).toThrow(/columns id and theme/);
    expect(() => agreement(read, labels([['other', 'x']]))).toThrow(/share no item/);
  });
});
