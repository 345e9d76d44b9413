import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { JoinResult } from '@shared/protocol/views.ts';
import type { Profile } from '@shared/schemas/session.ts';
import { isTransient, sendCommand, socket, type CommandFailure, type CommandResult } from '../../socket.ts';
import { useConnectionStore } from '../connection.ts';
import { useIdentityStore } from '../identity.ts';
import { createSessionState } from './state.ts';

/** Which session this tab shows, and as whom: re-established after every reconnect. */
export type Binding =
  | { role: 'participant'; sessionId: string }
  | { role: 'facilitator'; studyId: string; sessionId: string; view: 'console' | 'projection' };

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'error' | 'lost';

const RETRY_MS = 2000;
const CONNECT_WAIT_MS = 10_000;

/** The open session: binding the socket to it, and the facts the server pushes about it. */
export const useSessionStore = defineStore('session', () => {
  const state = createSessionState();
  const binding = shallowRef<Binding | null>(null);
  const status = ref<SessionStatus>('idle');
  const failure = shallowRef<CommandFailure | null>(null);
  /** The socket has opened or resumed this session since it last connected: facts apply. */
  const bound = ref(false);
  const sessionId = computed(() => binding.value?.sessionId ?? null);
  let listening = false;
  let bindSeq = 0;

  function listen(): void {
    if (listening) return;
    listening = true;
    socket.on('connect', () => void bind());
    socket.on('disconnect', () => {
      bound.value = false;
    });
    // Facts between a reconnect and its resume could belong to another session: ignore them.
    socket.on('session:snapshot', (s) => bound.value && state.applySnapshot(s));
    socket.on('session:updated', (m) => bound.value && (state.meta.value = m));
    socket.on('timer:updated', (t, now) => bound.value && state.applyTimer(t, now));
    socket.on('card:upserted', (c) => bound.value && state.applyCard(c));
    socket.on('card:removed', (id) => bound.value && state.applyRemoved(id));
    socket.on('votes:updated', (v) => bound.value && state.applyVotes(v));
    socket.on('votes:mine', (v) => bound.value && (state.myVotes.value = v));
    socket.on('cards:count', (n) => bound.value && (state.cardCount.value = n));
    socket.on('participants:updated', (p) => bound.value && (state.participants.value = p));
    socket.on('poll:upserted', (p) => bound.value && state.applyPoll(p));
    socket.on('poll:removed', (id) => bound.value && state.applyPollRemoved(id));
    socket.on('session:removed', (id) => {
      const target = binding.value;
      if (!bound.value || target?.role !== 'participant' || target.sessionId !== id) return;
      // The facilitator removed this participant: their credentials are void, joining again is the way back.
      useIdentityStore().forgetCredentials(id);
      bound.value = false;
      state.clear();
      status.value = 'lost';
    });
  }

  /** Opens (facilitator) or resumes (participant) the bound session on the current connection. */
  async function bind(): Promise<void> {
    const target = binding.value;
    if (!target || !socket.connected) return;
    const seq = ++bindSeq;
    bound.value = false;
    if (status.value !== 'ready') status.value = 'loading';
    const result = await openOrResume(target);
    if (seq !== bindSeq || binding.value !== target) return;
    if (result.ok) {
      state.applySnapshot(result.data);
      failure.value = null;
      status.value = 'ready';
      bound.value = true;
      return;
    }
    if (isTransient(result)) {
      setTimeout(() => seq === bindSeq && void bind(), RETRY_MS);
      return;
    }
    failure.value = result;
    if (target.role === 'participant' && (result.error === 'unauthorised' || result.error === 'not_found')) {
      useIdentityStore().forgetCredentials(target.sessionId);
      status.value = 'lost';
    } else {
      status.value = 'error';
    }
  }

  function openOrResume(target: Binding) {
    if (target.role === 'facilitator') {
      return sendCommand('session:open', { sessionId: target.sessionId, view: target.view });
    }
    const credentials = useIdentityStore().credentials(target.sessionId);
    if (!credentials) return Promise.resolve<CommandFailure>({ ok: false, error: 'unauthorised', message: 'No credentials' });
    return sendCommand('session:resume', { sessionId: target.sessionId, ...credentials });
  }

  function enter(target: Binding): void {
    const current = binding.value;
    if (current && JSON.stringify(current) === JSON.stringify(target) && status.value !== 'error') return;
    bindSeq++;
    binding.value = target;
    bound.value = false;
    failure.value = null;
    status.value = 'loading';
    state.clear();
    const connection = useConnectionStore();
    if (target.role === 'participant') {
      if (!useIdentityStore().credentials(target.sessionId)) {
        status.value = 'lost';
        return;
      }
      connection.use({});
    } else {
      const key = useIdentityStore().facilitatorKey(target.studyId);
      if (!key) {
        status.value = 'error';
        failure.value = { ok: false, error: 'unauthorised', message: 'No facilitator key' };
        return;
      }
      connection.use({ studyId: target.studyId, key });
    }
    if (socket.connected) void bind();
  }

  /** Joins by code as a new participant; on success this tab is bound to the session. */
  async function join(code: string, profile: Profile): Promise<CommandResult<JoinResult>> {
    const connection = useConnectionStore();
    connection.use({});
    if (!(await connection.whenConnected(CONNECT_WAIT_MS))) return { ok: false, error: 'offline', message: 'Not connected' };
    const result = await sendCommand('session:join', { code, profile });
    if (!result.ok) return result;
    const { sessionId: id, participantId, token, snapshot } = result.data;
    useIdentityStore().saveCredentials(id, { participantId, token });
    bindSeq++;
    binding.value = { role: 'participant', sessionId: id };
    state.applySnapshot(snapshot);
    failure.value = null;
    status.value = 'ready';
    bound.value = true;
    return result;
  }

  /** Stops showing the session. The socket stays connected for the next page. */
  function leave(): void {
    bindSeq++;
    binding.value = null;
    bound.value = false;
    status.value = 'idle';
    failure.value = null;
    state.clear();
  }

  return { ...state, binding, status, failure, bound, sessionId, listen, enter, join, leave };
});
