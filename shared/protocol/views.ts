import type { PollResults } from '../domain/poll-results.ts';
import type { Poll, PollAnswer } from '../schemas/poll.ts';
import type { CardOrigin, Column, Mode, Phase, Profile, Settings, Timer } from '../schemas/session.ts';

/** Who is looking: decides what a view may contain. */
export type Viewer =
  | { role: 'facilitator' }
  | { role: 'projection' }
  | { role: 'participant'; participantId: string };

/** A card's author as others may see it. Anonymous cards name nobody, not even to the facilitator. */
export type AuthorView =
  | { kind: 'participant'; participantId: string; name: string }
  | { kind: 'room' }
  | { kind: 'facilitator' }
  | { kind: 'anonymous' };

/** A live card as sent to clients. Vote totals travel separately (see VotesView). */
export interface CardView {
  id: string;
  columnId: string;
  domain: string | null;
  text: string;
  author: AuthorView;
  handVotes: number;
  createdAt: number;
  updatedAt: number;
  /** A point of the session, or one raised in a follow-up call afterwards (the call itself is not named). */
  origin: CardOrigin['kind'];
}

/** Vote totals of one card; `voters` only when votes are not anonymous, never on the projection. */
export interface VotesView {
  cardId: string;
  total: number;
  voters?: string[];
}

/** One of the viewer's own votes. */
export interface MyVote {
  id: string;
  cardId: string;
}

/** A participant as the facilitator sees them (never the token hash). */
export interface ParticipantView extends Profile {
  id: string;
  addedByFacilitator: boolean;
  joinedAt: number;
}

/** Session properties every viewer may see. */
export interface SessionMeta {
  id: string;
  studyId: string;
  title: string;
  date: string;
  mode: Mode;
  domains: string[];
  columns: Column[];
  joinCode: string;
  phase: Phase;
  /** While closed: the phase it was closed from, which reopening may return to. */
  closedFrom: Phase | null;
  revealed: boolean;
  locked: boolean;
  settings: Settings;
  timer: Timer;
  participantCount: number;
}

/**
 * A poll as one viewer may see it. Nobody is told who answered what: not the facilitator, not
 * the projection; a participant learns only their own answer.
 */
export interface PollView extends Pick<Poll, 'id' | 'question' | 'kind' | 'options' | 'status' | 'showLive' | 'createdAt' | 'openedAt' | 'closedAt'> {
  /** Figures of device answers and hand counts; null while this viewer may not see them. */
  results: PollResults | null;
  /** Participants only: their current answer, null before they answered. */
  mine?: PollAnswer | null;
  /** Facilitator only: the hand counts as entered, to correct them. */
  hand?: Pick<Poll, 'handCounts' | 'handValues'>;
}

/** Everything one socket needs to render a session: sent on open, join, resume and big changes. */
export interface SessionSnapshot {
  /** Server clock when the snapshot was made, for timer offset. */
  serverNow: number;
  viewer: Viewer;
  session: SessionMeta;
  cards: CardView[];
  /** Totals per card, or null while the viewer may not see them. */
  votes: VotesView[] | null;
  myVotes: MyVote[];
  /** Ids of the viewer's own cards, anonymous ones included. */
  myCardIds: string[];
  me: ParticipantView | null;
  /** Facilitator only. */
  participants: ParticipantView[] | null;
  /**
   * While cards are hidden from this viewer: how many live cards there are in all (kept up to
   * date by `cards:count`). Null when the viewer sees every card.
   */
  cardCount: number | null;
  /** Polls this viewer may see (drafts only on the console), oldest first. */
  polls: PollView[];
}

/** A session in the study overview. */
export interface SessionSummary {
  id: string;
  title: string;
  date: string;
  mode: Mode;
  domains: string[];
  phase: Phase;
  joinCode: string;
  cardCount: number;
  participantCount: number;
}

export interface StudyView {
  id: string;
  title: string;
  createdAt: number;
  sessions: SessionSummary[];
  /** Sessions whose file could not be loaded, with the reason (naming the file). */
  unavailable: { id: string; message: string }[];
}

/** What a participant receives when joining: keep the token to resume later. */
export interface JoinResult {
  sessionId: string;
  participantId: string;
  token: string;
  snapshot: SessionSnapshot;
}

/** Where the study's report document stands after a change. */
export interface ReportDocumentInfo {
  version: number;
  /** Changes that `report:undo` can take back, and what the last one was ("section:intro.method", "chapters", ...). */
  undoSteps: number;
  undoLabel: string | null;
}
