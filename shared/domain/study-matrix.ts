import type { Codebook } from '../schemas/codebook.ts';
import type { Session } from '../schemas/session.ts';
import { defaultDomain } from './domains.ts';
import { synthesisView } from './synthesis-view.ts';
import { themeLabel, type ThemeLanguage } from './themes/theme-names.ts';
import { tallyVotes } from './visibility.ts';

/** One cell of the theme-by-domain matrix. */
export interface MatrixCell {
  /** Cards whose (first) theme this is. */
  cards: number;
  /** Their votes: a card's votes count once, for its first theme. */
  votes: number;
  /** `sessionId:cardId`, so the cell can open its cards. */
  cardRefs: string[];
  /** Cards that touch this theme as their second theme (confirmed or suggested), counted apart. */
  secondary: number;
  secondaryRefs: string[];
}

export interface StudyMatrix {
  themes: { id: string; label: string }[];
  domains: string[];
  /** cells[themeId][domain] */
  cells: Record<string, Record<string, MatrixCell>>;
  /** Themes with cards in every domain of the study: the overarching lessons (first themes only). */
  recurring: string[];
  /** Card texts by `sessionId:cardId` (no authors), for opening a cell. */
  texts: Record<string, string>;
}

/**
 * Whether a change to a session can move its study's matrix: its cards (hand counts included),
 * votes, theme decisions or domains. Rules build new objects only for what they change, so
 * comparing references is enough; a participant joining or a timer tick moves nothing.
 */
export const matrixChanged = (before: Session, after: Session): boolean =>
  before.cards !== after.cards || before.votes !== after.votes || before.synthesis !== after.synthesis || before.domains !== after.domains;

/** Without a domain on the card, a single-domain session's domain is the card's. */
export const NO_DOMAIN = '—';

/**
 * Themes against domains across all sessions of a study: where each theme's cards and votes come
 * from, so the themes that recur in every domain stand out. A card's second theme is counted
 * apart, as `secondary`: the first-theme counts, the votes and `recurring` are as without it, so
 * that a card touching two themes never makes one of them look overarching on its own. Theme names
 * are in `language` (see `themeLabel`).
 */
export function studyMatrix(sessions: Session[], codebook: Codebook, language: ThemeLanguage = 'nl'): StudyMatrix {
  // Domains are free text: a plain object would hand back Object.prototype for "__proto__" (or
  // Object for "constructor") and the counts below would be written onto it. Maps, then records.
  const grid = new Map<string, Map<string, MatrixCell>>();
  const texts: StudyMatrix['texts'] = {};
  const labels = new Map<string, string>();
  const domains = new Set<string>();
  const cellAt = (themeId: string, domain: string): MatrixCell => {
    const row = grid.get(themeId) ?? grid.set(themeId, new Map()).get(themeId)!;
    return row.get(domain) ?? row.set(domain, { cards: 0, votes: 0, cardRefs: [], secondary: 0, secondaryRefs: [] }).get(domain)!;
  };
  for (const session of [...sessions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const view = synthesisView(session, codebook, 'codebook');
    const tally = tallyVotes(session);
    for (const theme of view.themes) {
      labels.set(theme.id, themeLabel(theme, language));
      for (const cardId of theme.cardIds) {
        const card = session.cards[cardId]!;
        const domain = card.domain ?? defaultDomain(session.domains) ?? NO_DOMAIN;
        const ref = `${session.id}:${cardId}`;
        domains.add(domain);
        const cell = cellAt(theme.id, domain);
        cell.cards += 1;
        cell.votes += (tally.get(cardId)?.length ?? 0) + card.handVotes;
        cell.cardRefs.push(ref);
        texts[ref] = card.text;
        const second = view.assignments[cardId]?.secondary;
        if (second) {
          const other = cellAt(second.themeId, domain);
          other.secondary += 1;
          other.secondaryRefs.push(ref);
        }
      }
    }
  }
  const realDomains = [...domains].filter((d) => d !== NO_DOMAIN).sort();
  const recurring = [...grid.keys()]
    .filter((id) => id !== 'overig' && realDomains.length > 1 && realDomains.every((d) => (grid.get(id)!.get(d)?.cards ?? 0) > 0))
    .sort();
  // Object.fromEntries defines own keys, "__proto__" included.
  const cells: StudyMatrix['cells'] = Object.fromEntries([...grid].map(([id, row]) => [id, Object.fromEntries(row)]));
  return {
    themes: [...labels].filter(([id]) => grid.has(id)).map(([id, label]) => ({ id, label })),
    domains: [...realDomains, ...(domains.has(NO_DOMAIN) ? [NO_DOMAIN] : [])],
    cells,
    recurring,
    texts,
  };
}
