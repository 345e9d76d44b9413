import { defineStore } from 'pinia';
import { computed, shallowRef, watch } from 'vue';
import type { FollowUpView } from '@shared/domain/followup.ts';
import type { Verification } from '@shared/domain/report/types.ts';
import { verificationFor } from '@shared/domain/report/verification.ts';
import { themeLabel } from '@shared/domain/themes/theme-names.ts';
import type { FollowUpCall, Verdict } from '@shared/schemas/followup.ts';
import type { Profile } from '@shared/schemas/session.ts';
import { newId } from '../lib/ids.ts';
import { sendCommand, socket, type CommandResult } from '../socket.ts';
import { useSessionStore } from './session/index.ts';
import { useUiStore } from './ui.ts';

export interface CallDetails {
  callee: Profile;
  calledOn: string;
  calledBy: string;
}

export interface NewPoint {
  text: string;
  columnId: string;
  domain: string | null;
}

/** Findings and cards move the call script; wait for a burst of theme changes to settle. */
const REFRESH_MS = 500;

/**
 * The follow-up calls ("nabellen") of the open session: facilitator consoles only, as the server
 * sends them nowhere else. Loaded whenever a console binds; each command's ack carries the new view.
 */
export const useFollowUpStore = defineStore('followUp', () => {
  const session = useSessionStore();
  const ui = useUiStore();
  const view = shallowRef<FollowUpView | null>(null);
  const calls = computed<FollowUpCall[]>(() => view.value?.calls ?? []);
  const liveCalls = computed(() => calls.value.filter((c) => c.deletedAt === null));
  // Theme names in the reader's language: the consoles' broadcast comes in Dutch, and the language may change since.
  const script = computed(() => (view.value?.script ?? []).map((item) => ({ ...item, label: themeLabel({ id: item.themeId, label: item.label }, ui.locale) })));
  const cards = computed(() => view.value?.cards ?? []);
  let listening = false;
  let refresh: ReturnType<typeof setTimeout> | undefined;

  const isConsole = (): boolean => {
    const binding = session.binding;
    return session.bound && binding?.role === 'facilitator' && binding.view === 'console';
  };

  function listen(): void {
    if (listening) return;
    listening = true;
    socket.on('followup:updated', (v) => isConsole() && (view.value = v));
    socket.on('synthesis:updated', () => {
      if (!isConsole() || !view.value) return;
      clearTimeout(refresh);
      // The console may have left the session by then.
      refresh = setTimeout(() => isConsole() && void open(), REFRESH_MS);
    });
  }

  // Another session's calls must never linger; a (re)bound console fetches them again.
  watch(
    () => session.sessionId,
    () => {
      clearTimeout(refresh);
      view.value = null;
    },
  );
  watch(() => session.bound, () => isConsole() && void open());

  function sessionId(): string {
    if (!session.sessionId) throw new Error('No session open');
    return session.sessionId;
  }

  function apply(id: string, result: CommandResult<FollowUpView>): CommandResult<FollowUpView> {
    if (!result.ok) ui.notifyFailure(result);
    // A slow answer for a session this tab has left since is dropped.
    else if (id === session.sessionId) view.value = result.data;
    return result;
  }

  async function open() {
    const id = sessionId();
    return apply(id, await sendCommand('followup:list', { sessionId: id, language: ui.locale }));
  }

  /** How the calls received a theme's finding, worded in the reader's language (same rule as the report). */
  const verification = (themeId: string): Verification => verificationFor(calls.value, themeId, ui.locale);

  /** Starts a call (a new id) or changes one; the id is made here so that a retry records it once. */
  async function save(details: CallDetails, callId: string = newId()) {
    const id = sessionId();
    return apply(id, await sendCommand('followup:save', { sessionId: id, id: callId, ...details, language: ui.locale }));
  }

  async function answer(callId: string, themeId: string, verdict: Verdict | null, note = '') {
    const id = sessionId();
    return apply(id, await sendCommand('followup:answer', { sessionId: id, callId, themeId, verdict, note, language: ui.locale }));
  }

  async function remove(callId: string) {
    const id = sessionId();
    return apply(id, await sendCommand('followup:delete', { sessionId: id, callId, language: ui.locale }));
  }

  async function restore(callId: string) {
    const id = sessionId();
    return apply(id, await sendCommand('followup:restore', { sessionId: id, callId, language: ui.locale }));
  }

  /** A point the session missed, raised in this call: it becomes a card of the session. */
  async function addPoint(callId: string, point: NewPoint, cardId: string = newId()) {
    const id = sessionId();
    return apply(id, await sendCommand('followup:card', { sessionId: id, id: cardId, callId, ...point, language: ui.locale }));
  }

  return { view, calls, liveCalls, script, cards, listen, open, verification, save, answer, remove, restore, addPoint };
});
