import type { Session } from '../../../schemas/session.ts';
import type { CardFacts } from '../card-facts.ts';
import { liveCalls } from '../card-facts.ts';
import { UNSORTED_THEME_ID } from '../../themes/default-codebook.ts';
import { verificationFor } from '../verification.ts';
import type { DraftTexts, Verified } from './draft-texts.ts';
import type { CardRef, OutlineBlock, Sentence } from './types.ts';

/**
 * Generated drafts of a chapter's sections, from its cards only: every number is counted, every
 * sentence names the cards it stands on, and the only words not from a template are the cards'
 * and the facilitator's (findings).
 */

export const ref = (f: CardFacts): CardRef => ({ sessionId: f.session.id, cardId: f.card.id, text: f.card.text, votes: f.votes });
export const sentence = (text: string, cards: CardFacts[], bold = false): Sentence => ({ text, bold, cards: cards.map(ref) });
const sum = (facts: CardFacts[]) => facts.reduce((total, f) => total + f.votes, 0);
const isGood = (f: CardFacts) => f.role === 'wentWell';
const isBad = (f: CardFacts) => f.role === 'notWell' || f.role === 'improve';
const byVotes = (a: CardFacts, b: CardFacts) => b.votes - a.votes || a.card.createdAt - b.card.createdAt;
const sentenceEnd = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The facts of one chapter and what its drafts need besides. */
export interface ChapterData {
  facts: CardFacts[];
  sessions: Session[];
  /** Multi-domain chapters: domain -> its facts. */
  domains: string[];
  t: DraftTexts;
  language: 'nl' | 'en';
}

/** Facts per theme, the heaviest theme (votes, then cards) first. */
export function byTheme(facts: CardFacts[]): CardFacts[][] {
  const groups = new Map<string, CardFacts[]>();
  for (const f of facts) groups.set(f.themeId, [...(groups.get(f.themeId) ?? []), f]);
  // "Overig" last: what fits no theme is no finding, whatever its votes.
  const unsorted = (g: CardFacts[]) => (g[0]!.themeId === UNSORTED_THEME_ID ? 1 : 0);
  return [...groups.values()].sort((a, b) => unsorted(a) - unsorted(b) || sum(b) - sum(a) || b.length - a.length || a[0]!.themeLabel.localeCompare(b[0]!.themeLabel));
}

/** The follow-up calls of these sessions on one theme. */
export function verifiedFor(sessions: Session[], themeId: string, language: 'nl' | 'en'): Verified {
  const total: Verified = { asked: 0, herkend: 0, deels: 0, niet: 0 };
  for (const session of sessions) {
    const v = verificationFor(liveCalls(session), themeId, language);
    total.asked += v.asked;
    total.herkend += v.herkend;
    total.deels += v.deels;
    total.niet += v.niet_herkend;
  }
  return total;
}

/** The findings (the facilitator's texts) of a theme in the sessions that have its cards, each once. */
export function findingsOf(sessions: Session[], facts: CardFacts[], themeId: string): string[] {
  const withCards = sessions.filter((s) => facts.some((f) => f.session === s && f.themeId === themeId));
  return [...new Set(withCards.flatMap((s) => (Object.hasOwn(s.synthesis.findings, themeId) ? [s.synthesis.findings[themeId]!.trim()] : [])).filter(Boolean))];
}

/** Where a theme's verification sentence goes: once per chapter, beside what was put to the callers. */
function verificationPlace(data: ChapterData, theme: CardFacts[]): 'wentWell' | 'notWell' | 'improvements' {
  const themeId = theme[0]!.themeId;
  if (findingsOf(data.sessions, data.facts, themeId).length) return 'improvements';
  if (theme.some((f) => f.role === 'notWell')) return 'notWell';
  if (theme.some((f) => f.role === 'improve')) return 'improvements';
  return 'wentWell';
}

function cardLines(facts: CardFacts[], t: DraftTexts): Sentence[] {
  return facts
    .filter((f) => !f.quote)
    .sort(byVotes)
    .map((f) => sentence(`${f.card.text.replace(/\s+/g, ' ').trim()} (${[t.votes(f.votes), f.card.origin.kind === 'followup' ? t.fromFollowUp : ''].filter(Boolean).join('; ')})`, [f]));
}

