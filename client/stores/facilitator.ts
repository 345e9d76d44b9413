import { defineStore } from 'pinia';
import type { Phase, Settings } from '@shared/schemas/session.ts';
import type { TimerControl } from '@shared/schemas/commands.ts';
import { i18n } from '../i18n/index.ts';
import { newId } from '../lib/ids.ts';
import { sendCommand, type CommandResult } from '../socket.ts';
import { useSessionStore } from './session/index.ts';
import { useUiStore } from './ui.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type TimerAction = DistributiveOmit<TimerControl, 'sessionId'>;

/**
 * The facilitator's commands on the open session: running it, not changing its content (that
 * goes through the outbox). Each applies its ack at once and reports a failure as a toast.
 */
export const useFacilitatorStore = defineStore('facilitator', () => {
  const session = useSessionStore();
  const t = i18n.global.t;

  function sessionId(): string {
    if (!session.sessionId) throw new Error('No session open');
    return session.sessionId;
  }

  function report<T>(result: CommandResult<T>): CommandResult<T> {
    if (!result.ok) useUiStore().notifyFailure(result);
    return result;
  }

  /** The server stops the timer on every move, as it belongs to the phase it was started in. */
  async function setPhase(phase: Phase) {
    const timer = session.meta?.timer;
    const timerWasSet = !!timer && (timer.endsAt !== null || timer.remainingMs > 0);
    const result = report(await sendCommand('session:phase', { sessionId: sessionId(), phase }));
    if (result.ok) session.meta = result.data;
    if (result.ok && timerWasSet) useUiStore().notify('info', t('timer.stoppedOnPhase'));
    return result;
  }

  /** Closes the session; the message offers to undo it by reopening where it was. */
  async function closeSession() {
    const result = await setPhase('closed');
    if (result.ok) useUiStore().notify('success', t('closeSession.closed'), { label: t('common.undo'), run: () => void reopen() });
    return result;
  }

  /** Reopens a closed session in the phase it was closed from (synthesis if unknown). */
  async function reopen() {
    const to = session.meta?.closedFrom ?? 'synthesis';
    const result = await setPhase(to);
    if (result.ok) useUiStore().notify('info', t('closeSession.reopened', { phase: t(`phase.${to}`) }));
    return result;
  }

  async function updateSettings(settings: Partial<Settings>) {
    const result = report(await sendCommand('session:update', { sessionId: sessionId(), settings }));
    if (result.ok) session.meta = result.data;
    return result;
  }

  async function setRevealed(revealed: boolean) {
    const result = report(await sendCommand('session:reveal', { sessionId: sessionId(), revealed }));
    if (result.ok) session.meta = result.data;
    return result;
  }

  async function setLocked(locked: boolean) {
    const result = report(await sendCommand('session:lock', { sessionId: sessionId(), locked }));
    if (result.ok) session.meta = result.data;
    return result;
  }

  async function controlTimer(action: TimerAction) {
    const result = report(await sendCommand('timer:control', { sessionId: sessionId(), ...action }));
    if (result.ok && session.meta) session.meta = { ...session.meta, timer: result.data };
    return result;
  }

  /** Adds a person in the room; the id is made here so a retry cannot add them twice. */
  async function addPerson(name: string) {
    const result = report(await sendCommand('participant:add', { sessionId: sessionId(), id: newId(), profile: { name } }));
    if (result.ok && session.participants) {
      const others = session.participants.filter((p) => p.id !== result.data.id);
      session.participants = [...others, result.data];
    }
    return result;
  }

  /** Removes a participant in whose name nothing stands; the server refuses (conflict) otherwise. */
  async function removePerson(id: string) {
    const result = report(await sendCommand('participant:remove', { sessionId: sessionId(), id }));
    if (result.ok && session.participants) session.participants = session.participants.filter((p) => p.id !== id);
    return result;
  }

  /** Removes everyone who joined from a device and never posted a named card or vote. */
  async function pruneParticipants() {
    return report(await sendCommand('participants:prune', { sessionId: sessionId() }));
  }

  async function mergeCards(targetId: string, sourceIds: string[], text?: string) {
    const payload = { sessionId: sessionId(), targetId, sourceIds, ...(text ? { text } : {}) };
    const result = report(await sendCommand('card:merge', payload));
    if (result.ok) {
      for (const id of sourceIds) session.applyRemoved(id);
      session.applyCard(result.data);
    }
    return result;
  }

  async function setHandVotes(id: string, count: number) {
    const result = report(await sendCommand('card:hand-votes', { sessionId: sessionId(), id, count }));
    if (result.ok) session.applyVotes(result.data);
    return result;
  }

  return { setPhase, closeSession, reopen, updateSettings, setRevealed, setLocked, controlTimer, addPerson, removePerson, pruneParticipants, mergeCards, setHandVotes };
});
