/**
 * The structure of a Dutch statement, as far as it says what the statement is about: its clauses,
 * each with a weight for how much it carries the topic. Report sentences and quotes are long; the
 * word that names a theme often sits in a clause that is only the consequence ("…, waardoor het
 * veel tijd kost"), the rejected half of a contrast ("niet zozeer het tarief, wel de looptijd") or
 * a purpose ("om de administratie te beperken"). Weighing those clauses down lets the clause that
 * carries the subject decide. Pure and deterministic.
 */

export type ClauseRole =
  /** The statement itself, or the part a contrast points to. */
  | 'topic'
  /** A result or effect: "waardoor …", "wat leidt tot …", "… kost veel tijd". */
  | 'consequence'
  /** What something is for: "om … te …", "zodat …". */
  | 'purpose'
  /** The half a contrast sets aside: "niet alleen X", "niet zozeer X", "in plaats van X". */
  | 'aside'
  /** A concession or the part before "maar": true, yet not the point. */
  | 'concession'
  /** An earlier sentence given as context ("[…] Deze variatie …"). */
  | 'context';

export interface Clause {
  text: string;
  role: ClauseRole;
  /** 0..1: how much the clause's words count for the statement's theme. */
  weight: number;
}

/**
 * Weights per role. Chosen on the labelled development material (long-dev.tsv and the card sets,
 * see README, theme engine): low enough that a consequence word does not outvote the topic, high
 * enough that a statement whose only theme word sits in such a clause still gets it.
 */
export const ROLE_WEIGHT: Record<ClauseRole, number> = {
  topic: 1,
  consequence: 0.45,
  purpose: 0.5,
  aside: 0.4,
  concession: 0.75,
  context: 0.35,
};

/** Context counts this much when the statement refers back to it ("Deze variatie …"). */
export const REFERRED_CONTEXT_WEIGHT = 0.8;

/** Openings of a clause that is a consequence of what came before. */
const CONSEQUENCE_OPENERS = [
  'waardoor', 'waardoordat', 'daardoor', 'hierdoor', 'met als gevolg', 'met het gevolg', 'wat ertoe leidt', 'hetgeen',
  'wat weer', 'dus', 'wat leidt', 'wat leidde', 'wat zorgt', 'wat zorgde', 'wat betekent', 'wat betekende',
  'wat kost', 'wat kostte', 'wat scheelt', 'wat oplevert', 'wat resulteert', 'wat ten koste', 'wat veel',
  'wat de', 'wat het', 'wat extra', 'wat ons', 'wat hen', 'wat voor veel', 'met als resultaat', 'dat kost', 'dat levert',
  'en dat kost', 'en dat levert', 'dat scheelt',
];

/** Verb phrases inside a clause after which the rest is the effect ("De aanvraag kost veel tijd"). */
const CONSEQUENCE_VERBS = [
  'leidt tot', 'leiden tot', 'leidde tot', 'leidden tot', 'geleid tot', 'zorgt voor', 'zorgen voor', 'zorgde voor',
  'zorgden voor', 'resulteert in', 'resulteren in', 'resulteerde in', 'kost veel', 'kosten veel', 'kostte veel',
  'kost ons', 'kosten ons', 'kostte ons', 'kost hen', 'kost mij', 'kost me', 'kost onevenredig', 'kost enorm',
  'kost extra', 'gaat ten koste van', 'gaan ten koste van', 'ging ten koste van', 'heeft tot gevolg', 'hebben tot gevolg',
  'met zich mee', 'vraagt veel', 'vragen veel', 'vergt veel', 'vergen veel', 'neemt veel', 'levert veel',
  'leveren veel', 'brengt veel', 'brengen veel', 'betekent veel', 'betekent extra', 'scheelt veel', 'scheelt ons',
];

/** Openings of a purpose clause. */
const PURPOSE_OPENERS = ['zodat', 'opdat', 'teneinde', 'ter vermindering', 'ter beperking', 'ter verlaging'];

/** Openings of a clause that concedes before the point ("Hoewel …, …"). */
const CONCESSION_OPENERS = ['hoewel', 'ondanks', 'ofschoon', 'weliswaar', 'al is', 'al was', 'al zijn'];

/** Openings that make the clause after them the point ("…, maar …"). */
const TURN_OPENERS = ['maar', 'echter', 'alleen', 'toch', 'desondanks', 'daarentegen', 'wel'];

