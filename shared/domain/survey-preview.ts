import type { SurveyColumnMapping, SurveyColumnPreview } from '../schemas/survey-import.ts';
import { SURVEY_LIMITS, type SurveyQuestion } from '../schemas/survey.ts';
import { answerKey, looksMissing, parseDutchNumber, splitMultiple } from './survey-answers.ts';

/** A survey file read into cells: the header and the rows, every cell trimmed. */
export interface SurveyTable {
  columns: string[];
  rows: string[][];
  /** The line of the file each row starts on (1 is the header), for errors. */
  lines: number[];
}

/** How many distinct answers the preview lists per column. */
export const PREVIEW_DISTINCT_CAP = 50;
const SAMPLE_SIZE = 5;
/** More distinct answers than this and a column is free text, not a choice. */
const MAX_CHOICES = 12;

const ATTRIBUTE_WORDS = ['domein', 'domain', 'zorgkantoor', 'omzet', 'regio', 'region', 'provincie', 'sector', 'grootte'];
const ID_WORDS = /^(id|nr|nummer|respondent|respondentnummer|respondent[ _-]?id|volgnummer)$/;
/** Columns that say who answered: never guessed as open answers, whose texts the report may quote. */
const PERSON_WORDS = /^(naam|name|voornaam|achternaam|organisatie|organisation|organization|instelling|bedrijf|company|e-?mail|email|telefoon|telefoonnummer|phone|adres|address|contactpersoon|functie|ingevuld door)\b/;

/** Per column: samples, distinct answers and a guessed mapping, for the facilitator to correct. */
export function previewColumns(table: SurveyTable): SurveyColumnPreview[] {
  return table.columns.map((name, index) => {
    const cells = table.rows.map((row) => row[index] ?? '');
    const filled = cells.filter((cell) => cell !== '');
    const counts = new Map<string, { value: string; count: number }>();
    for (const cell of filled) {
      const entry = counts.get(answerKey(cell));
      if (entry) entry.count++;
      else counts.set(answerKey(cell), { value: cell, count: 1 });
    }
    const distinct = [...counts.values()];
    return {
      index,
      name,
      sample: filled.slice(0, SAMPLE_SIZE),
      distinct: distinct.map((d, order) => ({ ...d, order })).sort((a, b) => b.count - a.count || a.order - b.order).slice(0, PREVIEW_DISTINCT_CAP).map(({ value, count }) => ({ value, count })),
      distinctCount: distinct.length,
      empty: cells.length - filled.length,
      guess: guessColumn(name, filled),
    };
  });
}

/**
 * A first guess of what a column is, from its name and its non-empty cells:
 * short names starting with domein, zorgkantoor, omzet(klasse), regio, ... -> attribute;
 * respondent numbers, names, e-mail addresses and empty columns -> ignore; lists in cells ("a; b",
 * "a, b") whose items recur -> multiple; mostly numbers (80% or more) -> number, or scale when all
 * are whole numbers from 0 to 10; few distinct short answers -> single; long, mostly distinct texts
 * of several words (a "Toelichting" or "Opmerking") -> open. Answers like "niet van toepassing" or
 * "weet niet" become the question's missing categories.
 */
export function guessColumn(name: string, filled: readonly string[]): SurveyColumnMapping {
  const key = answerKey(name);
  const ignore = { column: name, use: 'ignore' } as const;
  if (name.length > SURVEY_LIMITS.label || filled.length === 0) return ignore;
  // A short name starting with one: "Omzetklasse", "Zorgkantoor", not "Tevredenheid over het zorgkantoor".
  if (key.split(' ').length <= 3 && ATTRIBUTE_WORDS.some((word) => key.startsWith(word))) return { column: name, use: 'attribute', label: name };
  if (ID_WORDS.test(key) || PERSON_WORDS.test(key)) return ignore;

  const multiple = looksLikeLists(filled);
  const answers = multiple ? filled.flatMap(splitMultiple) : filled;
  const missing = firstSpellings(answers.filter(looksMissing)).slice(0, 20);
  const real = answers.filter((a) => !looksMissing(a));
  const distinct = new Set(real.map(answerKey));
  const question = (kind: SurveyQuestion['kind']) =>
    ({ column: name, use: 'question', label: name, kind, missing, themeId: null }) as const;

  if (real.length === 0) return ignore;
  if (!multiple && looksOpen(real)) return filled.some((cell) => cell.length > SURVEY_LIMITS.openValue) ? ignore : question('open');
  if (multiple) return question('multiple');
  const numbers = real.map(parseDutchNumber).filter((n) => n !== null);
  if (numbers.length === real.length && numbers.every((n) => Number.isInteger(n) && n >= 0 && n <= 10) && distinct.size <= 11 && !/aantal|hoeveel|number/.test(key)) {
    return question('scale');
  }
  if (numbers.length >= 0.8 * real.length) return question('number');
  const freeText = distinct.size === real.length && real.reduce((sum, a) => sum + a.length, 0) / real.length > 15;
  const short = real.every((answer) => answer.length <= 80 && !answer.includes('\n'));
  if (!freeText && short && distinct.size <= MAX_CHOICES) return question('single');
  return ignore;
}

/**
 * Free text: at least two answers, nearly all different (80% or more), that are sentences rather
 * than labels (three words or more on average, or longer than a choice would be) and not numbers
 * or codes (most hold letters and a space).
 */
function looksOpen(real: readonly string[]): boolean {
  if (real.length < 2) return false;
  const distinct = new Set(real.map(answerKey)).size;
  if (distinct < 0.8 * real.length) return false;
  const words = real.map((answer) => answer.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length);
  const meanWords = words.reduce((a, b) => a + b, 0) / real.length;
  const meanLength = real.reduce((sum, a) => sum + a.length, 0) / real.length;
  const prose = real.filter((answer) => /\p{L}{2,}/u.test(answer) && /\s/.test(answer)).length;
  return prose >= 0.8 * real.length && meanLength >= 12 && (meanWords >= 3 || meanLength > 40);
}

/**
 * Two or more cells hold lists, and their items recur across cells ("3,5" is a number, not a list).
 * A comma is also just punctuation ("Ja, volledig" / "Ja, gedeeltelijk"): lists on commas only count
 * when each item after a comma starts as an answer does (a capital or a digit), or when most of
 * their items are also given on their own, as a real multiple-choice export shows.
 */
function looksLikeLists(filled: readonly string[]): boolean {
  const texts = filled.filter((cell) => parseDutchNumber(cell) === null);
  const listed = texts.filter((cell) => /[;|,]/.test(cell));
  if (listed.length < 2) return false;
  const items = texts.flatMap(splitMultiple);
  const distinct = new Set(items.map(answerKey));
  if (!(items.every((item) => item.length <= 80) && distinct.size < items.length && distinct.size <= 30)) return false;
  if (listed.some((cell) => /[;|]/.test(cell))) return true;
  // "Tarieven, Lasten": every item starts as an answer does; "Ja, volledig" goes on in lower case.
  const capitalised = listed.every((cell) => splitMultiple(cell).slice(1).every((item) => /^[\p{Lu}\d]/u.test(item)));
  if (capitalised) return true;
  const alone = new Set(texts.filter((cell) => !cell.includes(',')).map(answerKey));
  const listedItems = new Set(listed.flatMap(splitMultiple).map(answerKey));
  return [...listedItems].filter((item) => alone.has(item)).length >= listedItems.size / 2;
}

/** Each answer once, spelled as first seen. */
function firstSpellings(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(answerKey(value))) seen.set(answerKey(value), value);
  return [...seen.values()];
}
