import type { ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { CardView, MyVote, ParticipantView, PollView, SessionMeta, SessionSnapshot, Viewer, VotesView } from '../../shared/protocol/views.ts';
import type { ClientSocket } from './helpers.ts';

/**
 * What a client knows about a session: its last snapshot with every later fact applied by id.
 * Written from the event map alone, so that comparing it with the server's own view checks
 * that the facts are complete, not that two implementations agree.
 */
export interface ClientState {
  viewer: Viewer;
  session: SessionMeta;
  cards: Map<string, CardView>;
  votes: Map<string, VotesView> | null;
  myVotes: MyVote[];
  myCardIds: Set<string>;
  me: ParticipantView | null;
  participants: ParticipantView[] | null;
  cardCount: number | null;
  polls: Map<string, PollView>;
}

export type Fact = { [E in keyof ServerToClientEvents]: { event: E; args: Parameters<ServerToClientEvents[E]> } }[keyof ServerToClientEvents];

export function fromSnapshot(snapshot: SessionSnapshot): ClientState {
  return {
    viewer: snapshot.viewer,
    session: snapshot.session,
    cards: new Map(snapshot.cards.map((c) => [c.id, c])),
    votes: snapshot.votes ? new Map(snapshot.votes.map((v) => [v.cardId, v])) : null,
    myVotes: snapshot.myVotes,
    myCardIds: new Set(snapshot.myCardIds),
    me: snapshot.me,
    participants: snapshot.participants,
    cardCount: snapshot.cardCount,
    polls: new Map(snapshot.polls.map((p) => [p.id, p])),
  };
}

/** Applies one fact; a snapshot replaces everything. Never mutates `state`. */
export function applyFact(state: ClientState, fact: Fact): ClientState {
  switch (fact.event) {
    case 'session:snapshot':
      return fromSnapshot(fact.args[0]);
    case 'session:updated':
      return { ...state, session: fact.args[0] };
    case 'timer:updated':
      return { ...state, session: { ...state.session, timer: fact.args[0] } };
    case 'card:upserted': {
      const card = fact.args[0];
      const cards = new Map(state.cards).set(card.id, card);
      const v = state.viewer;
      const mine = v.role === 'participant' && card.author.kind === 'participant' && card.author.participantId === v.participantId;
      return { ...state, cards, myCardIds: mine ? new Set(state.myCardIds).add(card.id) : state.myCardIds };
    }
    case 'card:removed': {
      const id = fact.args[0];
      const cards = new Map(state.cards);
      cards.delete(id);
      const myCardIds = new Set(state.myCardIds);
      myCardIds.delete(id);
      let votes = state.votes;
      if (votes) {
        votes = new Map(votes);
        votes.delete(id);
      }
      return { ...state, cards, myCardIds, votes };
    }
    case 'votes:updated': {
      const view = fact.args[0];
      // Without totals a partial list would show zeros; a snapshot brings them when allowed.
      return state.votes ? { ...state, votes: new Map(state.votes).set(view.cardId, view) } : state;
    }
    case 'cards:count':
      return { ...state, cardCount: fact.args[0] };
    case 'votes:mine':
      return { ...state, myVotes: fact.args[0] };
    case 'participants:updated':
      return { ...state, participants: fact.args[0] };
    case 'poll:upserted':
      return { ...state, polls: new Map(state.polls).set(fact.args[0].id, fact.args[0]) };
    case 'poll:removed': {
      const polls = new Map(state.polls);
      polls.delete(fact.args[0]);
      return { ...state, polls };
    }
    case 'study:updated':
    case 'study:matrix-updated':
    case 'report:updated':
    case 'synthesis:updated':
    case 'followup:updated':
    case 'session:removed':
      return state;
  }
}

/** Marks a card as the viewer's own, as a client does when its (anonymous) card:add is acked. */
export const markMine = (state: ClientState, id: string): ClientState => ({ ...state, myCardIds: new Set(state.myCardIds).add(id) });

const byId = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

/**
 * A comparable form. Lists are sorted by id (arrival order means nothing), and a card nobody
 * voted on may be listed with zero votes or not at all: both mean "no votes yet".
 */
export function canonical(state: ClientState | SessionSnapshot) {
  const s = 'serverNow' in state ? fromSnapshot(state) : state;
  const votes = s.votes
    ? [...s.votes.values()].filter((v) => v.total > 0 || (v.voters?.length ?? 0) > 0).sort(byId((v) => v.cardId))
    : null;
  return {
    viewer: s.viewer,
    session: s.session,
    cards: [...s.cards.values()].sort(byId((c) => c.id)),
    votes,
    myVotes: [...s.myVotes].sort(byId((v) => v.id)),
    myCardIds: [...s.myCardIds].sort(),
    me: s.me,
    participants: s.participants ? [...s.participants].sort(byId((p) => p.id)) : null,
    polls: [...s.polls.values()].sort(byId((p) => p.id)),
  };
}

/**
 * A client following a session. Facts are applied on top of the snapshot of its last
 * join/open/resume; facts that arrive while that command waits for its ack are newer than the
 * snapshot in it (the socket joined the room first), so they are applied after it.
 */
export class TrackedClient {
  state: ClientState | null = null;
  readonly facts: Fact[] = [];

  constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, ...args: unknown[]) => {
      const fact = { event, args } as Fact;
      this.facts.push(fact);
      if (this.state) this.state = applyFact(this.state, fact);
    });
  }

  /** Runs a join/open/resume command and starts from the snapshot in its answer. */
  async bind<T>(run: () => Promise<T>, snapshotOf: (answer: T) => SessionSnapshot): Promise<T> {
    this.state = null;
    const mark = this.facts.length;
    const answer = await run();
    this.state = this.facts.slice(mark).reduce(applyFact, fromSnapshot(snapshotOf(answer)));
    return answer;
  }

  markMine(id: string): void {
    if (this.state) this.state = markMine(this.state, id);
  }

  get current(): ClientState {
    if (!this.state) throw new Error('no snapshot yet');
    return this.state;
  }

  /** Facts of one kind received so far. */
  count(event: Fact['event'], match: (args: unknown[]) => boolean = () => true): number {
    return this.facts.filter((f) => f.event === event && match(f.args)).length;
  }
}
