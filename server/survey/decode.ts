import iconv from 'iconv-lite';
import type { SurveyPreview, SurveyResult } from '../../shared/schemas/survey-import.ts';

export type SurveyEncoding = SurveyPreview['encoding'];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * The text of a survey file. UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
 * Windows-1252, what Excel on Windows writes ("cliënten" with 0xEB); UTF-16LE with its BOM (Excel's
 * "Unicode text"). Workbooks and other binary files are refused with a reason.
 */
export function decodeSurveyFile(bytes: Uint8Array): SurveyResult<{ text: string; encoding: SurveyEncoding }> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, problem: { code: 'spreadsheet', message: 'This is a spreadsheet workbook, not a CSV file: save it as CSV (semicolon-separated) first', params: {} } };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, data: { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' } };
  if (bytes.includes(0) || controlShare(bytes) > 0.01) {
    return { ok: false, problem: { code: 'binary', message: 'This is not a text file (it holds binary data): upload the survey as CSV', params: {} } };
  }
  try {
    return { ok: true, data: { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' } };
  } catch {
    // Not TextDecoder('windows-1252'): Node 20 decodes that label as Latin-1, turning "€" (0x80) into U+0080.
    return { ok: true, data: { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' } };
  }
}

/** Share of control bytes other than tab, newline, carriage return and form feed: text has almost none. */
function controlShare(bytes: Uint8Array): number {
  let count = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) count++;
  return bytes.length === 0 ? 0 : count / bytes.length;
}
