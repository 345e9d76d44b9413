import { fail, ok, type Result } from '../protocol/errors.ts';
import type { Codebook } from '../schemas/codebook.ts';
import type { AnswerCall, FollowUpCardAdd, SaveCall } from '../schemas/commands.ts';
import type { FollowUpAnswer, FollowUpCall } from '../schemas/followup.ts';
import type { Card, Profile, Session } from '../schemas/session.ts';
import { isSortable } from './codebook-edits.ts';
import { touch, type Actor, type Change } from './context.ts';
import { denyFacilitator } from './permissions.ts';
import { synthesisView } from './synthesis-view.ts';

export { callScript, followUpView, type FollowUpView, type ScriptCard, type ScriptItem } from './followup-script.ts';


/**
 * Follow-up calls ("nabellen"): after the session the analyst phones providers who were absent.
 * The facilitator's work alone, and allowed in every phase, closed included: the calls come after.
 */

/** Most calls a session keeps, deleted ones included: far above practice, a guard against abuse. */
export const MAX_FOLLOW_UPS = 500;
/** Most answers one call holds (one per theme). */
export const MAX_ANSWERS = 200;

const PROFILE_KEYS = ['name', 'organisation', 'scope', 'size', 'region', 'consent'] as const satisfies readonly (keyof Profile)[];
const sameProfile = (a: Profile, b: Profile): boolean => PROFILE_KEYS.every((key) => a[key] === b[key]);

const callOf = (session: Session, id: string): FollowUpCall | undefined => (Object.hasOwn(session.followUps, id) ? session.followUps[id] : undefined);

function liveCall(session: Session, id: string): Result<FollowUpCall> {
  const call = callOf(session, id);
  return call && call.deletedAt === null ? ok(call) : fail('not_found', 'No such follow-up call');
}

const withCall = (session: Session, call: FollowUpCall, now: number): Session =>
  touch(session, now, { followUps: { ...session.followUps, [call.id]: call } });

/**
 * Starts a call or changes who was called, when and by whom. The id comes from the client: the
 * same save again is a no-op, so a retry after a lost ack records the call once.
 */
export function saveCall(session: Session, actor: Actor, command: SaveCall, now: number): Result<Change<FollowUpCall>> {
  const denied = denyFacilitator(actor);
  if (denied) return denied;
  const details = { callee: command.callee, calledOn: command.calledOn, calledBy: command.calledBy };
  const existing = callOf(session, command.id);
  if (existing) {
    const same = sameProfile(existing.callee, details.callee) && existing.calledOn === details.calledOn && existing.calledBy === details.calledBy;
    if (same) return ok({ session, value: existing });
    if (existing.deletedAt !== null) return fail('not_found', 'This call was deleted; restore it first');
    const call: FollowUpCall = { ...existing, ...details, updatedAt: now };
    return ok({ session: withCall(session, call, now), value: call });
  }
  if (Object.keys(session.followUps).length >= MAX_FOLLOW_UPS) return fail('too_large', `A session keeps at most ${MAX_FOLLOW_UPS} calls`);
  const call: FollowUpCall = { id: command.id, ...details, answers: {}, createdAt: now, updatedAt: now, deletedAt: null };
  return ok({ session: withCall(session, call, now), value: call });
}

/** A theme a provider can be asked about: one of the study's codebook, or one the session's cards form now. */
const isAnswerable = (session: Session, codebook: Codebook, themeId: string): boolean =>
  isSortable(codebook, themeId) || synthesisView(session, codebook).themes.some((t) => t.id === themeId);

/**
 * Records what the provider says of one theme's finding, with an optional note; a null verdict
 * clears it (also for a theme merged away since). Saying the same again changes nothing.
 */
export function answerCall(session: Session, actor: Actor, codebook: Codebook, command: AnswerCall, now: number): Result<Change<FollowUpAnswer | null>> {
  const denied = denyFacilitator(actor);
  if (denied) return denied;
  const found = liveCall(session, command.callId);
  if (!found.ok) return found;
  const call = found.data;
  const { themeId } = command;
  const current = Object.hasOwn(call.answers, themeId) ? call.answers[themeId] : undefined;
  if (command.verdict === null && current) {
    const { [themeId]: _cleared, ...answers } = call.answers;
    return ok({ session: withCall(session, { ...call, answers, updatedAt: now }, now), value: null });
  }
  if (!isAnswerable(session, codebook, themeId)) return fail('not_found', `No theme ${themeId} in this session`);
  if (command.verdict === null) return ok({ session, value: null });
  if (current && current.verdict === command.verdict && current.note === command.note) return ok({ session, value: current });
  if (!current && Object.keys(call.answers).length >= MAX_ANSWERS) return fail('too_large', `A call holds at most ${MAX_ANSWERS} answers`);
  const answer: FollowUpAnswer = { verdict: command.verdict, ...(command.note ? { note: command.note } : {}), at: now };
  const updated: FollowUpCall = { ...call, answers: { ...call.answers, [themeId]: answer }, updatedAt: now };
  return ok({ session: withCall(session, updated, now), value: answer });
}

/** Removes a call (softly: restoreCall undoes it); its answers stop counting. Deleting twice succeeds. */
export function deleteCall(session: Session, actor: Actor, callId: string, now: number): Result<Change<FollowUpCall>> {
  const denied = denyFacilitator(actor);
  if (denied) return denied;
  const call = callOf(session, callId);
  if (!call) return fail('not_found', 'No such follow-up call');
  if (call.deletedAt !== null) return ok({ session, value: call });
  const deleted: FollowUpCall = { ...call, deletedAt: now, updatedAt: now };
  return ok({ session: withCall(session, deleted, now), value: deleted });
}

/** Undoes a delete. */
export function restoreCall(session: Session, actor: Actor, callId: string, now: number): Result<Change<FollowUpCall>> {
  const denied = denyFacilitator(actor);
  if (denied) return denied;
  const call = callOf(session, callId);
  if (!call) return fail('not_found', 'No such follow-up call');
  if (call.deletedAt === null) return ok({ session, value: call });
  const restored: FollowUpCall = { ...call, deletedAt: null, updatedAt: now };
  return ok({ session: withCall(session, restored, now), value: restored });
}

/**
 * A point the session missed, raised in a call: a card like any other, by the facilitator, that
 * remembers its call (never the callee's name). Idempotent by card id, like addCard.
 */
export function addFollowUpCard(session: Session, actor: Actor, command: FollowUpCardAdd, now: number): Result<Change<Card>> {
  const denied = denyFacilitator(actor);
  if (denied) return denied;
  const existing = session.cards[command.id];
  if (existing) {
    const same = existing.origin.kind === 'followup' && existing.origin.callId === command.callId;
    return same ? ok({ session, value: existing }) : fail('conflict', 'A different card has this id');
  }
  const call = liveCall(session, command.callId);
  if (!call.ok) return call;
  if (!session.columns.some((c) => c.id === command.columnId)) return fail('not_found', 'No such column');
  if (command.domain !== null && !session.domains.includes(command.domain)) return fail('not_found', 'No such domain in this session');
  const card: Card = {
    id: command.id,
    columnId: command.columnId,
    domain: command.domain,
    text: command.text,
    author: { kind: 'facilitator' },
    anonymous: false,
    handVotes: 0,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    mergedInto: null,
    origin: { kind: 'followup', callId: command.callId },
  };
  return ok({ session: touch(session, now, { cards: { ...session.cards, [card.id]: card } }), value: card });
}
