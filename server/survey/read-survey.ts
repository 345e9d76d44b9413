import { CsvError, parse } from 'csv-parse/sync';
import type { SurveyTable } from '../../shared/domain/survey-preview.ts';
import { parseDutchNumber } from '../../shared/domain/survey-answers.ts';
import { SURVEY_FILE_MAX_BYTES, surveyProblem, type SurveyPreview, type SurveyResult } from '../../shared/schemas/survey-import.ts';
import { SURVEY_LIMITS } from '../../shared/schemas/survey.ts';
import { decodeSurveyFile, type SurveyEncoding } from './decode.ts';

type Delimiter = SurveyPreview['delimiter'];

/** A survey file read into a table, with how it was read. */
export interface ReadSurvey extends SurveyTable {
  encoding: SurveyEncoding;
  delimiter: Delimiter;
}


/**
 * Reads a survey spreadsheet saved as CSV: separated by semicolons (Dutch Excel), commas or tabs,
 * as the header line shows (or an Excel "sep=;" line); quoted fields may hold separators and line
 * breaks. The first line names the columns. Lines of only empty cells are skipped, as are unnamed
 * columns without any data (Excel's trailing separators). Anything else odd is refused with the
 * reason and, where it helps, the line.
 */
export function readSurveyFile(bytes: Uint8Array): SurveyResult<ReadSurvey> {
  if (bytes.length > SURVEY_FILE_MAX_BYTES) return surveyProblem('too_large', `The file is larger than ${SURVEY_FILE_MAX_BYTES / 1024 / 1024} MB`, { limit: SURVEY_FILE_MAX_BYTES });
  const decoded = decodeSurveyFile(bytes);
  if (!decoded.ok) return decoded;
  let text = decoded.data.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return surveyProblem('empty', 'The file is empty');

  let firstLine = 1;
  let delimiter: Delimiter | null = null;
  const hint = /^sep=([;,\t])\r?\n/i.exec(text);
  if (hint) {
    delimiter = hint[1] as Delimiter;
    text = text.slice(hint[0].length);
    firstLine = 2;
  }
  delimiter ??= detectDelimiter(text);

  const parsed = parseRecords(text, delimiter, firstLine);
  if (!parsed.ok) return parsed;
  const records = parsed.data.filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  const [header, ...body] = records;
  if (!header) return surveyProblem('empty', 'The file is empty');
  return tableFrom(header, body, decoded.data.encoding, delimiter);
}

interface Line {
  record: string[];
  line: number;
}

function tableFrom(header: Line, body: Line[], encoding: SurveyEncoding, delimiter: Delimiter): SurveyResult<ReadSurvey> {
  const names = header.record.map((name) => name.trim());
  if (names.length > SURVEY_LIMITS.columns) return surveyProblem('too_many_columns', `The file has ${names.length} columns; at most ${SURVEY_LIMITS.columns} can be imported`, { found: names.length, limit: SURVEY_LIMITS.columns });
  if (names.every((name) => name === '' || parseDutchNumber(name) !== null)) {
    return surveyProblem('no_header', 'The first line must name the columns, but it holds only numbers or nothing');
  }
  if (body.length === 0) return surveyProblem('no_rows', 'The file names its columns but has no rows of answers');
  if (body.length > SURVEY_LIMITS.respondents) return surveyProblem('too_many_rows', `The file has ${body.length} rows; at most ${SURVEY_LIMITS.respondents} respondents can be imported`, { found: body.length, limit: SURVEY_LIMITS.respondents });

  for (const { record, line } of body) {
    const extra = record.slice(names.length);
    if (record.length < names.length || extra.some((cell) => cell.trim() !== '')) {
      return surveyProblem('ragged_row', `Line ${line} has ${record.length} fields, but the header has ${names.length}`, { line, expected: names.length, found: record.length });
    }
  }

  const kept: number[] = [];
  const seen = new Set<string>();
  for (const [index, name] of names.entries()) {
    if (name === '') {
      if (body.every(({ record }) => record[index]!.trim() === '')) continue;
      return surveyProblem('empty_column_name', `Column ${index + 1} has answers but no name on the first line`, { found: index + 1 });
    }
    if (name in Object.prototype) return surveyProblem('reserved_column_name', `Column ${index + 1} is named "${name}", a name the software reserves: rename the column`, { column: name });
    if (seen.has(name)) return surveyProblem('duplicate_column', `Two columns are named "${name}": column names must be unique`, { column: name });
    seen.add(name);
    kept.push(index);
  }
  return {
    ok: true,
    data: {
      encoding,
      delimiter,
      columns: kept.map((i) => names[i]!),
      rows: body.map(({ record }) => kept.map((i) => record[i]!.trim())),
      lines: body.map(({ line }) => line),
    },
  };
}

function parseRecords(text: string, delimiter: Delimiter, firstLine: number): SurveyResult<Line[]> {
  let lastLine = 0;
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
    return {
      ok: true,
      data: records.map(({ record, info, raw }) => {
        // `lines` is where the record ends; a quoted field may have taken it over several lines.
        const spanned = (raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').match(/\n/g) ?? []).length;
        return { record, line: info.lines - spanned + firstLine - 1 };
      }),
    };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = lastLine + firstLine;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') return surveyProblem('unclosed_quote', `A quote opened on line ${line} or later is never closed`, { line });
    return surveyProblem('bad_quotes', `The file cannot be read as CSV near line ${line}: ${error.message}`, { line });
  }
}

/** The separator the header line uses most (outside quotes); on a tie: semicolon, tab, comma. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as Delimiter]++;
  }
  const order: Delimiter[] = [';', '\t', ','];
  return order.reduce((best, d) => (counts[d] > counts[best] ? d : best), order[0]!);
}
