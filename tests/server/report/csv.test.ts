import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_HEADERS, neutraliseFormula, renderCsv } from '../../../server/report/csv.ts';
import type { CardRow, ReportModel } from '../../../shared/domain/report/types.ts';
import { AWKWARD_TEXT, FORMULA_TEXTS, MARKUP_TEXT, reportModel, UNNAMED_PERSON } from '../../fixtures/report-model.ts';

/** What Excel or LibreOffice would start a formula with, at the start of a cell. */
const FORMULA_LIKE = /^\s*[=+\-@＝＋－＠]|^[\t\r]/;

function read(csv: string): string[][] {
  return parse(csv, { delimiter: ';', bom: true, relax_column_count: false }) as string[][];
}

describe('renderCsv', () => {
  const csv = renderCsv(reportModel);
  const [header, ...rows] = read(csv);

  it('starts with a UTF-8 byte order mark and a header row, rows ending in CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).startsWith('id;werksessie;domein;kolom;thema;stemmen;citaat;herkomst;toetsing;tekst\r\n')).toBe(true);
    expect(header).toEqual(CSV_COLUMNS.map((c) => CSV_HEADERS.nl[c]));
  });

  it('has one row per card with every field as in the model', () => {
    expect(rows).toHaveLength(reportModel.cards.length);
    reportModel.cards.forEach((card, i) => {
      const row = Object.fromEntries(CSV_COLUMNS.map((column, c) => [column, rows[i]![c]]));
      const expected = (value: string) => (FORMULA_LIKE.test(value) ? `'${value}` : value);
      expect(row).toEqual({
        id: card.id,
        session: card.session,
        domain: card.domain,
        column: card.column,
        theme: card.theme,
        votes: String(card.votes),
        quote: card.quote ? 'ja' : 'nee',
        origin: card.origin,
        verification: card.verification,
        text: expected(card.text),
      });
    });
  });

  it('neutralises every formula-like card text with a single quote', () => {
    const texts = rows.map((row) => row.at(-1));
    for (const formula of FORMULA_TEXTS) expect(texts).toContain(`'${formula}`);
    expect(texts).toContain(`'=HYPERLINK("http://evil")`);
    expect(texts).toContain("'-2+3");
    expect(texts).toContain("'\tTab ervoor");
  });

  it('keeps quotes, separators and line breaks inside their cell', () => {
    const texts = rows.map((row) => row.at(-1));
    expect(texts).toContain(AWKWARD_TEXT);
    expect(texts).toContain(MARKUP_TEXT);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('leaves no cell in any column that a spreadsheet would run', () => {
    const hostile = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', ' =1', '＝1'];
    const columns = ['id', 'session', 'domain', 'column', 'theme', 'verification', 'text'] as const;
    const cards: CardRow[] = hostile.map((value, i) => ({
      ...reportModel.cards[0]!,
      ...Object.fromEntries(columns.map((column) => [column, `${value}${column}${i}`])),
    }));
    const [, ...evilRows] = read(renderCsv({ ...reportModel, cards }));
    expect(evilRows).toHaveLength(hostile.length);
    for (const row of [...rows, ...evilRows]) {
      for (const cell of row) expect(FORMULA_LIKE.test(cell), JSON.stringify(cell)).toBe(false);
    }
    evilRows.forEach((row, i) => expect(row[0]).toBe(`'${hostile[i]}id${i}`));
  });

  it('leaves ordinary text alone', () => {
    expect.soft(neutraliseFormula('1-2')).toBe('1-2');
    expect.soft(neutraliseFormula('Tarieven = te laag')).toBe('Tarieven = te laag');
    expect.soft(neutraliseFormula('')).toBe('');
    expect.soft(neutraliseFormula("'al geciteerd")).toBe("'al geciteerd");
  });

  it('has its header and origins in English for an English report', () => {
    const english: ReportModel = { ...reportModel, language: 'en' };
    const [header, ...englishRows] = read(renderCsv(english));
    expect(header).toEqual(['id', 'session', 'domain', 'column', 'theme', 'votes', 'quote', 'origin', 'verification', 'text']);
    const origin = CSV_COLUMNS.indexOf('origin');
    const expected = reportModel.cards.map((card) => (card.origin === 'sessie' ? 'session' : 'follow-up call'));
    expect(englishRows.map((row) => row[origin])).toEqual(expected);
    expect(new Set(expected).size).toBe(2);
  });

  it('says yes and no in the report language and holds no names', () => {
    const english: ReportModel = { ...reportModel, language: 'en' };
    const quoteColumn = CSV_COLUMNS.indexOf('quote');
    expect(new Set(read(renderCsv(english)).slice(1).map((row) => row[quoteColumn]))).toEqual(new Set(['yes', 'no']));
    expect(csv).not.toContain(UNNAMED_PERSON);
  });
});