function domainSpread(data: ChapterData, facts: CardFacts[]): string | null {
  if (data.domains.length < 2) return null;
  return data.domains.map((d) => [d, facts.filter((f) => f.domain === d).length] as const).filter(([, n]) => n > 0).map(([d, n]) => `${d} ${n}`).join(', ');
}

function verificationSentence(data: ChapterData, theme: CardFacts[]): Sentence[] {
  // Only the calls of the sessions with the theme's cards here: the others were asked about their own cards' finding.
  const v = verifiedFor(data.sessions.filter((s) => theme.some((f) => f.session === s)), theme[0]!.themeId, data.language);
  return v.asked === 0 ? [] : [sentence(data.t.verified(v), [])];
}

/** Themed paragraph plus the card lines, for the went-well or the did-not-go-well section. */
function columnSection(data: ChapterData, side: 'wentWell' | 'notWell'): OutlineBlock[] {
  const { t } = data;
  const mine = side === 'wentWell' ? isGood : (f: CardFacts) => f.role === 'notWell';
  return byTheme(data.facts.filter(mine)).flatMap((cards): OutlineBlock[] => {
    const themeId = cards[0]!.themeId;
    const label = cards[0]!.themeLabel;
    const theme = data.facts.filter((f) => f.themeId === themeId);
    const good = theme.filter(isGood);
    const bad = theme.filter(isBad);
    const mixed = Math.min(good.length, bad.length) * 3 >= theme.length;
    const other = side === 'wentWell' ? bad : good;
    const lines = cardLines(cards, t);
    if (themeId === UNSORTED_THEME_ID) {
      const lead = [sentence(t.unsorted(cards.length, sum(cards), side === 'wentWell'), cards, true)];
      return [{ kind: 'paragraph', themeId, sentences: lead }, ...(lines.length ? [{ kind: 'list' as const, themeId, items: lines }] : [])];
    }
    const sentences = [
      sentence(side === 'wentWell' ? t.leadGood(label, mixed) : t.leadNotWell(label, mixed), cards, true),
      sentence(t.evidence(cards.length, sum(cards), domainSpread(data, cards)), cards),
      ...(other.length ? [sentence(t.otherSide(other.length, side === 'wentWell'), other)] : []),
      ...(verificationPlace(data, theme) === side ? verificationSentence(data, theme) : []),
    ];
    return [{ kind: 'paragraph', themeId, sentences }, ...(lines.length ? [{ kind: 'list' as const, themeId, items: lines }] : [])];
  });
}

export const wentWellDraft = (data: ChapterData) => columnSection(data, 'wentWell');
export const notWellDraft = (data: ChapterData) => columnSection(data, 'notWell');

/** Per theme its findings (bold, the facilitator's words) with their basis and verification, then cards of an improvement column. */
export function improvementsDraft(data: ChapterData): OutlineBlock[] {
  const { t } = data;
  return byTheme(data.facts).flatMap((theme): OutlineBlock[] => {
    const themeId = theme[0]!.themeId;
    const label = theme[0]!.themeLabel;
    const findings = findingsOf(data.sessions, data.facts, themeId);
    const improve = theme.filter((f) => f.role === 'improve');
    if (findings.length === 0 && improve.length === 0) return [];
    const basis = theme.filter(isBad).length ? theme.filter(isBad) : theme;
    const verification = verificationPlace(data, theme) === 'improvements' ? verificationSentence(data, theme) : [];
    const sentences =
      findings.length > 0
        ? [
            sentence(sentenceEnd(findings[0]!), basis, true),
            ...findings.slice(1).map((f) => sentence(t.alsoFinding(sentenceEnd(f)), basis)),
            sentence(t.findingBasis(label, basis.length, sum(basis)), basis),
            ...verification,
          ]
        : [sentence(themeId === UNSORTED_THEME_ID ? t.unsortedImprovements : t.improvementsFor(label), improve, true), ...verification];
    const lines = cardLines(improve, t);
    return [{ kind: 'paragraph', themeId, sentences }, ...(lines.length ? [{ kind: 'list' as const, themeId, items: lines }] : [])];
  });
}

