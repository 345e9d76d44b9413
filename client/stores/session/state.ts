import { ref, shallowRef } from 'vue';
import type { Timer } from '@shared/schemas/session.ts';
import type {
  CardView,
  MyVote,
  ParticipantView,
  PollView,
  SessionMeta,
  SessionSnapshot,
  Viewer,
  VotesView,
} from '@shared/protocol/views.ts';
import { addUnique, removeById, upsertById } from './apply.ts';

/**
 * The session as this socket may see it, and how each fact changes it. Lists live in
 * shallowRefs and are replaced, never mutated: a board can hold hundreds of cards.
 */
export function createSessionState() {
  const viewer = shallowRef<Viewer | null>(null);
  const meta = shallowRef<SessionMeta | null>(null);
  const cards = shallowRef<CardView[]>([]);
  /** Totals per card id, or null while this viewer may not see them. */
  const votes = shallowRef<Record<string, VotesView> | null>(null);
  const myVotes = shallowRef<MyVote[]>([]);
  const myCardIds = shallowRef<string[]>([]);
  const me = shallowRef<ParticipantView | null>(null);
  const participants = shallowRef<ParticipantView[] | null>(null);
  /** Live cards in all while some are hidden from this viewer; null when all are visible. */
  const cardCount = ref<number | null>(null);
  /** Polls this socket may see, oldest first. */
  const polls = shallowRef<PollView[]>([]);
  /** Server clock minus ours, so every laptop shows the same countdown. */
  const clockOffset = ref(0);

  function applySnapshot(snapshot: SessionSnapshot): void {
    clockOffset.value = snapshot.serverNow - Date.now();
    viewer.value = snapshot.viewer;
    meta.value = snapshot.session;
    cards.value = snapshot.cards;
    votes.value = snapshot.votes ? Object.fromEntries(snapshot.votes.map((v) => [v.cardId, v])) : null;
    myVotes.value = snapshot.myVotes;
    myCardIds.value = snapshot.myCardIds;
    me.value = snapshot.me;
    participants.value = snapshot.participants;
    cardCount.value = snapshot.cardCount;
    polls.value = snapshot.polls;
  }

  function clear(): void {
    viewer.value = null;
    meta.value = null;
    cards.value = [];
    votes.value = null;
    myVotes.value = [];
    myCardIds.value = [];
    me.value = null;
    participants.value = null;
    cardCount.value = null;
    polls.value = [];
  }

  function applyTimer(timer: Timer, serverNow: number): void {
    clockOffset.value = serverNow - Date.now();
    if (meta.value) meta.value = { ...meta.value, timer };
  }

  function applyCard(card: CardView): void {
    cards.value = upsertById(cards.value, card);
    const v = viewer.value;
    if (v?.role === 'participant' && card.author.kind === 'participant' && card.author.participantId === v.participantId) {
      myCardIds.value = addUnique(myCardIds.value, card.id);
    }
  }

  function applyRemoved(id: string): void {
    cards.value = removeById(cards.value, id);
    myCardIds.value = myCardIds.value.filter((cardId) => cardId !== id);
    if (votes.value && id in votes.value) {
      const { [id]: _gone, ...rest } = votes.value;
      votes.value = rest;
    }
  }

  function applyVotes(view: VotesView): void {
    // Without totals a partial record would show zeros; a snapshot brings them when allowed.
    if (votes.value) votes.value = { ...votes.value, [view.cardId]: view };
  }

  function applyPoll(poll: PollView): void {
    polls.value = upsertById(polls.value, poll).sort((a, b) => a.createdAt - b.createdAt);
  }

  function applyPollRemoved(id: string): void {
    polls.value = removeById(polls.value, id);
  }

  function markMine(id: string): void {
    myCardIds.value = addUnique(myCardIds.value, id);
  }

  return {
    viewer,
    meta,
    cards,
    votes,
    myVotes,
    myCardIds,
    me,
    participants,
    cardCount,
    polls,
    clockOffset,
    applySnapshot,
    clear,
    applyTimer,
    applyCard,
    applyRemoved,
    applyVotes,
    applyPoll,
    applyPollRemoved,
    markMine,
  };
}
