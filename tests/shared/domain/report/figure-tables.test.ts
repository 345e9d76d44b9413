import { describe, expect, it } from 'vitest';
import { choiceFigures, numberFigures } from '../../../../shared/domain/figures.ts';
import { answerTable, breakdownTable, breakdownTables } from '../../../../shared/domain/report/figure-tables.ts';
import type { FigureBlock, FigureBreakdown } from '../../../../shared/domain/report/types.ts';

const YES_NO = ['ja', 'nee', 'deels'].map((key) => ({ key, label: key[0]!.toUpperCase() + key.slice(1) }));
const answers = (counts: Record<string, number>) => Object.entries(counts).flatMap(([key, n]) => Array.from({ length: n }, () => [key]));
const choice = (counts: Record<string, number>) => choiceFigures(YES_NO, answers(counts), { multiple: false, excludeMissing: false });
const RULES = { rounding: 'largest-remainder' as const, smallGroup: 10 };

const choiceBlock: FigureBlock = {
  id: 'b1',
  source: { kind: 'survey', survey: 'Ledenpeiling' },
  question: 'Zijn de tarieven kostendekkend?',
  themeId: null,
  themeLabel: null,
  figures: choice({ ja: 19, nee: 11, deels: 20 }),
  breakdowns: [
    {
      attribute: 'Zorgkantoor',
      groups: [
        { value: 'Zilveren Kruis', figures: choice({ ja: 10, nee: 5, deels: 15 }) },
        { value: 'Menzis', figures: choice({}) },
        { value: 'CZ', figures: choice({ ja: 4, nee: 1, deels: 1 }) },
      ],
    },
    { attribute: 'Omzetklasse', groups: [{ value: 'Groot', figures: choice({ ja: 12, nee: 0, deels: 3 }) }] },
  ],
  callouts: [],
};
const [byZorgkantoor, byOmzet] = choiceBlock.breakdowns as [FigureBreakdown, FigureBreakdown];

const numberBlock: FigureBlock = {
  ...choiceBlock,
  id: 'b2',
  question: 'Tariefpercentage',
  figures: numberFigures([19.2, 0.3, 40]),
  breakdowns: [{ attribute: 'Omzetklasse', groups: [{ value: 'Groot', figures: numberFigures([19.25, 0.3, 12, 14, 15, 16, 17, 18, 19, 20]) }, { value: 'Klein', figures: numberFigures([2.5]) }] }],
};
const byOmzetNumbers = numberBlock.breakdowns[0]!;

describe('breakdownTable', () => {
  it('leaves out groups nobody answered in', () => {
    const table = breakdownTable(choiceBlock, byZorgkantoor, RULES, 'nl')!;
    expect(table.rows.map((r) => r[0])).toEqual(['Zilveren Kruis', 'CZ']);
    expect(table.header).toEqual(['Zorgkantoor', 'n', 'Ja', 'Nee', 'Deels']);
  });

  it('flags a group below the small-group size on every percentage, never a bare figure', () => {
    const table = breakdownTable(choiceBlock, byZorgkantoor, RULES, 'nl')!;
    expect(table.flagged).toBe(true);
    expect(table.rows[0]).toEqual(['Zilveren Kruis', '30', '33%', '17%', '50%']);
    expect(table.rows[1]).toEqual(['CZ', '6', '67%*', '17%*', '16%*']);
    const none = breakdownTable(choiceBlock, byZorgkantoor, { ...RULES, smallGroup: 5 }, 'nl')!;
    expect(none.flagged).toBe(false);
    expect(none.rows[1]).toEqual(['CZ', '6', '67%', '17%', '16%']);
  });

  it('writes decimal commas in Dutch and points in English, for means, minima and maxima alike', () => {
    const nl = breakdownTable(numberBlock, byOmzetNumbers, RULES, 'nl')!;
    expect(nl.rows[0]).toEqual(['Groot', '10', '15,1', '0,3', '20']);
    expect(nl.rows[1]).toEqual(['Klein', '1', '2,5*', '2,5', '2,5']);
    const en = breakdownTable(numberBlock, byOmzetNumbers, RULES, 'en')!;
    expect(en.rows[0]).toEqual(['Groot', '10', '15.1', '0.3', '20']);
  });

  it('is null without any group that answered', () => {
    expect(breakdownTable(choiceBlock, { attribute: 'X', groups: [{ value: 'leeg', figures: choice({}) }] }, RULES, 'nl')).toBeNull();
  });
});

describe('breakdownTables', () => {
  it('gives one table per breakdown, in the chosen order, each with its own attribute column', () => {
    const tables = breakdownTables(choiceBlock, RULES, 'nl');
    expect(tables.map((t) => [t.attribute, t.table.header[0], t.table.rows.map((r) => r[0])])).toEqual([
      ['Zorgkantoor', 'Zorgkantoor', ['Zilveren Kruis', 'CZ']],
      ['Omzetklasse', 'Omzetklasse', ['Groot']],
    ]);
    expect(tables[1]!.table.rows[0]).toEqual(['Groot', '15', '80%', '0%', '20%']);
    expect(byOmzet.groups).toHaveLength(1);
  });

  it('leaves out a breakdown in which nobody answered, and has none without breakdowns', () => {
    const empty = { attribute: 'Regio', groups: [{ value: 'Noord', figures: choice({}) }] };
    expect(breakdownTables({ ...choiceBlock, breakdowns: [empty, byZorgkantoor] }, RULES, 'nl').map((t) => t.attribute)).toEqual(['Zorgkantoor']);
    expect(breakdownTables({ ...choiceBlock, breakdowns: [] }, RULES, 'nl')).toEqual([]);
  });
});

describe('answerTable', () => {
  it('lists every answer with its count and percentage', () => {
    expect(answerTable(choice({ ja: 19, nee: 11, deels: 20 }), 'nl')).toEqual({
      align: ['left', 'right', 'right'],
      header: ['Antwoord', 'Aantal', '%'],
      rows: [['Ja', '19', '38'], ['Nee', '11', '22'], ['Deels', '20', '40']],
    });
  });
});

describe('themeMidSentence', () => {
  it('writes theme names in lower case inside a Dutch sentence, but keeps laws and abbreviations', async () => {
    const { themeMidSentence, SUMMARY_TEXTS } = await import('../../../../shared/domain/report/texts.ts');
    expect(themeMidSentence('Tarieven en kostprijs')).toBe('tarieven en kostprijs');
    expect(themeMidSentence('Meerzorg')).toBe('meerzorg');
    expect(themeMidSentence('Wlz-meerzorg')).toBe('Wlz-meerzorg');
    expect(themeMidSentence('GGZ-inkoop')).toBe('GGZ-inkoop');
    expect(themeMidSentence('Jeugdwet en Wmo')).toBe('Jeugdwet en Wmo');
    expect(SUMMARY_TEXTS.nl.picture(3, 2, 1, 5, 1, ['Tarieven en kostprijs', 'Dialoog met de inkoper'])).toContain(
      'De meeste aandacht ging naar tarieven en kostprijs en dialoog met de inkoper.',
    );
  });
});