/** The chapter at a glance: how many points, the balance, where the attention went, what it rests on. */
export function pictureDraft(data: ChapterData, opening: (cards: number, good: number, bad: number, votes: number, sessions: number) => string): OutlineBlock[] {
  const { t, facts } = data;
  if (facts.length === 0) return [];
  const good = facts.filter(isGood);
  const bad = facts.filter(isBad);
  const top = byTheme(facts.filter((f) => f.themeId !== UNSORTED_THEME_ID && f.votes > 0)).slice(0, 3);
  const calls = data.sessions.reduce((n, s) => n + liveCalls(s).length, 0);
  const sentences = [
    sentence(opening(facts.length, good.length, bad.length, sum(facts), data.sessions.length), facts, true),
    ...(top.length ? [sentence(t.attention(top.map((g) => g[0]!.themeLabel)), top.flat())] : []),
    sentence(t.weight(good.length, bad.length), [...good, ...bad]),
    sentence(t.sessionsBasis(data.sessions.map((s) => s.title)), []),
    ...(calls ? [sentence(t.calledBasis(calls), [])] : []),
  ];
  return [{ kind: 'paragraph', themeId: null, sentences }];
}

/** Differences between the chapter's domains (or, with one domain, its sessions): where the votes went, themes seen differently. */
export function differencesDraft(data: ChapterData): OutlineBlock[] {
  const { t } = data;
  const byDomain = data.domains.filter((d) => data.facts.some((f) => f.domain === d));
  const units =
    byDomain.length >= 2
      ? byDomain.map((d) => ({ name: d, facts: data.facts.filter((f) => f.domain === d) }))
      : data.sessions.length >= 2
        ? data.sessions.map((s) => ({ name: s.title, facts: data.facts.filter((f) => f.session === s) })).filter((u) => u.facts.length > 0)
        : [];
  if (units.length < 2) return [];
  const blocks: OutlineBlock[] = [];
  const tops = units.flatMap((u) => {
    const top = byTheme(u.facts.filter((f) => f.themeId !== UNSORTED_THEME_ID && f.votes > 0)).slice(0, 2);
    // "(12 kaarten in totaal)": it stands on all the unit's cards, not only those of its top themes.
    return top.length ? [sentence(t.domainTop(u.name, top.map((g) => g[0]!.themeLabel), u.facts.length), u.facts)] : [];
  });
  if (tops.length) blocks.push({ kind: 'paragraph', themeId: null, sentences: tops });
  const contrasts: Sentence[] = [];
  for (const theme of byTheme(data.facts.filter((f) => f.themeId !== UNSORTED_THEME_ID))) {
    const label = theme[0]!.themeLabel;
    const per = units
      .map((u) => ({ name: u.name, facts: theme.filter((f) => u.facts.includes(f)) }))
      .filter((u) => u.facts.length > 0)
      .map((u) => ({ ...u, good: u.facts.filter(isGood).length, bad: u.facts.filter(isBad).length }));
    if (per.length === 1 && theme.length >= 3) {
      contrasts.push(sentence(t.onlyIn(label, per[0]!.name, theme.length), theme));
      continue;
    }
    const share = (u: (typeof per)[number]) => u.good / u.facts.length;
    const sorted = [...per].filter((u) => u.facts.length >= 2).sort((a, b) => share(b) - share(a));
    const a = sorted[0];
    const b = sorted.at(-1);
    if (a && b && a !== b && share(a) >= 0.6 && share(b) <= 0.4) {
      contrasts.push(sentence(t.contrast(label, a.name, a.good, a.facts.length, b.name, b.bad, b.facts.length), [...a.facts, ...b.facts]));
    }
  }
  if (contrasts.length) blocks.push({ kind: 'paragraph', themeId: null, sentences: contrasts.slice(0, 6) });
  return blocks;
}
