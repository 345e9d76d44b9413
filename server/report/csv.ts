import { stringify } from 'csv-stringify/sync';
import type { CardRow, ReportModel } from '../../shared/domain/report/types.ts';

/** The CSV's columns, in order; also its header row. */
export const CSV_COLUMNS = ['id', 'session', 'domain', 'column', 'theme', 'votes', 'quote', 'origin', 'verification', 'text'] as const satisfies readonly (keyof CardRow)[];

const YES_NO = { nl: ['ja', 'nee'], en: ['yes', 'no'] } as const;

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
 * and no cell that a spreadsheet would run as a formula.
 */
export function renderCsv(report: ReportModel): string {
  const [yes, no] = YES_NO[report.language];
  const rows = report.cards.map((card) =>
    Object.fromEntries(
      CSV_COLUMNS.map((column) => {
        const value = card[column];
        return [column, neutraliseFormula(typeof value === 'boolean' ? (value ? yes : no) : String(value))];
      }),
    ),
  );
  return stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    header: true,
    columns: [...CSV_COLUMNS],
    // csv-stringify quotes only the full CRLF: a lone LF or CR needs quoting too, as do edge spaces Excel would drop.
    quoted_match: /[\r\n]|^\s|\s$/,
  });
}
