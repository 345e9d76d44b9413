/**
 * Join codes are read aloud in a room and typed on laptops, so the alphabet leaves out
 * look-alikes (0/O/D/Q, 1/I/L/J, 2/Z, 5/S, 8/B, 6/G, U/V/W) and vowels that spell words.
 */
export const JOIN_CODE_ALPHABET = '34679CFHKMNPRTXY';
export const JOIN_CODE_LENGTH = 6;

/** Uppercases and drops spaces and dashes, so "c7k-m3p" matches "C7KM3P". */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Shows a code in two groups of three, easy to read aloud: "C7K M3P". */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** Whether a normalised string can be a join code at all (cheap rejection before lookup). */
export function isJoinCodeShape(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}
