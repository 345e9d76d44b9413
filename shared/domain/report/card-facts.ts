import type { FollowUpCall } from '../../schemas/followup.ts';
import { BUILTIN_DOMAINS, type Card, type Session } from '../../schemas/session.ts';
import type { Study } from '../../schemas/study.ts';
import { defaultDomain } from '../domains.ts';
import { NO_DOMAIN } from '../study-matrix.ts';
import { synthesisView } from '../synthesis-view.ts';
import { themeLabel, type ThemeLanguage } from '../themes/theme-names.ts';
import { isLive, tallyVotes } from '../visibility.ts';

/** What a column asks: by position, the first "what went well", the second "what should improve". */
export type ColumnKind = 'goed' | 'beter' | 'overig';
export const columnKind = (session: Session, columnId: string): ColumnKind => {
  const index = session.columns.findIndex((c) => c.id === columnId);
  return index === 0 ? 'goed' : index === 1 ? 'beter' : 'overig';
};

/**
 * Which section of a chapter a column's cards feed: what went well ("tevreden"), what did not
 * ("ontevreden") or what should improve ("verbeterpunten"). Read from the column's title where it
 * says so ("Wat ging niet goed?", "Verbeterpunten voor volgend jaar"), else by position as in
 * `columnKind`. A session without a "did not go well" column has its should-improve cards under
 * "ontevreden": they name what did not go well, and the themes' findings are the improvements.
 */
export type ColumnRole = 'wentWell' | 'notWell' | 'improve' | 'other';

const NOT_WELL = /\b(niet goed|minder goed|ontevreden|knelpunt|knelpunten|slecht|negatief|niet well|did not go well|went badly|dissatisf|problems?)\b/i;
const IMPROVE = /\b(beter|verbeter\w*|verbeterpunt\w*|volgend jaar|aanbeveling\w*|wens\w*|better|improve\w*|next year|recommend\w*)\b/i;
const WENT_WELL = /\b(goed|tevreden|positief|sterk\w*|went well|good|satisf\w*|positive)\b/i;

export function columnRoles(session: Session): Map<string, ColumnRole> {
  const guessed = session.columns.map((c): ColumnRole | null =>
    NOT_WELL.test(c.title) ? 'notWell' : IMPROVE.test(c.title) ? 'improve' : WENT_WELL.test(c.title) ? 'wentWell' : null,
  );
  const roles = session.columns.map((c, i): ColumnRole => guessed[i] ?? (i === 0 ? 'wentWell' : i === 1 ? 'improve' : 'other'));
  const hasNotWell = roles.includes('notWell');
  return new Map(session.columns.map((c, i) => [c.id, roles[i] === 'improve' && !hasNotWell ? 'notWell' : roles[i]!]));
}

/** A card's domain: its own, or the session's when the session has one domain. */
export const cardDomain = (session: Session, card: Card): string =>
  card.domain ?? defaultDomain(session.domains) ?? NO_DOMAIN;

const DOMAIN_ORDER: readonly string[] = BUILTIN_DOMAINS;
/** Wlz, Wmo, Jeugdwet, Forensische Zorg, GZSP, then other domains alphabetically, cards without a domain last. */
export const byDomainOrder = (a: string, b: string): number => {
  const rank = (d: string) => (d === NO_DOMAIN ? 1000 : DOMAIN_ORDER.includes(d) ? DOMAIN_ORDER.indexOf(d) : 100);
  return rank(a) - rank(b) || a.localeCompare(b);
};

/** One live card with everything the report says of it. */
export interface CardFacts {
  session: Session;
  card: Card;
  domain: string;
  kind: ColumnKind;
  role: ColumnRole;
  themeId: string;
  themeLabel: string;
  votes: number;
  quote: boolean;
}

export const liveCalls = (session: Session): FollowUpCall[] => Object.values(session.followUps).filter((c) => c.deletedAt === null);

/**
 * Every live card of the sessions, oldest first per session, with its theme (the study's codebook,
 * named in `language`), votes and role.
 */
export function collectCardFacts(study: Study, sessions: Session[], language: ThemeLanguage = 'nl'): CardFacts[] {
  const facts: CardFacts[] = [];
  for (const session of sessions) {
    const view = synthesisView(session, study.codebook, 'codebook');
    const labels = new Map(view.themes.map((th) => [th.id, themeLabel(th, language)]));
    const tally = tallyVotes(session);
    const roles = columnRoles(session);
    for (const card of Object.values(session.cards).filter(isLive).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))) {
      const themeId = view.assignments[card.id]?.themeId ?? 'overig';
      facts.push({
        session,
        card,
        domain: cardDomain(session, card),
        kind: columnKind(session, card.columnId),
        role: roles.get(card.columnId) ?? 'other',
        themeId,
        themeLabel: labels.get(themeId) ?? themeId,
        votes: (tally.get(card.id)?.length ?? 0) + card.handVotes,
        quote: Object.hasOwn(session.synthesis.quotes, card.id),
      });
    }
  }
  return facts;
}
