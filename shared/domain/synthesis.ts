import { fail, ok, type Result } from '../protocol/errors.ts';
import type { Codebook } from '../schemas/codebook.ts';
import type { Session } from '../schemas/session.ts';
import type { Synthesis, ThemeDecision } from '../schemas/synthesis.ts';
import { isSortable, resolveTheme } from './codebook-edits.ts';
import { touch, type Actor, type Change } from './context.ts';
import { denyFacilitator, denyModerate } from './permissions.ts';
import { synthesisView } from './synthesis-view.ts';
import { UNSORTED_THEME_ID } from './themes/default-codebook.ts';
import { isLive } from './visibility.ts';

const withSynthesis = (session: Session, synthesis: Synthesis, now: number): Session => touch(session, now, { synthesis });

function liveCard(session: Session, cardId: string): Result<true> {
  const card = session.cards[cardId];
  return card && isLive(card) ? ok(true) : fail('not_found', 'No such card');
}

function liveCardFor(session: Session, actor: Actor, cardId: string): Result<true> {
  return denyModerate(session, actor) ?? liveCard(session, cardId);
}

/**
 * The facilitator puts a card in a theme (drag, accept a suggestion, or pin): from now on it stays
 * there, and the engine learns from it. Turning down that theme earlier is forgotten.
 */
export function decideTheme(
  session: Session,
  actor: Actor,
  codebook: Codebook,
  input: { cardId: string; themeId: string; pinned: boolean },
  now: number,
): Result<Change<ThemeDecision>> {
  const card = liveCardFor(session, actor, input.cardId);
  if (!card.ok) return card;
  if (!isSortable(codebook, input.themeId)) return fail('not_found', `No theme ${input.themeId}`);
  const decision: ThemeDecision = { themeId: input.themeId, pinned: input.pinned, at: now };
  const { [input.cardId]: turnedDown = [], ...rejected } = session.synthesis.rejected;
  const still = turnedDown.filter((id) => id !== input.themeId);
  const synthesis: Synthesis = {
    ...session.synthesis,
    decisions: { ...session.synthesis.decisions, [input.cardId]: decision },
    rejected: still.length > 0 ? { ...rejected, [input.cardId]: still } : rejected,
  };
  return ok({ session: withSynthesis(session, synthesis, now), value: decision });
}

/** Undoes a decision: the card follows the engine's suggestion again. */
export function clearDecision(session: Session, actor: Actor, cardId: string, now: number): Result<Change<null>> {
  const card = liveCardFor(session, actor, cardId);
  if (!card.ok) return card;
  if (!session.synthesis.decisions[cardId]) return ok({ session, value: null });
  const { [cardId]: _gone, ...decisions } = session.synthesis.decisions;
  return ok({ session: withSynthesis(session, { ...session.synthesis, decisions }, now), value: null });
}

/** Turns down a suggestion for a card: the engine will offer its next best theme (or `overig`). */
export function rejectSuggestion(session: Session, actor: Actor, cardId: string, themeId: string, now: number): Result<Change<string[]>> {
  const card = liveCardFor(session, actor, cardId);
  if (!card.ok) return card;
  const current = session.synthesis.rejected[cardId] ?? [];
  if (current.includes(themeId)) return ok({ session, value: current });
  if (current.length >= 100) return fail('too_large', 'Too many themes turned down for this card');
  const rejected = [...current, themeId];
  const decision = session.synthesis.decisions[cardId];
  const decisions = { ...session.synthesis.decisions };
  if (decision?.themeId === themeId) delete decisions[cardId];
  const synthesis: Synthesis = { ...session.synthesis, decisions, rejected: { ...session.synthesis.rejected, [cardId]: rejected } };
  return ok({ session: withSynthesis(session, synthesis, now), value: rejected });
}

/**
 * The facilitator's word on a card's second theme: a theme id confirms it, null says the card has
 * none, undefined lets the engine suggest one again. The second theme is a live codebook theme
 * (`not_found` otherwise) and never `overig` nor the card's own theme, decided or suggested
 * (`conflict`). Should the card later land in that theme, the view simply shows no second theme.
 */
export function setSecondary(
  session: Session,
  actor: Actor,
  codebook: Codebook,
  input: { cardId: string; themeId?: string | null | undefined },
  now: number,
): Result<Change<string | null | undefined>> {
  const card = liveCardFor(session, actor, input.cardId);
  if (!card.ok) return card;
  const { cardId, themeId } = input;
  if (typeof themeId === 'string') {
    if (!isSortable(codebook, themeId)) return fail('not_found', `No theme ${themeId}`);
    if (themeId === UNSORTED_THEME_ID) return fail('conflict', `'${UNSORTED_THEME_ID}' cannot be a second theme`);
    if (themeId === primaryTheme(session, codebook, cardId)) return fail('conflict', 'The second theme must differ from the card\'s theme');
  }
  const { [cardId]: current, ...others } = session.synthesis.secondary;
  const stored = Object.hasOwn(session.synthesis.secondary, cardId);
  const unchanged = themeId === undefined ? !stored : stored && current === themeId;
  if (unchanged) return ok({ session, value: themeId });
  const secondary = themeId === undefined ? others : { ...others, [cardId]: themeId };
  return ok({ session: withSynthesis(session, { ...session.synthesis, secondary }, now), value: themeId });
}

/**
 * The theme a card is in now: the facilitator's decision, or else the engine's suggestion. Codebook
 * mode suffices: discovery only regroups cards that fit no codebook theme, never into one.
 */
function primaryTheme(session: Session, codebook: Codebook, cardId: string): string | undefined {
  const decision = session.synthesis.decisions[cardId];
  if (decision) return resolveTheme(codebook, decision.themeId);
  return synthesisView(session, codebook, 'codebook').assignments[cardId]?.themeId;
}

/** Marks a card as a quote ("citaat") for the report, or not; also once the session is closed. */
export function setQuote(session: Session, actor: Actor, cardId: string, quote: boolean, now: number): Result<Change<boolean>> {
  const card = denyFacilitator(actor) ?? liveCard(session, cardId);
  if (!card.ok) return card;
  if (Boolean(session.synthesis.quotes[cardId]) === quote) return ok({ session, value: quote });
  const { [cardId]: _old, ...quotes } = session.synthesis.quotes;
  const synthesis = { ...session.synthesis, quotes: quote ? { ...quotes, [cardId]: true as const } : quotes };
  return ok({ session: withSynthesis(session, synthesis, now), value: quote });
}

/** Writes (or, with null, removes) the finding ("bevinding") of a theme in this session; also once it is closed. */
export function setFinding(session: Session, actor: Actor, codebook: Codebook, themeId: string, text: string | null, now: number): Result<Change<string | null>> {
  const denied = denyFacilitator(actor);
  if (denied) return denied;
  if (!isSortable(codebook, themeId)) return fail('not_found', `No theme ${themeId}`);
  const { [themeId]: _old, ...findings } = session.synthesis.findings;
  const synthesis = { ...session.synthesis, findings: text ? { ...findings, [themeId]: text } : findings };
  return ok({ session: withSynthesis(session, synthesis, now), value: text });
}
