import { readFile, stat } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

/** A card row of the input file: id and text, with domain and kind when present. */
export interface CardRow {
  id: string;
  text: string;
  domain?: string;
  kind?: string;
  /** The hand-made label, in labelled files. */
  theme?: string;
  /** Which session and which author the row is from, when the file says so (for cards that refer back). */
  session?: string;
  author?: string;
}

/** Bad input: the message is for the person who ran the command. */
export class InputError extends Error {}

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a TSV of cards with a header containing at least `id` and `text` (other columns are
 * ignored). Refuses missing, empty, binary or oversized files with a message saying why.
 */
export async function readCardsTsv(path: string): Promise<CardRow[]> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(`${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`Cannot read ${path}: no such file`);
  }
  if (size === 0) throw new InputError(`${path} is empty`);
  if (size > MAX_BYTES) throw new InputError(`${path} is ${Math.round(size / 1024 / 1024)} MB; at most 20 MB of cards is accepted`);
  const bytes = await readFile(path);
  if (bytes.includes(0)) throw new InputError(`${path} looks binary (it has NUL bytes), not a TSV of cards`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if ((text.match(/\uFFFD/g)?.length ?? 0) > text.length / 100) throw new InputError(`${path} is not UTF-8 text`);
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: '\t', relax_column_count: true, relax_quotes: true, quote: false, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new InputError(`${path} is not a valid TSV: ${(error as Error).message}`);
  }
  const header = rows[0]?.map((h) => h.toLowerCase()) ?? [];
  const col = (name: string) => header.indexOf(name);
  if (col('id') < 0 || col('text') < 0) {
    throw new InputError(`${path} needs a header with the columns id and text (found: ${header.slice(0, 8).join(', ') || 'nothing'})`);
  }
  const seen = new Set<string>();
  const cards: CardRow[] = [];
  for (const [i, row] of rows.slice(1).entries()) {
    const id = row[col('id')] ?? '';
    if (id === '') throw new InputError(`${path} line ${i + 2}: empty id`);
    if (seen.has(id)) throw new InputError(`${path} line ${i + 2}: id ${id} appears twice`);
    seen.add(id);
    const card: CardRow = { id, text: row[col('text')] ?? '' };
    if (col('domain') >= 0 && row[col('domain')]) card.domain = row[col('domain')];
    if (col('kind') >= 0 && row[col('kind')]) card.kind = row[col('kind')];
    if (col('theme') >= 0 && row[col('theme')]) card.theme = row[col('theme')];
    if (col('session') >= 0 && row[col('session')]) card.session = row[col('session')];
    if (col('author') >= 0 && row[col('author')]) card.author = row[col('author')];
    cards.push(card);
  }
  if (cards.length === 0) throw new InputError(`${path} has a header but no cards`);
  return cards;
}
