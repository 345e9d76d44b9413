import { stringify } from 'csv-stringify/sync';
import type { CardRow, ReportModel } from '../../shared/domain/report/types.ts';

/** The CSV's columns, in order. */
export const CSV_COLUMNS = ['id', 'session', 'domain', 'column', 'theme', 'votes', 'quote', 'origin', 'verification', 'text'] as const satisfies readonly (keyof CardRow)[];
type Column = (typeof CSV_COLUMNS)[number];
type Language = ReportModel['language'];

/** The header row in the export's language: whoever opens the file reads the column names first. */
export const CSV_HEADERS: Record<Language, Record<Column, string>> = {
  nl: { id: 'id', session: 'werksessie', domain: 'domein', column: 'kolom', theme: 'thema', votes: 'stemmen', quote: 'citaat', origin: 'herkomst', verification: 'toetsing', text: 'tekst' },
  en: { id: 'id', session: 'session', domain: 'domain', column: 'column', theme: 'theme', votes: 'votes', quote: 'quote', origin: 'origin', verification: 'verification', text: 'text' },
};

const YES_NO = { nl: ['ja', 'nee'], en: ['yes', 'no'] } as const;
/** Where a card came from, in the export's language. */
const ORIGINS: Record<Language, Record<CardRow['origin'], string>> = {
  nl: { sessie: 'sessie', nabellen: 'nabellen' },
  en: { sessie: 'session', nabellen: 'follow-up call' },
};

/*
 * A cell a spreadsheet would read as a formula (OWASP, CSV injection): = + - @ tab and carriage
 * return, their full-width forms, and the same after leading white space, which some programs skip.
 */
const FORMULA_START = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** Prefixes a cell with a single quote when a spreadsheet would run it as a formula. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The cards as CSV for Dutch Excel: ';' between cells, CRLF between rows, a UTF-8 byte order mark,
 * and no cell that a spreadsheet would run as a formula. Header, yes/no and origin are in the
 * report's language (Dutch unless English was asked for).
 */
export function renderCsv(report: ReportModel): string {
  const [yes, no] = YES_NO[report.language];
  const header = CSV_HEADERS[report.language];
  const rows = report.cards.map((card) =>
    Object.fromEntries(
      CSV_COLUMNS.map((column) => {
        const value = column === 'origin' ? ORIGINS[report.language][card.origin] : card[column];
        return [column, neutraliseFormula(typeof value === 'boolean' ? (value ? yes : no) : String(value))];
      }),
    ),
  );
  return stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    header: true,
    columns: CSV_COLUMNS.map((key) => ({ key, header: header[key] })),
    // csv-stringify quotes only the full CRLF: a lone LF or CR needs quoting too, as do edge spaces Excel would drop.
    quoted_match: /[\r\n]|^\s|\s$/,
  });
}
