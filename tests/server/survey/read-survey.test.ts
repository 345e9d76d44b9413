import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readSurveyFile } from '../../../server/survey/read-survey.ts';

const fixture = (name: string) => readFile(new URL(`../../fixtures/surveys/${name}`, import.meta.url));
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function read(bytes: Uint8Array) {
  const result = readSurveyFile(bytes);
  if (!result.ok) throw new Error(`${result.problem.code}: ${result.problem.message}`);
  return result.data;
}

describe('readSurveyFile: the fixtures', () => {
  it('reads UTF-8 with BOM, semicolons, CRLF and a quoted field with a separator and a line break', async () => {
    const table = read(await fixture('ledenpeiling-2025-bom.csv'));
    expect([table.encoding, table.delimiter, table.rows.length]).toEqual(['utf-8', ';', 20]);
    expect(table.columns[0]).toBe('Respondent');
    expect(table.columns[6]).toBe('Aantal cliënten met meerzorg');
    expect(table.rows[0]![7]).toBe('Tarieven; Administratieve lasten');
    expect(table.rows[4]![8]).toBe('Procedure is\nonduidelijk, zie "bijlage"');
    // The fifth respondent's note spans lines 6 and 7, so the sixth respondent starts on line 8.
    expect(table.lines.slice(3, 7)).toEqual([5, 6, 8, 9]);
  });

  it('reads Windows-1252 as Excel saves it: "cliënten" from 0xEB, "€" from 0x80', async () => {
    const bytes = await fixture('wlz-tevredenheid-windows-1252.csv');
    expect(bytes.includes(0xeb)).toBe(true);
    const table = read(bytes);
    expect([table.encoding, table.delimiter]).toEqual(['windows-1252', ';']);
    expect(table.columns).toContain('Aantal cliënten');
    expect(table.rows.map((r) => r[2])).toContain('Coöperatie VGZ');
    expect(table.rows[2]![5]).toBe('Tarief € 1.250 te laag');
  });

  it('reads UTF-8 without BOM, comma-separated, with quoted commas and doubled quotes', async () => {
    const table = read(await fixture('jeugd-wmo-comma.csv'));
    expect([table.encoding, table.delimiter, table.rows.length]).toEqual(['utf-8', ',', 7]);
    expect(table.rows[0]).toEqual(['1', 'Jeugdwet', '0-1 mln', 'ja', 'Tarieven, Contractduur', '12,5']);
    expect(table.rows[6]![4]).toBe('Administratieve lasten, "Tarieven"');
  });
});

describe('readSurveyFile: other files that must work', () => {
  it('reads tabs, a "sep=" line, UTF-16LE from Excel, and skips blank lines and empty trailing columns', () => {
    expect(read(utf8('a\tb\n1\t2\n'))).toMatchObject({ delimiter: '\t', columns: ['a', 'b'], rows: [['1', '2']] });
    expect(read(utf8('sep=,\na;b,c\n1;2,3\n'))).toMatchObject({ delimiter: ',', columns: ['a;b', 'c'], lines: [3] });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Domein\tCliënten\r\nWlz\t3\r\n', 'utf16le')]);
    expect(read(utf16)).toMatchObject({ encoding: 'utf-16le', columns: ['Domein', 'Cliënten'], rows: [['Wlz', '3']] });
    expect(read(utf8('a;b;;\r\n1;2;;\r\n\r\n;;;\r\n3;4;;\r\n'))).toMatchObject({ columns: ['a', 'b'], rows: [['1', '2'], ['3', '4']], lines: [2, 5] });
    expect(read(utf8(' Domein ;Vraag\nWlz ; ja \n'))).toMatchObject({ columns: ['Domein', 'Vraag'], rows: [['Wlz', 'ja']] });
    expect(read(utf8('maat;x\n5" inch;1\n')).rows).toEqual([['5" inch', '1']]);
  });

  it('detects the separator from the header line only, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('a\tb,c\tc\n')).toBe('\t');
    expect(detectDelimiter('één kolom\n1\n')).toBe(';');
  });
});

describe('readSurveyFile: files that cannot be imported', () => {
  it.each<[string, Uint8Array, string, object?]>([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['only a BOM and blank lines', Buffer.from('\ufeff\r\n\r\n', 'utf8'), 'empty'],
    ['binary data', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'binary'],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'spreadsheet'],
    ['an old Excel workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'spreadsheet'],
    ['only a header', utf8('Domein;Vraag\r\n'), 'no_rows'],
    ['no header, only numbers', utf8('1;2;3\n4;5;6\n'), 'no_header'],
    ['a duplicate column name', utf8('Vraag;Domein;Vraag\n1;2;3\n'), 'duplicate_column', { column: 'Vraag' }],
    ['a column with data but no name', utf8('Vraag;;Domein\nja;x;Wlz\n'), 'empty_column_name', { found: 2 }],
    ['a __proto__ column', utf8('Vraag;__proto__\nja;1\n'), 'reserved_column_name', { column: '__proto__' }],
    ['a constructor column', utf8('constructor;Vraag\n1;ja\n'), 'reserved_column_name'],
    ['a row with fewer fields', utf8('a;b;c\n1;2;3\n4;5\n'), 'ragged_row', { line: 3, expected: 3, found: 2 }],
    ['a row with more fields', utf8('a;b\n1;2\n\n3;4;5\n'), 'ragged_row', { line: 4, expected: 2, found: 3 }],
    ['a ragged row after a multi-line field', utf8('a;b\n"x\ny";2\n3\n'), 'ragged_row', { line: 4 }],
    ['an unclosed quote', utf8('a;b\n1;2\n3;"4\n5;6\n'), 'unclosed_quote', { line: 3 }],
    ['too many columns', utf8(`${Array.from({ length: 201 }, (_, i) => `v${i}`).join(';')}\n${';'.repeat(200)}x\n`), 'too_many_columns', { found: 201, limit: 200 }],
    ['too many rows', utf8(`a\n${'1\n'.repeat(20_001)}`), 'too_many_rows', { found: 20_001, limit: 20_000 }],
    ['more than 10 MB', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), 'too_large'],
  ])('refuses %s', (_name, bytes, code, params) => {
    const result = readSurveyFile(bytes);
    expect(result).toMatchObject({ ok: false, problem: { code, message: expect.any(String), ...(params ? { params } : {}) } });
    if (!result.ok) expect(result.problem.message.length).toBeGreaterThan(10);
  });
});
