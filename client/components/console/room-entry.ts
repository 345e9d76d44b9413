import { computed, reactive, type ComputedRef } from 'vue';
import { z } from 'zod';
import type { SessionMeta } from '@shared/protocol/views.ts';
import { PHASES } from '@shared/schemas/session.ts';
import { readStored, STORAGE_PREFIX, writeStored } from '../../lib/storage.ts';

/**
 * Entering things on behalf of the room: typing the points people say (scribe) and counting
 * hands. A physical session ('fysiek') runs on it, so the console always offers it there. In a
 * digital session everyone types and votes on their own laptop, so it only gets in the way, unless
 * the facilitator asks for it (someone without a laptop, a plenary round): that request is kept per
 * session in localStorage, so it survives reloads and does not leak into the next session.
 */
const keyOf = (sessionId: string) => `${STORAGE_PREFIX}roomEntry.${sessionId}`;
// One shared, reactive copy: the console page and the poll hand counts read the same answer.
const requested = reactive(new Map<string, boolean>());

export function roomEntryRequested(sessionId: string): boolean {
  // Read through the map (tracked, so a change re-renders) without writing to it here, since
  // this runs inside computeds.
  return requested.get(sessionId) ?? readStored(keyOf(sessionId), z.boolean()) ?? false;
}

export function requestRoomEntry(sessionId: string, on: boolean): void {
  requested.set(sessionId, on);
  writeStored(keyOf(sessionId), on || null);
}

export interface RoomEntry {
  /** Digital sessions only: whether to show the toggle at all. */
  offerToggle: boolean;
  /** The scribe form for cards the room says out loud. */
  scribe: boolean;
  /** Hand-counted votes on cards. */
  cardHands: boolean;
  /** Hand counts on polls. */
  pollHands: boolean;
}

/**
 * What of the room's input the console shows.
 * - Scribe: in every phase where cards can still come in (also synthesis, the themes take them
 *   in), not once closed.
 * - Card hand votes: voting is when the room votes (sticky dots, raised hands), and a count
 *   corrected afterwards still counts; before voting there is nothing to count, and a closed
 *   session changes nothing. The console shows cards (with the counter) until synthesis, where the
 *   themes take over.
 * - Poll hand counts: a poll has its own open/closed state and may run in any phase, so it
 *   follows the room alone; the poll item hides it for drafts and closed sessions.
 */
export function roomEntryFor(meta: Pick<SessionMeta, 'mode' | 'phase'>, requestedHere: boolean): RoomEntry {
  const physical = meta.mode === 'fysiek';
  const forRoom = physical || requestedHere;
  const open = meta.phase !== 'closed';
  return {
    offerToggle: !physical && open,
    scribe: forRoom && open,
    cardHands: forRoom && open && PHASES.indexOf(meta.phase) >= PHASES.indexOf('voting'),
    pollHands: forRoom,
  };
}

/** The same, live for the session a page is bound to. */
export function useRoomEntry(meta: () => SessionMeta | null): ComputedRef<RoomEntry & { requested: boolean }> {
  return computed(() => {
    const m = meta();
    const here = m ? roomEntryRequested(m.id) : false;
    const entry = m ? roomEntryFor(m, here) : { offerToggle: false, scribe: false, cardHands: false, pollHands: false };
    return { ...entry, requested: here };
  });
}
