import type { CardView } from '../protocol/views.ts';
import type { Codebook } from '../schemas/codebook.ts';
import type { FollowUpCall } from '../schemas/followup.ts';
import type { Session } from '../schemas/session.ts';
import type { Verification } from './report/types.ts';
import { verificationFor } from './report/verification.ts';
import { synthesisView } from './synthesis-view.ts';
import { cardVisibleTo, isLive, tallyVotes, toCardView } from './visibility.ts';

/** A card to read out on the phone: its words only, never who wrote it. */
export interface ScriptCard {
  id: string;
  text: string;
  /** Digital and hand-counted votes on it. */
  votes: number;
}

/** One finding to read out on the phone. */
export interface ScriptItem {
  themeId: string;
  label: string;
  /** The facilitator's finding for the theme, or null when there is none yet (the cards then speak). */
  finding: string | null;
  /** Cards of the session itself in this theme (points from calls left out). */
  cards: number;
  /** Digital and hand-counted votes in this theme. */
  votes: number;
  /**
   * The session's own cards of the theme that the room could see (the projection's rule: none
   * while they are hidden), most votes first, for the caller to read out. No authors: a card read
   * out on the phone must not name an anonymous writer, and the callee needs no names at all.
   */
  readOut: ScriptCard[];
  /** How the calls so far received it, e.g. "bevestigd door 4 van 5 nagebelde aanbieders". */
  verification: Verification;
}

/** What the follow-up page shows: facilitator consoles only, since callees are named. */
export interface FollowUpView {
  /** Every call, newest day first; deleted ones too (`deletedAt` set), so that they can be restored. */
  calls: FollowUpCall[];
  script: ScriptItem[];
  /** Live cards raised in calls, with the call each came from. */
  cards: (CardView & { callId: string })[];
}

/**
 * What to ask a provider, in order: the session's themes with a finding or cards of their own,
 * most votes first; among equals those with a finding, then the engine's order.
 */
export function callScript(session: Session, codebook: Codebook, language: 'nl' | 'en'): ScriptItem[] {
  const calls = Object.values(session.followUps);
  const fromSession = (id: string) => session.cards[id]?.origin.kind === 'session';
  const tally = tallyVotes(session);
  const readOut = (cardIds: string[]): ScriptCard[] =>
    cardIds
      .flatMap((id) => {
        const card = session.cards[id];
        if (!card || card.origin.kind !== 'session' || !cardVisibleTo(session, card, { role: 'projection' })) return [];
        return [{ id, text: card.text, votes: (tally.get(id)?.length ?? 0) + card.handVotes, at: card.createdAt }];
      })
      .sort((a, b) => b.votes - a.votes || a.at - b.at)
      .map(({ id, text, votes }) => ({ id, text, votes }));
  return synthesisView(session, codebook)
    .themes.map((theme) => ({
      themeId: theme.id,
      label: theme.label,
      finding: theme.finding,
      cards: theme.cardIds.filter(fromSession).length,
      votes: theme.votes,
      readOut: readOut(theme.cardIds),
      verification: verificationFor(calls, theme.id, language),
    }))
    .filter((item) => item.finding !== null || item.cards > 0)
    .sort((a, b) => b.votes - a.votes || Number(b.finding !== null) - Number(a.finding !== null));
}

/** The calls, the script and the points raised, for the follow-up page. */
export function followUpView(session: Session, codebook: Codebook, language: 'nl' | 'en'): FollowUpView {
  const calls = Object.values(session.followUps).sort(
    (a, b) => (a.calledOn === b.calledOn ? b.createdAt - a.createdAt : a.calledOn < b.calledOn ? 1 : -1),
  );
  const cards = Object.values(session.cards)
    .filter((c) => isLive(c))
    .sort((a, b) => a.createdAt - b.createdAt)
    .flatMap((c) => (c.origin.kind === 'followup' ? [{ ...toCardView(session, c), callId: c.origin.callId }] : []));
  return { calls, script: callScript(session, codebook, language), cards };
}
