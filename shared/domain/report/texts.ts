import type { Rounding } from '../figures.ts';
import type { ReportModel } from './types.ts';

type Language = ReportModel['language'];
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A number as the language writes it: "19,2" in Dutch, "19.2" in English; a dash for none. */
export function decimal(language: Language, value: number | null): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1, useGrouping: false }).format(value);
}

/** A percentage as the language writes it: "39 %" and "12,5 %" in Dutch, "39%" in English. */
export function percentText(language: Language, value: number): string {
  return language === 'nl' ? `${decimal('nl', value)} %` : `${decimal('en', value)}%`;
}

/** Names that keep their capital inside a sentence: the domains and their laws. */
const PROPER_NAMES = new Set(['Wlz', 'Wmo', 'Jeugdwet', 'Forensische', 'Zvw', 'Zorgverzekeringswet']);

/**
 * A theme name inside a Dutch sentence: "Tarieven en kostprijs" becomes "tarieven en kostprijs";
 * names that start with an abbreviation or a law ("GGZ-inkoop", "Wlz-meerzorg") keep their capital.
 */
export function themeMidSentence(label: string): string {
  const first = /^[^\s,;:-]+/.exec(label)?.[0] ?? '';
  if (!/^[A-Z][a-zà-ÿ]*$/.test(first) || PROPER_NAMES.has(first)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * An answer inside a Dutch sentence: "Ja" and "Niet van toepassing" in lower case; names with more
 * than one capital ("Zilveren Kruis", "CZ") and laws ("Wlz") as they are.
 */
export function answerMidSentence(label: string): string {
  const first = /^[^\s,;:-]+/.exec(label)?.[0] ?? '';
  if (PROPER_NAMES.has(first) || !/^\p{Lu}[^\p{Lu}]*$/u.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** A label as a word inside a sentence: "Omzetklasse" becomes "omzetklasse"; "GGZ-regio" or "Zorg en Zekerheid" stay. */
export const midSentence = (label: string): string => (/^[A-Z][a-zà-ÿ]+$/.test(label) ? label.toLowerCase() : label);

/** Headings and fixed sentences of the report documents (Markdown, DOCX), per language. */
export const REPORT_TEXTS = {
  nl: {
    language: 'nl',
    locale: 'nl-NL',
    generatedOn: (date: string) => `Gegenereerd op ${date}.`,
    clientLine: (client: string) => `In opdracht van ${client}`,
    authorLine: (author: string) => `Auteur: ${author}`,
    documentKind: (session: string | null) => (session ? `Rapportage werksessie ${session}` : 'Rapportage werksessies'),
    contents: 'Inhoud',
    /** Around the page number and the page count in the footer: "Pagina 3 van 12". */
    pageOf: ['Pagina ', ' van '],
    sessionScope: (title: string) => `Rapportage van één werksessie: ${title}.`,
    introduction: 'Inleiding',
    purpose: 'Doel',
    questions: 'Centrale vragen',
    method: 'Werkwijze',
    methodText: (sessions: number, physical: number, digital: number, participants: number) =>
      `Er ${sessions === 1 ? 'is één werksessie' : `zijn ${sessions} werksessies`} gehouden, ${physical} fysiek en ${digital} digitaal, met in totaal ${count(participants, 'deelnemer', 'deelnemers')}.`,
    verifiedText: (n: number) =>
      n === 0 ? 'Er zijn na afloop geen aanbieders nagebeld.' : `Na afloop ${n === 1 ? 'is 1 aanbieder' : `zijn ${n} aanbieders`} nagebeld om de uitkomsten te toetsen.`,
    sessionColumns: ['Werksessie', 'Datum', 'Vorm', 'Domeinen', 'Deelnemers', 'Nagebeld'],
    mode: { fysiek: 'fysiek', digitaal: 'digitaal' },
    generalPicture: 'Algemeen beeld',
    basedOn: (titles: string) => `Werksessies: ${titles}.`,
    wentWell: 'Wat ging goed',
    toImprove: 'Wat kan beter',
    improvements: 'Concrete verbeterpunten',
    quotes: 'Citaten',
    votes: (n: number) => count(n, 'stem', 'stemmen'),
    cards: (n: number) => count(n, 'kaart', 'kaarten'),
    fromFollowUp: 'uit het nabellen',
    noCards: 'Geen kaarten.',
    noFindings: 'Geen verbeterpunten vastgelegd.',
    noQuotes: 'Geen citaten.',
    notVerified: 'Niet voorgelegd bij het nabellen.',
    verdicts: (herkend: number, deels: number, niet: number) => `herkend ${herkend}, deels ${deels}, niet herkend ${niet}`,
    lessons: 'Overkoepelende lessen',
    playsIn: (domains: string) => `speelt in ${domains}`,
    noLessons: 'Geen thema’s die in meer dan één domein terugkomen.',
    figures: 'Cijfers',
    matrixNote: 'Per cel: aantal kaarten (stemmen).',
    theme: 'Thema',
    domain: 'Domein',
    cardsColumn: 'Kaarten',
    wentWellColumn: 'Ging goed',
    toImproveColumn: 'Kan beter',
    votesColumn: 'Stemmen',
    total: 'Totaal',
    noData: 'Geen gegevens.',
    pollsAndSurveys: 'Peilingen en enquêtes',
    withoutTheme: 'Overige peilingen en vragen',
    pollIn: (session: string) => `Peiling in ${session}`,
    surveyFrom: (survey: string) => `Enquête: ${survey}`,
    answer: 'Antwoord',
    count: 'Aantal',
    percent: '%',
    excluded: 'niet meegeteld',
    nLine: (n: number, answered: number) => (n === answered ? `n = ${n}` : `n = ${n} (${answered} antwoorden, waarvan ${answered - n} niet meegeteld)`),
    meanLine: (mean: number) => `Gemiddelde: ${decimal('nl', mean)}`,
    numberLine: (n: number, mean: number | null, min: number | null, max: number | null) =>
      n === 0 ? 'Geen antwoorden.' : `Gemiddeld ${decimal('nl', mean)} (min ${decimal('nl', min)}, max ${decimal('nl', max)}), n = ${n}`,
    breakdown: (attribute: string) => `Uitgesplitst naar ${midSentence(attribute)}`,
    surveyQuotes: 'Uit de open antwoorden',
    roundingNote: (rounding: Rounding) =>
      rounding === 'plain'
        ? 'Percentages zijn per antwoord afgerond op hele procenten en tellen daardoor niet altijd op tot 100.'
        : 'Percentages zijn afgerond op hele procenten volgens de methode van de grootste resten, zodat ze optellen tot 100.',
    smallGroupNote: (n: number) => `* Minder dan ${n} respondenten: het percentage is alleen indicatief.`,
    meanColumn: 'Gemiddeld',
    appendix: 'Bijlage: deelnemers',
    followUp: 'Nagebelde aanbieders',
    people: 'Aantal',
    scope: 'Werkgebied',
    scopes: { regionaal: 'regionaal', landelijk: 'landelijk', onbekend: 'onbekend' },
    size: 'Omvang',
    sizes: { klein: 'klein', middelgroot: 'middelgroot', groot: 'groot', onbekend: 'onbekend' },
    regions: 'Regio’s',
    named: 'Met naam (met toestemming)',
    nobody: 'niemand',
  },
  en: {
    language: 'en',
    locale: 'en-GB',
    generatedOn: (date: string) => `Generated on ${date}.`,
    clientLine: (client: string) => `Commissioned by ${client}`,
    authorLine: (author: string) => `Author: ${author}`,
    documentKind: (session: string | null) => (session ? `Report of workshop ${session}` : 'Report of the workshops'),
    contents: 'Contents',
    pageOf: ['Page ', ' of '],
    sessionScope: (title: string) => `Report of one workshop: ${title}.`,
    introduction: 'Introduction',
    purpose: 'Purpose',
    questions: 'Central questions',
    method: 'Method',
    methodText: (sessions: number, physical: number, digital: number, participants: number) =>
      `${count(sessions, 'workshop was', 'workshops were')} held, ${physical} in person and ${digital} online, with ${count(participants, 'participant', 'participants')} in all.`,
    verifiedText: (n: number) =>
      n === 0 ? 'No providers were called afterwards.' : `Afterwards ${count(n, 'provider was', 'providers were')} called to verify the outcomes.`,
    sessionColumns: ['Workshop', 'Date', 'Form', 'Domains', 'Participants', 'Called'],
    mode: { fysiek: 'in person', digitaal: 'online' },
    generalPicture: 'Overall picture',
    basedOn: (titles: string) => `Workshops: ${titles}.`,
    wentWell: 'What went well',
    toImprove: 'What could be better',
    improvements: 'Concrete improvements',
    quotes: 'Quotes',
    votes: (n: number) => count(n, 'vote', 'votes'),
    cards: (n: number) => count(n, 'card', 'cards'),
    fromFollowUp: 'from the follow-up calls',
    noCards: 'No cards.',
    noFindings: 'No improvements recorded.',
    noQuotes: 'No quotes.',
    notVerified: 'Not put to the providers called afterwards.',
    verdicts: (herkend: number, deels: number, niet: number) => `recognised ${herkend}, partly ${deels}, not recognised ${niet}`,
    lessons: 'Cross-cutting lessons',
    playsIn: (domains: string) => `plays in ${domains}`,
    noLessons: 'No themes recur in more than one domain.',
    figures: 'Figures',
    matrixNote: 'Per cell: number of cards (votes).',
    theme: 'Theme',
    domain: 'Domain',
    cardsColumn: 'Cards',
    wentWellColumn: 'Went well',
    toImproveColumn: 'Could be better',
    votesColumn: 'Votes',
    total: 'Total',
    noData: 'No data.',
    pollsAndSurveys: 'Polls and surveys',
    withoutTheme: 'Other polls and questions',
    pollIn: (session: string) => `Poll in ${session}`,
    surveyFrom: (survey: string) => `Survey: ${survey}`,
    answer: 'Answer',
    count: 'Count',
    percent: '%',
    excluded: 'not counted',
    nLine: (n: number, answered: number) => (n === answered ? `n = ${n}` : `n = ${n} (${answered} answers, ${answered - n} not counted)`),
    meanLine: (mean: number) => `Mean: ${decimal('en', mean)}`,
    numberLine: (n: number, mean: number | null, min: number | null, max: number | null) =>
      n === 0 ? 'No answers.' : `Mean ${decimal('en', mean)} (min ${decimal('en', min)}, max ${decimal('en', max)}), n = ${n}`,
    breakdown: (attribute: string) => `Broken down by ${midSentence(attribute)}`,
    surveyQuotes: 'From the open answers',
    roundingNote: (rounding: Rounding) =>
      rounding === 'plain'
        ? 'Percentages are rounded to whole numbers one by one, so they do not always add up to 100.'
        : 'Percentages are rounded to whole numbers by the largest-remainder method, so that they add up to 100.',
    smallGroupNote: (n: number) => `* Fewer than ${n} respondents: the percentage is indicative only.`,
    meanColumn: 'Mean',
    appendix: 'Appendix: participants',
    followUp: 'Providers called afterwards',
    people: 'Number',
    scope: 'Area',
    scopes: { regionaal: 'regional', landelijk: 'national', onbekend: 'unknown' },
    size: 'Size',
    sizes: { klein: 'small', middelgroot: 'medium', groot: 'large', onbekend: 'unknown' },
    regions: 'Regions',
    named: 'Named (with consent)',
    nobody: 'nobody',
  },
} as const;

export type ReportTexts = (typeof REPORT_TEXTS)[Language];

/** The sentences the report model generates (general picture, purpose, attributions), per language. */
export const SUMMARY_TEXTS = {
  nl: {
    purpose: (title: string, year: number | null) =>
      `Dit rapport bundelt de uitkomsten van de werksessies van ${title}: wat ging er goed in de zorginkoop ${year === null ? 'van dit jaar' : `van ${year}`}, en wat kan ${year === null ? 'volgend jaar' : `in ${year + 1}`} beter? Aanbieders die niet bij een sessie konden zijn, zijn nagebeld om de uitkomsten te verifiëren.`,
    picture: (cards: number, good: number, better: number, votes: number, sessions: number, top: string[]) =>
      `In ${sessions === 1 ? 'één sessie' : `${sessions} sessies`} zijn ${cards} ${cards === 1 ? 'punt' : 'punten'} ingebracht: ${good} over wat goed ging en ${better} over wat beter kan, met samen ${votes} ${votes === 1 ? 'stem' : 'stemmen'}.` +
      (top.length ? ` De meeste aandacht ging naar ${list(top.map(themeMidSentence), 'en')}.` : ''),
    participant: 'deelnemer',
    called: 'nagebelde aanbieder',
    unknown: 'onbekend',
    verification: (h: number, d: number, n: number) => `herkend ${h}, deels ${d}, niet herkend ${n}`,
    surveyRespondent: 'Reactie van een deelnemende zorgaanbieder',
    /** A breakdown group of respondents who left the attribute or question empty. */
    unknownGroup: 'Onbekend',
    /** The sentence beside a key figure when the analyst wrote none: "antwoordde ‘ja’ op de vraag ‘…’". */
    callout: (category: string, question: string, multiple: boolean) =>
      `${multiple ? 'koos' : 'antwoordde'} ‘${answerMidSentence(category)}’ ${multiple ? 'bij' : 'op'} de vraag ‘${question}’`,
  },
  en: {
    purpose: (title: string, year: number | null) =>
      `This report brings together the outcomes of the workshops of ${title}: what went well in ${year === null ? "this year's procurement" : `the procurement of ${year}`}, and what should improve ${year === null ? 'next year' : `in ${year + 1}`}? Providers who could not attend were called afterwards to verify the outcomes.`,
    picture: (cards: number, good: number, better: number, votes: number, sessions: number, top: string[]) =>
      `${sessions === 1 ? 'One session' : `${sessions} sessions`} brought ${cards} ${cards === 1 ? 'point' : 'points'}: ${good} on what went well and ${better} on what should improve, with ${votes} ${votes === 1 ? 'vote' : 'votes'} in all.` +
      (top.length ? ` Most attention went to ${list(top, 'and')}.` : ''),
    participant: 'participant',
    called: 'provider called afterwards',
    unknown: 'unknown',
    verification: (h: number, d: number, n: number) => `recognised ${h}, partly ${d}, not recognised ${n}`,
    surveyRespondent: 'Response of a participating care provider',
    unknownGroup: 'Unknown',
    callout: (category: string, question: string, multiple: boolean) => `${multiple ? 'chose' : 'answered'} ‘${category}’ ${multiple ? 'for' : 'to'} the question ‘${question}’`,
  },
};

function list(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
