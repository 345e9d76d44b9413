import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { PollView } from '@shared/protocol/views.ts';
import type { PollAnswer, PollKind } from '@shared/schemas/poll.ts';
import { newId } from '../lib/ids.ts';
import { sendCommand, type CommandResult } from '../socket.ts';
import { useSessionStore } from './session/index.ts';
import { useUiStore } from './ui.ts';

export interface PollDraft {
  question: string;
  kind: PollKind;
  options: string[];
  showLive: boolean;
}

/** Hands counted in the room: per option id or scale point, or the values of a number poll. */
export type HandCounts = { counts: Record<string, number> } | { values: number[] };

const byLatest = (at: (p: PollView) => number | null) => (a: PollView, b: PollView) => (at(b) ?? 0) - (at(a) ?? 0);

/**
 * The live polls of the open session. The polls themselves come with the session (snapshot and
 * `poll:*` facts); this store sends the commands and applies each ack's view at once.
 */
export const usePollStore = defineStore('polls', () => {
  const session = useSessionStore();
  const ui = useUiStore();
  const polls = computed(() => session.polls);
  /** Open polls, the one opened last first. */
  const open = computed(() => polls.value.filter((p) => p.status === 'open').sort(byLatest((p) => p.openedAt)));
  const lastClosed = computed(() => polls.value.filter((p) => p.status === 'closed').sort(byLatest((p) => p.closedAt))[0] ?? null);
  /** What the room looks at: the poll opened last, or else the one closed last. */
  const featured = computed(() => open.value[0] ?? lastClosed.value);

  function sessionId(): string {
    if (!session.sessionId) throw new Error('No session open');
    return session.sessionId;
  }

  function apply(id: string, result: CommandResult<PollView>): CommandResult<PollView> {
    if (!result.ok) ui.notifyFailure(result);
    // A slow answer for a session this tab has left since is dropped.
    else if (id === session.sessionId) session.applyPoll(result.data);
    return result;
  }

  /** A new draft; the id is made here so that a retry creates it once. */
  async function create(draft: PollDraft, pollId: string = newId()) {
    const id = sessionId();
    return apply(id, await sendCommand('poll:create', { sessionId: id, id: pollId, ...draft }));
  }

  async function update(pollId: string, changes: Partial<Omit<PollDraft, 'kind'>>) {
    const id = sessionId();
    return apply(id, await sendCommand('poll:update', { sessionId: id, pollId, ...changes }));
  }

  async function openPoll(pollId: string) {
    const id = sessionId();
    return apply(id, await sendCommand('poll:open', { sessionId: id, pollId }));
  }

  async function close(pollId: string) {
    const id = sessionId();
    return apply(id, await sendCommand('poll:close', { sessionId: id, pollId }));
  }

  async function remove(pollId: string) {
    const id = sessionId();
    const result = await sendCommand('poll:delete', { sessionId: id, pollId });
    if (!result.ok) ui.notifyFailure(result);
    else if (id === session.sessionId) session.applyPollRemoved(pollId);
    return result;
  }

  async function restore(pollId: string) {
    const id = sessionId();
    return apply(id, await sendCommand('poll:restore', { sessionId: id, pollId }));
  }

  /** A participant's answer; it replaces their earlier one while the poll is open. */
  async function answer(pollId: string, value: PollAnswer) {
    const id = sessionId();
    return apply(id, await sendCommand('poll:answer', { sessionId: id, pollId, answer: value }));
  }

  async function setHands(pollId: string, hands: HandCounts) {
    const id = sessionId();
    return apply(id, await sendCommand('poll:handcount', { sessionId: id, pollId, ...hands }));
  }

  return { polls, open, lastClosed, featured, create, update, openPoll, close, remove, restore, answer, setHands };
});
