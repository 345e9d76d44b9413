/**
 * Reading the cells of a member survey: numbers written the Dutch way, answers that mean the same,
 * multiple answers in one cell (the order categories are shown in: survey-order.ts). Pure.
 */

/**
 * A number as Dutch spreadsheets write it, or null when the cell is no number.
 *
 * - a comma alone is the decimal mark: "12,5" is 12.5 and "1,234" is 1.234;
 * - a dot followed by groups of exactly three digits marks thousands: "1.234" is 1234 and
 *   "1.234.567" is 1234567 (not after a leading 0: "0.250" is 0.25); any other dot is a decimal
 *   point: "12.5" and "0.25";
 * - with both, the last one is the decimal mark: "1.234,5" and "1,234.5" are 1234.5;
 * - spaces between digits ("1 234"), a leading sign and a trailing "%" are allowed;
 * - anything else ("ca. 20", "20-30", "n.v.t.") is no number.
 */
export function parseDutchNumber(raw: string): number | null {
  let s = raw.trim().replace(/(?<=\d)[\s\u00a0\u202f]+(?=\d)/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  const match = /^([+-]?)(\d[\d.,]*\d|\d|[.,]\d+)$/.exec(s);
  if (!match) return null;
  const [, sign, body] = match as unknown as [string, string, string];
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let whole = body;
  let fraction = '';
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const at = body.lastIndexOf(decimal);
    if (body.split(decimal).length - 1 > 1) return null;
    whole = body.slice(0, at);
    fraction = body.slice(at + 1);
    if (!groupedByThousands(whole, decimal === '.' ? ',' : '.')) return null;
  } else if (commas === 1) {
    [whole, fraction] = body.split(',') as [string, string];
  } else if (commas > 1) {
    if (!groupedByThousands(body, ',')) return null;
  } else if (dots > 1 || /^[1-9]\d{0,2}\.\d{3}$/.test(body)) {
    if (!groupedByThousands(body, '.')) return null;
  } else if (dots === 1) {
    [whole, fraction] = body.split('.') as [string, string];
  }
  const digits = `${whole.replace(/[.,]/g, '') || '0'}${fraction ? `.${fraction}` : ''}`;
  const value = Number(`${sign}${digits}`);
  return Number.isFinite(value) ? value : null;
}

const groupedByThousands = (text: string, separator: '.' | ','): boolean =>
  new RegExp(`^[1-9]\\d{0,2}(\\${separator}\\d{3})+$`).test(text) || /^\d+$/.test(text);

/** Answers that differ only in case or spacing are the same answer: "Ja", "ja " and "JA". */
export const answerKey = (value: string): string => value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * The answers in one cell of a multiple-choice column: split on ";" or "|" when the cell has
 * either, otherwise on "," (so an answer may contain a comma when the list uses ";" or "|").
 * Quotes around an item are dropped.
 */
export function splitMultiple(cell: string): string[] {
  const separator = /[;|]/.test(cell) ? /[;|]/ : /,/;
  return cell
    .split(separator)
    .map((part) => part.trim().replace(/^["'“”]+|["'“”]+$/g, '').trim())
    .filter((part) => part !== '');
}

/** Labels surveys use for "no real answer"; compared without case, spaces or dots. */
const MISSING_LABELS = new Set(
  ['niet van toepassing', 'nvt', 'weet niet', 'weet ik niet', 'geen mening', 'geen antwoord', 'onbekend', 'not applicable', 'n/a', "don't know", 'no opinion'].map(looseKey),
);

function looseKey(value: string): string {
  return answerKey(value).replace(/[.\s]/g, '');
}

/**
 * Whether an answer is one of the common "niet van toepassing" / "weet niet" labels, alone or
 * several together: "Onbekend / niet van toepassing", "Weet niet, geen mening", "nvt of onbekend".
 */
export function looksMissing(value: string): boolean {
  if (MISSING_LABELS.has(looseKey(value))) return true;
  const parts = value.split(/\s*(?:\/|,|;|\bof\b|\bor\b)\s*/i).filter((part) => part.trim() !== '');
  return parts.length > 1 && parts.every((part) => MISSING_LABELS.has(looseKey(part)));
}

/** The number a label starts with ("0-25%" -> 0, "3 - neutraal" -> 3, "< 1 mln" -> 1), or null. */
export function leadingNumber(label: string): number | null {
  const match = /^\s*[<>≤≥~]?\s*([+-]?\d+(?:[.,]\d+)*)/.exec(label);
  return match ? parseDutchNumber(match[1]!) : null;
}
