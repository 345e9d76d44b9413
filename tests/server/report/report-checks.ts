import { expect } from 'vitest';
import type { ReportModel } from '../../../shared/domain/report/types.ts';

/** A heading: 1 is the title, 2 a section, 3 a subsection. */
export type OutlineEntry = [level: 1 | 2 | 3 | 4, text: string];

/** The headings of the Dutch fixture report, in order. */
export const DUTCH_OUTLINE: OutlineEntry[] = [
  [1, 'Evaluatie zorginkoop 2025'],
  [2, 'Inleiding'],
  [3, 'Aanleiding'],
  [3, 'Opdrachtgever'],
  [3, 'Centrale vragen'],
  [3, 'Werkwijze'],
  // A chapter per domain; its empty sections (no differences within one domain, no quotes moved there) are left out.
  ...(['Wlz', 'Wmo'] as const).flatMap((chapter): OutlineEntry[] => [
    [2, chapter],
    [3, 'Algemeen beeld'],
    [3, 'Wat ging goed'],
    [3, 'Wat ging niet goed'],
    [3, 'Concrete verbeterpunten'],
  ]),
  [2, 'Overkoepelende lessen'],
  [2, 'Peilingen en enquêtes'],
  [3, 'Tarieven'],
  [4, 'Zijn de tarieven kostendekkend?'],
  [3, 'Meerzorg'],
  [4, 'Aantal cliënten met meerzorg'],
  [3, 'Overige peilingen en vragen'],
  [4, 'Hoe tevreden bent u over het contact met de inkoper?'],
  [2, 'Cijfers'],
  [3, 'Stemmen per thema'],
  [3, 'Kaarten per thema en domein'],
  [3, 'Ging goed en kan beter per domein'],
  [2, 'Bijlage: deelnemers'],
  [3, 'Werksessie Wlz (20 november 2025, fysiek)'],
  [3, 'Werksessie Wmo (27 november 2025, digitaal)'],
  [3, 'Nagebelde aanbieders'],
];

/** How a renderer shows user text: one line, without control characters. */
export const asRendered = (text: string) => text.replace(/\s+/g, ' ').replace(/[\u0000-\u001F]/g, '').trim();

const DUTCH_DATES: Record<string, string> = { '2025-11-20': '20 november 2025', '2025-11-27': '27 november 2025' };

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A "3 (10)" cell: cards and votes. */
function pair(cell: string | undefined): [number, number] {
  const match = /^(\d+) \((\d+)\)$/.exec(cell ?? '');
  if (!match) throw new Error(`not a "cards (votes)" cell: ${cell}`);
  return [Number(match[1]), Number(match[2])];
}

function tableWithHeader(tables: string[][][], header: string[]): string[][] {
  const table = tables.find((rows) => JSON.stringify(rows[0]) === JSON.stringify(header));
  if (!table) throw new Error(`no table with header ${header.join(' | ')}`);
  return table.slice(1);
}

/** The three figure tables show the model's numbers, and their totals add up, also to the cards. */
export function checkFigureTables(tables: string[][][], report: ReportModel): void {
  const { votesPerTheme, matrix, balance } = report.figures;
  const totalCards = report.cards.length;
  const totalVotes = sum(report.cards.map((card) => card.votes));

  const votes = tableWithHeader(tables, ['Thema', 'Kaarten', 'Stemmen']);
  expect(votes.slice(0, -1)).toEqual(votesPerTheme.map((row) => [row.label, String(row.cards), String(row.votes)]));
  expect(votes.at(-1)).toEqual(['Totaal', String(totalCards), String(totalVotes)]);

  const cells = tableWithHeader(tables, ['Thema', ...matrix.domains, 'Totaal']);
  matrix.rows.forEach((row, r) => {
    const shown = cells[r]!.slice(1).map(pair);
    expect(cells[r]![0]).toBe(row.label);
    matrix.domains.forEach((domain, d) => expect(shown[d]).toEqual([row.cells[domain]?.cards ?? 0, row.cells[domain]?.votes ?? 0]));
    expect(shown.at(-1)).toEqual([sum(shown.slice(0, -1).map((c) => c[0])), sum(shown.slice(0, -1).map((c) => c[1]))]);
  });
  const totals = cells.at(-1)!;
  expect(totals[0]).toBe('Totaal');
  matrix.domains.forEach((domain, d) =>
    expect(pair(totals[d + 1])).toEqual([sum(matrix.rows.map((row) => row.cells[domain]?.cards ?? 0)), sum(matrix.rows.map((row) => row.cells[domain]?.votes ?? 0))]),
  );
  expect(pair(totals.at(-1))).toEqual([totalCards, totalVotes]);

  const balanceRows = tableWithHeader(tables, ['Domein', 'Ging goed', 'Kan beter', 'Totaal']);
  expect(balanceRows.slice(0, -1)).toEqual(balance.map((row) => [row.domain, String(row.wentWell), String(row.toImprove), String(row.wentWell + row.toImprove)]));
  expect(balanceRows.at(-1)).toEqual(['Totaal', String(sum(balance.map((row) => row.wentWell))), String(sum(balance.map((row) => row.toImprove))), String(totalCards)]);
}

/** The lines under each appendix heading carry the counts (which add up) and only the consented names. */
export function checkAppendix(linesUnder: (heading: string) => string[], report: ReportModel): void {
  const groups = [
    ...report.appendix.sessions.map((s) => ({ heading: `${s.title} (${DUTCH_DATES[s.date]}, ${s.mode})`, counts: s })),
    { heading: 'Nagebelde aanbieders', counts: report.appendix.followUp },
  ];
  for (const { heading, counts } of groups) {
    const lines = linesUnder(heading);
    const line = (label: string) => lines.find((l) => l.startsWith(`${label}: `))?.slice(label.length + 2) ?? '';
    const numbers = (label: string) => sum([...line(label).matchAll(/\d+/g)].map((m) => Number(m[0])));
    expect(line('Aantal')).toBe(String(counts.count));
    expect(numbers('Werkgebied')).toBe(counts.count);
    expect(numbers('Omvang')).toBe(counts.count);
    expect(numbers('Regio’s')).toBe(counts.count);
    expect(line('Met naam (met toestemming)')).toBe(counts.named.length ? counts.named.join('; ') : 'niemand');
  }
}
