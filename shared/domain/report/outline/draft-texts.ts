import { themeMidSentence } from '../texts.ts';

/** The sentences of the generated drafts, per language. Every number in them comes from the data. */

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const capital = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** Dutch names a law or domain with its article: "in de Wmo", "in de Jeugdwet"; other names (a chapter, a session) as they are. */
const LAWS = new Set(['Wlz', 'Wmo', 'Jeugdwet', 'Forensische Zorg', 'GZSP']);
/** A sentence of the facilitator's inside ours: "Indexeer de tarieven" after a colon becomes "indexeer de tarieven". */
const inside = (text: string): string => themeMidSentence(text.trim()).replace(/[.!?]+$/, '');
/** Session titles that already say what they are ("Werksessie Wlz") need no "de werksessie" before them. */
const named = (titles: string[], one: string, many: string, and: string): string =>
  titles.every((t) => /^(werksessie|workshop|sessie|session)\b/i.test(t)) ? listOf(titles, and) : `${titles.length === 1 ? one : many} ${listOf(titles, and)}`;

export const inDutch = (name: string): string => (LAWS.has(name) ? `de ${name}` : name);

export function listOf(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

export interface Verified {
  asked: number;
  herkend: number;
  deels: number;
  niet: number;
}

export const DRAFT_TEXTS = {
  nl: {
    sectionTitles: {
      aanleiding: 'Aanleiding',
      client: 'Opdrachtgever',
      questions: 'Centrale vragen',
      method: 'Werkwijze',
      picture: 'Algemeen beeld',
      wentWell: 'Wat ging goed',
      notWell: 'Wat ging niet goed',
      differences: 'Verschillen',
      improvements: 'Concrete verbeterpunten',
      quotes: 'Citaten',
      lessons: 'Overkoepelende lessen',
      appendix: 'Bijlage: deelnemers',
    },
    and: 'en',
    /** A domain, chapter or session as a place in a sentence ("in de Wmo"). */
    place: inDutch,
    client: (client: string) => `Deze evaluatie is uitgevoerd in opdracht van ${client}.`,
    sessionsBasis: (titles: string[]) => `Dit hoofdstuk is gebaseerd op ${named(titles, 'de werksessie', 'de werksessies', 'en')}.`,
    calledBasis: (calls: number) => `Daarnaast ${calls === 1 ? 'is 1 aanbieder' : `zijn ${calls} aanbieders`} nagebeld om de uitkomsten te toetsen.`,
    attention: (themes: string[]) => `De meeste aandacht ging naar ${listOf(themes.map(themeMidSentence), 'en')}.`,
    noDomain: 'Overige punten',
    weight: (good: number, better: number): string =>
      better > 2 * good ? 'Het zwaartepunt lag bij wat niet goed ging en beter kan.' : good > 2 * better ? 'Het zwaartepunt lag bij wat goed ging.' : 'Positieve en kritische punten hielden elkaar ongeveer in evenwicht.',
    leadGood: (theme: string, mixed: boolean) => `Over ${themeMidSentence(theme)} zijn aanbieders ${mixed ? 'deels tevreden' : 'tevreden'}.`,
    leadNotWell: (theme: string, mixed: boolean) => (mixed ? `Over ${themeMidSentence(theme)} is het beeld gemengd.` : `Over ${themeMidSentence(theme)} zijn aanbieders ontevreden.`),
    evidence: (cards: number, votes: number, domains: string | null) =>
      `Dit kwam terug op ${n(cards, 'kaart', 'kaarten')}${votes === 0 ? ', zonder stemmen' : cards === 1 ? ` met ${n(votes, 'stem', 'stemmen')}` : ` met samen ${n(votes, 'stem', 'stemmen')}`}${domains ? ` (${domains})` : ''}.`,
    otherSide: (count: number, good: boolean) =>
      good ? `Tegelijk ${count === 1 ? 'ging 1 kaart' : `gingen ${count} kaarten`} over wat niet goed ging.` : `Daartegenover ${count === 1 ? 'stond 1 kaart' : `stonden ${count} kaarten`} over wat goed ging.`,
    verified: (v: Verified) =>
      `Bij het nabellen is dit bevestigd door ${v.herkend} van ${v.asked} nagebelde ${v.asked === 1 ? 'aanbieder' : 'aanbieders'}` +
      (v.deels ? `; ${v.deels} ${v.deels === 1 ? 'herkende' : 'herkenden'} het deels` : '') +
      (v.niet ? `; ${v.niet} niet` : '') +
      '.',
    findingBasis: (theme: string, cards: number, votes: number) =>
      `Dit verbeterpunt rust op ${n(cards, 'kaart', 'kaarten')} over ${themeMidSentence(theme)}${votes === 0 ? ', zonder stemmen' : cards === 1 ? ` met ${n(votes, 'stem', 'stemmen')}` : ` met samen ${n(votes, 'stem', 'stemmen')}`}.`,
    alsoFinding: (finding: string) => `Daarnaast: ${inside(finding)}.`,
    improvementsFor: (theme: string) => `Voor ${themeMidSentence(theme)} noemden deelnemers deze verbeterpunten.`,
    /** Cards that fit no theme ("Overig"): no finding about a theme called "overig", just what else was said. */
    unsorted: (cards: number, votes: number, good: boolean) =>
      `Daarnaast ${cards === 1 ? 'kwam 1 los punt' : `kwamen ${cards} losse punten`} over wat ${good ? 'goed ging' : 'niet goed ging'} naar voren, buiten de thema's${votes === 0 ? '' : ` (${n(votes, 'stem', 'stemmen')})`}.`,
    unsortedImprovements: 'Daarnaast noemden deelnemers deze losse verbeterpunten, buiten de thema\'s.',
    votes: (votes: number) => n(votes, 'stem', 'stemmen'),
    fromFollowUp: 'uit het nabellen',
    domainTop: (domain: string, themes: string[], cards: number) => `In ${inDutch(domain)} gingen de meeste stemmen naar ${listOf(themes.map(themeMidSentence), 'en')} (${n(cards, 'kaart', 'kaarten')} in totaal).`,
    contrast: (theme: string, a: string, ag: number, an: number, b: string, bb: number, bn: number) =>
      `Over ${themeMidSentence(theme)} waren de kaarten in ${inDutch(a)} vooral positief (${ag} van ${an}), in ${inDutch(b)} vooral kritisch (${bb} van ${bn}).`,
    onlyIn: (theme: string, where: string, cards: number) => `Alleen in ${inDutch(where)} kwam ${themeMidSentence(theme)} naar voren (${n(cards, 'kaart', 'kaarten')}).`,
    lessonLead: (theme: string, where: string, tone: 'good' | 'bad' | 'mixed') =>
      tone === 'bad'
        ? `Een terugkerend knelpunt in ${where}: ${themeMidSentence(theme)}.`
        : tone === 'good'
          ? `Wat in ${where} goed werkt en behoud verdient: ${themeMidSentence(theme)}.`
          : `Een wisselend beeld in ${where} over ${themeMidSentence(theme)}.`,
    lessonEvidence: (cards: number, votes: number, good: number, bad: number) =>
      `Samen ${n(cards, 'kaart', 'kaarten')} en ${n(votes, 'stem', 'stemmen')}: ${good} over wat goed ging, ${bad} over wat niet goed ging of beter kan.`,
    lessonFindings: (findings: string[]) => `${findings.length === 1 ? 'Het verbeterpunt' : 'De verbeterpunten'} uit de sessies: ${findings.map(inside).join('; ')}.`,
    appendixPeople: (people: number, sessions: number) => `Aan ${sessions === 1 ? 'de werksessie' : `de ${sessions} werksessies`} ${people === 1 ? 'nam 1 persoon' : `namen ${people} personen`} deel.`,
    appendixScope: (regional: number, national: number) => `Van hen ${regional === 1 ? 'werkt 1 regionaal' : `werken ${regional} regionaal`} en ${national} landelijk.`,
    appendixSize: (small: number, mid: number, large: number) => `Naar omvang: ${small} klein, ${mid} middelgroot en ${large} groot.`,
    appendixCalls: (calls: number) => (calls === 0 ? 'Er zijn geen aanbieders nagebeld.' : `Na afloop ${calls === 1 ? 'is 1 aanbieder' : `zijn ${calls} aanbieders`} nagebeld.`),
  },
  en: {
    sectionTitles: {
      aanleiding: 'Background',
      client: 'Client',
      questions: 'Central questions',
      method: 'Method',
      picture: 'Overall picture',
      wentWell: 'What went well',
      notWell: 'What did not go well',
      differences: 'Differences',
      improvements: 'Concrete improvements',
      quotes: 'Quotes',
      lessons: 'Cross-cutting lessons',
      appendix: 'Appendix: participants',
    },
    and: 'and',
    place: (name: string): string => name,
    client: (client: string) => `This evaluation was commissioned by ${client}.`,
    sessionsBasis: (titles: string[]) => `This chapter is based on ${named(titles, 'the workshop', 'the workshops', 'and')}.`,
    calledBasis: (calls: number) => `In addition, ${n(calls, 'provider was', 'providers were')} called to verify the outcomes.`,
    attention: (themes: string[]) => `Most attention went to ${listOf(themes.map(themeMidSentence), 'and')}.`,
    noDomain: 'Other points',
    weight: (good: number, better: number): string =>
      better > 2 * good ? 'The weight lay on what did not go well and should improve.' : good > 2 * better ? 'The weight lay on what went well.' : 'Positive and critical points were roughly in balance.',
    leadGood: (theme: string, mixed: boolean) => `Providers are ${mixed ? 'partly satisfied' : 'satisfied'} with ${themeMidSentence(theme)}.`,
    leadNotWell: (theme: string, mixed: boolean) => (mixed ? `The picture on ${themeMidSentence(theme)} is mixed.` : `Providers are dissatisfied with ${themeMidSentence(theme)}.`),
    evidence: (cards: number, votes: number, domains: string | null) =>
      `This came up on ${n(cards, 'card', 'cards')}${votes === 0 ? ', without votes' : ` with ${n(votes, 'vote', 'votes')}${cards === 1 ? '' : ' in all'}`}${domains ? ` (${domains})` : ''}.`,
    otherSide: (count: number, good: boolean) =>
      good ? `At the same time ${n(count, 'card was', 'cards were')} about what did not go well.` : `Against this stood ${n(count, 'card', 'cards')} on what went well.`,
    verified: (v: Verified) =>
      `In the follow-up calls this was confirmed by ${v.herkend} of ${v.asked} ${v.asked === 1 ? 'provider' : 'providers'} called` +
      (v.deels ? `; ${v.deels} partly recognised it` : '') +
      (v.niet ? `; ${v.niet} did not` : '') +
      '.',
    findingBasis: (theme: string, cards: number, votes: number) =>
      `This improvement rests on ${n(cards, 'card', 'cards')} on ${themeMidSentence(theme)}${votes === 0 ? ', without votes' : ` with ${n(votes, 'vote', 'votes')}${cards === 1 ? '' : ' in all'}`}.`,
    alsoFinding: (finding: string) => `Also: ${inside(finding)}.`,
    improvementsFor: (theme: string) => `For ${themeMidSentence(theme)} participants named these improvements.`,
    unsorted: (cards: number, votes: number, good: boolean) =>
      `Besides the themes, ${n(cards, 'separate point', 'separate points')} came up on what ${good ? 'went well' : 'did not go well'}${votes === 0 ? '' : ` (${n(votes, 'vote', 'votes')})`}.`,
    unsortedImprovements: 'Participants also named these separate improvements, outside the themes.',
    votes: (votes: number) => n(votes, 'vote', 'votes'),
    fromFollowUp: 'from the follow-up calls',
    domainTop: (domain: string, themes: string[], cards: number) => `In ${domain} most votes went to ${listOf(themes.map(themeMidSentence), 'and')} (${n(cards, 'card', 'cards')} in all).`,
    contrast: (theme: string, a: string, ag: number, an: number, b: string, bb: number, bn: number) =>
      `${capital(themeMidSentence(theme))} was mostly named as a strength in ${a} (${ag} of ${an} cards), in ${b} mostly as a problem (${bb} of ${bn}).`,
    onlyIn: (theme: string, where: string, cards: number) => `${capital(themeMidSentence(theme))} came up only in ${where} (${n(cards, 'card', 'cards')}).`,
    lessonLead: (theme: string, where: string, tone: 'good' | 'bad' | 'mixed') =>
      tone === 'bad' ? `${capital(themeMidSentence(theme))} is a recurring problem in ${where}.` : tone === 'good' ? `${capital(themeMidSentence(theme))} works well in ${where} and is worth keeping.` : `${capital(themeMidSentence(theme))} plays in ${where}, with a mixed picture.`,
    lessonEvidence: (cards: number, votes: number, good: number, bad: number) =>
      `Together ${n(cards, 'card', 'cards')} and ${n(votes, 'vote', 'votes')}: ${good} on what went well, ${bad} on what did not or should improve.`,
    lessonFindings: (findings: string[]) => `${findings.length === 1 ? 'The improvement' : 'The improvements'} from the workshops: ${findings.map(inside).join('; ')}.`,
    appendixPeople: (people: number, sessions: number) => `${n(people, 'person', 'people')} took part in ${sessions === 1 ? 'the workshop' : `the ${sessions} workshops`}.`,
    appendixScope: (regional: number, national: number) => `Of them, ${regional} work regionally and ${national} nationally.`,
    appendixSize: (small: number, mid: number, large: number) => `By size: ${small} small, ${mid} medium-sized and ${large} large.`,
    appendixCalls: (calls: number) => (calls === 0 ? 'No providers were called afterwards.' : `Afterwards ${n(calls, 'provider was', 'providers were')} called.`),
  },
};

export type DraftTexts = (typeof DRAFT_TEXTS)['nl'];