/** Words at the start of a statement that point back to an earlier sentence. */
const BACK_REFERENCES = [
  'deze', 'dit', 'die', 'dat', 'zo n', 'zulke', 'zulk', 'een dergelijke', 'een dergelijk', 'dergelijke', 'hierdoor',
  'daardoor', 'hiermee', 'daarmee', 'hierin', 'daarin', 'hierbij', 'daarbij', 'ook dat', 'hetzelfde', 'datzelfde',
  'dezelfde', 'ook hier', 'ook daar', 'hier', 'daar', 'het', 'ook dit', 'dat laatste', 'dit laatste',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alternation = (words: string[]) => words.map(escape).join('|');
const opener = (words: string[]) => new RegExp(`^(?:${alternation(words)})\\b`);

const CONSEQUENCE_OPENER = opener(CONSEQUENCE_OPENERS);
const PURPOSE_OPENER = opener(PURPOSE_OPENERS);
const CONCESSION_OPENER = opener(CONCESSION_OPENERS);
const TURN_OPENER = opener(TURN_OPENERS);
const BACK_REFERENCE = opener(BACK_REFERENCES);
const CONSEQUENCE_VERB = new RegExp(`\\b(?:${alternation(CONSEQUENCE_VERBS)})\\b`);
/** Clause boundaries inside a sentence: a comma, or a conjunction that opens a clause of its own. */
const CLAUSE_MARKERS = new RegExp(
  `\\s(?=(?:${alternation(['waardoor', 'zodat', 'omdat', 'doordat', 'terwijl', 'hoewel', 'maar', 'met als gevolg', 'hetgeen', 'opdat', 'teneinde'])})\\b)`,
);

/** Lowercase without diacritics, keeping the punctuation that marks clauses. */
function lower(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").replace(/'/g, ' ');
}

/** "om … te <verb>": a purpose clause inside a clause; returns the split point or -1. */
function purposeStart(clause: string): number {
  const match = /(?:^|\s)om\s(?:\S+\s){0,8}?te\s\S+/.exec(clause);
  if (!match) return -1;
  // "om" opening the clause, or after the main verb ("… gemaakt om de lasten te verlagen").
  return match.index === 0 ? 0 : match.index + 1;
}

interface Part {
  text: string;
  role: ClauseRole;
}

/** Splits one sentence into clauses with their roles. */
function sentenceClauses(sentence: string): Part[] {
  // Contrasts that span commas are read on the whole sentence first.
  const contrast =
    /\bniet\s+(alleen|enkel|slechts|uitsluitend|zozeer|zo\s+zeer|zozeer\s+om|in\s+de\s+eerste\s+plaats|primair)\b(.*?)(?:,\s*|\s)(?:(?:maar|doch)\s+)?(ook|wel|vooral|juist|eerder|met\s+name|veeleer|maar)\b(.*)$/.exec(sentence);
  if (contrast) {
    const before = sentence.slice(0, contrast.index);
    const aside = contrast[2]!;
    const point = `${contrast[3] === 'maar' ? '' : contrast[3]} ${contrast[4]}`;
    const weakAside = /zo\s*zeer|eerste|primair/.test(contrast[1]!);
    return [
      ...(before.trim() ? sentenceClauses(before) : []),
      { text: aside, role: weakAside ? 'aside' : 'concession' },
      ...sentenceClauses(point.trim()),
    ];
  }
  const insteadOf = /\b(?:in\s+plaats\s+van|in\s+tegenstelling\s+tot|los\s+van)\b([^,]*)/.exec(sentence);
  if (insteadOf) {
    const rest = sentence.slice(0, insteadOf.index) + ' ' + sentence.slice(insteadOf.index + insteadOf[0].length);
    return [...sentenceClauses(rest.trim()), { text: insteadOf[1]!, role: 'aside' }];
  }

  const pieces = sentence.split(/\s*,\s*|\s+-\s+|\s*\(\s*|\s*\)\s*/).flatMap((p) => p.split(CLAUSE_MARKERS));
  const parts: Part[] = [];
  for (const raw of pieces) {
    let piece = raw.trim();
    if (!piece) continue;
    let role: ClauseRole = 'topic';
    if (CONSEQUENCE_OPENER.test(piece)) role = 'consequence';
    else if (PURPOSE_OPENER.test(piece)) role = 'purpose';
    else if (CONCESSION_OPENER.test(piece)) role = 'concession';
    else if (TURN_OPENER.test(piece) && parts.length > 0) {
      // What came before the turn is granted, not the point.
      for (const p of parts) if (p.role === 'topic') p.role = 'concession';
    }
    if (role === 'topic' || role === 'concession') {
      const om = purposeStart(piece);
      if (om > 0) {
        parts.push({ text: piece.slice(0, om), role }, { text: piece.slice(om), role: 'purpose' });
        continue;
      }
      if (om === 0) role = 'purpose';
    }
    if (role !== 'consequence') {
      const verb = CONSEQUENCE_VERB.exec(piece);
      // "De aanvraag kost veel tijd": the subject is the topic, the rest its effect. A clause that
      // starts with the verb ("kost veel tijd") has no subject of its own: it stays as it is.
      if (verb && verb.index > 0) {
        parts.push({ text: piece.slice(0, verb.index), role }, { text: piece.slice(verb.index), role: 'consequence' });
        continue;
      }
    }
    parts.push({ text: piece, role });
  }
  return parts;
}

/**
 * The clauses of a statement with their weights. A bracketed opening sentence ("[Elke gemeente
 * hanteert eigen codes.] Deze variatie …") is context: it counts a little, and more when the
 * statement refers back to it. A statement whose clauses are all consequences (or asides) keeps
 * them at full weight: then they are all there is to go on.
 */
export function clauses(text: string): Clause[] {
  const context: string[] = [];
  const body = lower(text).replace(/\[([^\]]*)\]/g, (_, inner: string) => {
    context.push(inner);
    return ' ';
  }).trim();
  const parts: Part[] = [];
  for (const sentence of body.split(/\s*[.;:!?]+(?:\s+|$)|\s*\n+\s*/)) {
    if (sentence.trim()) parts.push(...sentenceClauses(sentence.trim()));
  }
  const result: Clause[] = parts
    .filter((p) => /[a-z0-9]/.test(p.text))
    .map((p) => ({ text: p.text.trim(), role: p.role, weight: ROLE_WEIGHT[p.role] }));
  const topical = result.some((c) => c.role === 'topic' || c.role === 'concession');
  if (!topical) for (const c of result) c.weight = 1;
  if (context.length > 0) {
    const refersBack = BACK_REFERENCE.test(body);
    for (const inner of context) {
      result.push({ text: inner.trim(), role: 'context', weight: refersBack || result.length === 0 ? REFERRED_CONTEXT_WEIGHT : ROLE_WEIGHT.context });
    }
  }
  return result;
}

/** Whether a statement opens by pointing back to something said before ("Deze variatie …"). */
export function refersBack(text: string): boolean {
  return BACK_REFERENCE.test(lower(text).replace(/\[[^\]]*\]/g, ' ').trim());
}
