import type { Codebook } from '../schemas/codebook.ts';
import type { Session } from '../schemas/session.ts';
import { synthesisView } from './synthesis-view.ts';
import { tallyVotes } from './visibility.ts';

/** One cell of the theme-by-domain matrix. */
export interface MatrixCell {
  cards: number;
  votes: number;
  /** `sessionId:cardId`, so the cell can open its cards. */
  cardRefs: string[];
}

export interface StudyMatrix {
  themes: { id: string; label: string }[];
  domains: string[];
  /** cells[themeId][domain] */
  cells: Record<string, Record<string, MatrixCell>>;
  /** Themes with cards in every domain of the study: the overarching lessons. */
  recurring: string[];
  /** Card texts by `sessionId:cardId` (no authors), for opening a cell. */
  texts: Record<string, string>;
}

/** Without a domain on the card, a single-domain session's domain is the card's. */
export const NO_DOMAIN = '—';

/**
 * Themes against domains across all sessions of a study: where each theme's cards and votes come
 * from, so the themes that recur in every domain stand out.
 */
export function studyMatrix(sessions: Session[], codebook: Codebook): StudyMatrix {
  // Domains are free text: a plain object would hand back Object.prototype for "__proto__" (or
  // Object for "constructor") and the counts below would be written onto it. Maps, then records.
  const grid = new Map<string, Map<string, MatrixCell>>();
  const texts: StudyMatrix['texts'] = {};
  const labels = new Map<string, string>();
  const domains = new Set<string>();
  for (const session of [...sessions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const view = synthesisView(session, codebook, 'codebook');
    const tally = tallyVotes(session);
    for (const theme of view.themes) {
      labels.set(theme.id, theme.label);
      for (const cardId of theme.cardIds) {
        const card = session.cards[cardId]!;
        const domain = card.domain ?? (session.domains.length === 1 ? session.domains[0]! : NO_DOMAIN);
        domains.add(domain);
        const row = grid.get(theme.id) ?? grid.set(theme.id, new Map()).get(theme.id)!;
        const cell = row.get(domain) ?? row.set(domain, { cards: 0, votes: 0, cardRefs: [] }).get(domain)!;
        cell.cards += 1;
        cell.votes += (tally.get(cardId)?.length ?? 0) + card.handVotes;
        cell.cardRefs.push(`${session.id}:${cardId}`);
        texts[`${session.id}:${cardId}`] = card.text;
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
