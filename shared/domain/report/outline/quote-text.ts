/**
 * A quote's own words, without the marks the writer may have typed around them, so the house
 * style never doubles them. Only marks around the whole text go: "Ze noemen het 'maatwerk'" keeps
 * its own, and an apostrophe between letters ("zo’n", "auto's") is never taken for a mark.
 */

const FAMILIES = [`"“”„«»`, `'‘’‚‹›`];
const familyOf = (char: string | undefined): string | undefined => (char ? FAMILIES.find((f) => f.includes(char)) : undefined);
const LETTER = /\p{L}/u;
/** "'s avonds", "'t is", "'n keer": an apostrophe that starts a word, not a quote. */
const CONTRACTION = /^['’‘][stn]\b/i;

/** The marks of one family in a text, apostrophes left out. */
const marksIn = (text: string, family: string): number =>
  [...text].filter((char, i) => family.includes(char) && !(LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? ''))).length;

export function quoteText(text: string): string {
  let value = text.replace(/\s+/g, ' ').trim();
  for (;;) {
    // A full stop typed after the closing mark ("…laag".) goes inside, where the quote ends.
    const end = /[.!?…]*$/.exec(value)![0];
    const body = value.slice(0, value.length - end.length);
    const first = CONTRACTION.test(body) ? undefined : familyOf(body[0]);
    const last = body.length > 1 ? familyOf(body.at(-1)) : undefined;
    if (first && last === first && marksIn(body.slice(1, -1), first) === 0) value = `${body.slice(1, -1).trim()}${end}`;
    else if (first && marksIn(value.slice(1), first) === 0) value = value.slice(1).trim();
    else if (last && marksIn(body.slice(0, -1), last) === 0) value = `${body.slice(0, -1).trim()}${end}`;
    else return value;
  }
}

/** The quote in the study's house style: “…” or ‘…’. */
export const quoted = (text: string, style: 'double' | 'single'): string => (style === 'single' ? `‘${quoteText(text)}’` : `“${quoteText(text)}”`);
