import type { z } from 'zod';
import type * as C from '../schemas/commands.ts';
import type { Timer } from '../schemas/session.ts';
import type { ReportSettings } from '../schemas/study.ts';
import type { ReportEditSchema } from '../schemas/report-document.ts';
import type { FollowUpView } from '../domain/followup-script.ts';
import type { StudyMatrix } from '../domain/study-matrix.ts';
import type { SynthesisView } from '../domain/synthesis-view.ts';
import type { ErrorCode } from './errors.ts';
import type {
  CardView,
  JoinResult,
  MyVote,
  ParticipantView,
  PollView,
  ReportDocumentInfo,
  SessionMeta,
  SessionSnapshot,
  SessionSummary,
  StudyView,
  VotesView,
} from './views.ts';

/** Every command is answered with this; `message` is for people, `error` for code. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; message: string };
export type AckFn<T> = (result: Ack<T>) => void;

type Cmd<S extends z.ZodType, T> = (payload: z.input<S>, ack: AckFn<T>) => void;

/**
 * Commands, client to server. Every one carries an ack. Common errors for all:
 * `invalid_payload` (schema), `unauthorised` (no role for it), `rate_limited` (too many events
 * from this socket: the command did not run; retry a moment later), `storage_failed`
 * (not written, nothing changed), `internal`.
 * Session-scoped commands name their `sessionId`, which must be the session the socket opened
 * or joined (`forbidden` otherwise).
 */
export interface ClientToServerEvents {
  /** Facilitator. The study this socket's key opens, with its sessions; subscribes to changes. */
  'study:open': Cmd<z.ZodObject<{}>, StudyView>;
  /** Facilitator. Themes against domains across all sessions of the study (cards and votes per cell). */
  'study:matrix': Cmd<z.ZodObject<{}>, StudyMatrix>;
  /** Facilitator. Rename the study. */
  'study:rename': Cmd<typeof C.StudyRenameSchema, StudyView>;
  /** Facilitator. How the report rounds percentages and from which group size a breakdown cell is flagged. */
  'study:report-settings': Cmd<typeof C.StudyReportSettingsSchema, ReportSettings>;
  /**
   * Facilitator. One change to the study's report document: a section's text (saved live while
   * typing), back to the draft, chapters, a quote's place, the quote style, the cover.
   * Errors: invalid_payload (e.g. a domain in two chapters).
   */
  'report:edit': Cmd<typeof ReportEditSchema, ReportDocumentInfo>;
  /** Facilitator. Take the last change to the report document back. Errors: not_found (nothing to undo). */
  'report:undo': Cmd<z.ZodObject<{}>, ReportDocumentInfo>;
  /** Facilitator. Create a session in the study; it starts in `preparation`. */
  'session:create': Cmd<typeof C.SessionCreateSchema, SessionSummary>;
  /** Facilitator. Open a session of the study as console or projection. Errors: not_found, corrupt_file. */
  'session:open': Cmd<typeof C.SessionOpenSchema, SessionSnapshot>;
  /** Facilitator. Change title, date, mode, domains, columns or settings. Errors: conflict (column with cards removed). */
  'session:update': Cmd<typeof C.SessionUpdateSchema, SessionMeta>;
  /** Facilitator. Move to another phase. Errors: wrong_phase (transition not allowed). */
  'session:phase': Cmd<typeof C.SessionPhaseSchema, SessionMeta>;
  /** Facilitator. Reveal hidden cards to everyone (or hide them again). */
  'session:reveal': Cmd<typeof C.SessionRevealSchema, SessionMeta>;
  /** Facilitator. Lock the board: participants can no longer change cards or votes. */
  'session:lock': Cmd<typeof C.SessionLockSchema, SessionMeta>;
  /** Facilitator. Start, pause, resume, extend or reset the phase timer. Errors: conflict. */
  'timer:control': Cmd<typeof C.TimerControlSchema, Timer>;
  /** Facilitator (scribe). Add a person in the room, to attribute cards to. */
  'participant:add': Cmd<typeof C.ParticipantAddSchema, ParticipantView>;
  /**
   * Facilitator. Remove a participant in whose name nothing stands: no named card, no named vote.
   * Their anonymous cards, votes and poll answers stay (and are never looked at, so the answer
   * says nothing of them); their devices are told `session:removed` and may join again.
   * Errors: not_found, conflict (a named card or vote stands in their name).
   */
  'participant:remove': Cmd<typeof C.ParticipantRemoveSchema, { id: string }>;
  /**
   * Facilitator. Remove every participant who joined from a device and has no named card or
   * vote: frees a session that was filled by people (or a script) who never took part.
   */
  'participants:prune': Cmd<typeof C.ParticipantsPruneSchema, { removed: number }>;

  /**
   * Anyone. Join by code as a participant. Errors: not_found (no such code), wrong_phase (closed),
   * too_large (the session is full), rate_limited (too many wrong codes from this address lately).
   */
  'session:join': Cmd<typeof C.SessionJoinSchema, JoinResult>;
  /** Participant. Resume after reload or reconnect with the token from join. Errors: unauthorised, not_found. */
  'session:resume': Cmd<typeof C.SessionResumeSchema, SessionSnapshot>;
  /** Participant. Change one's own profile. */
  'profile:update': Cmd<typeof C.ProfileUpdateSchema, ParticipantView>;

  /**
   * Participant (collecting) or facilitator (any phase but closed). Idempotent by card id.
   * Errors: wrong_phase, locked, not_found (column), conflict (id taken by another card), forbidden,
   * too_large (the participant wrote MAX_CARDS_PER_PARTICIPANT cards already).
   */
  'card:add': Cmd<typeof C.CardAddSchema, CardView>;
  /** Author (collecting) or facilitator. Errors: not_found, forbidden, wrong_phase, locked. */
  'card:edit': Cmd<typeof C.CardEditSchema, CardView>;
  /** Author (collecting) or facilitator. Soft delete, undone by card:restore. Idempotent. */
  'card:delete': Cmd<typeof C.CardRefSchema, { id: string }>;
  /** Whoever may delete the card. Undo of a delete. */
  'card:restore': Cmd<typeof C.CardRefSchema, CardView>;
  /** Facilitator. Merge duplicates into the target; their votes carry over. */
  'card:merge': Cmd<typeof C.CardMergeSchema, CardView>;
  /** Facilitator (scribe). Set the number of votes counted by hand for a card. */
  'card:hand-votes': Cmd<typeof C.HandVotesSchema, VotesView>;

  /** Facilitator. The session's cards grouped into themes (decisions kept, suggestions for the rest). */
  'synthesis:open': Cmd<typeof C.SynthesisOpenSchema, SynthesisView>;
  /** Facilitator. Put a card in a theme (drag, accept a suggestion, pin). Errors: not_found (card or theme), wrong_phase (closed). */
  'synthesis:decide': Cmd<typeof C.SynthesisDecideSchema, SynthesisView>;
  /** Facilitator. Let a card follow the suggestion again. */
  'synthesis:undecide': Cmd<typeof C.SynthesisUndecideSchema, SynthesisView>;
  /** Facilitator. Turn down the suggested theme of a card. */
  'synthesis:reject': Cmd<typeof C.SynthesisRejectSchema, SynthesisView>;
  /**
   * Facilitator, any phase but closed. The facilitator's word on a card's second theme: `themeId`
   * confirms that theme, `null` says the card has none, leaving `themeId` out lets the engine
   * suggest one again. Idempotent. Errors: not_found (card not live, or no live theme of the
   * study), conflict (`overig`, or the card's own theme), forbidden, wrong_phase (closed).
   */
  'synthesis:secondary': Cmd<typeof C.SynthesisSecondarySchema, SynthesisView>;
  /** Facilitator. Mark a card as a quote ("citaat") for the report, or not. */
  'synthesis:quote': Cmd<typeof C.SynthesisQuoteSchema, SynthesisView>;
  /** Facilitator. Write (or remove, with null) the finding ("bevinding") of a theme. */
  'synthesis:finding': Cmd<typeof C.SynthesisFindingSchema, SynthesisView>;
  /** Facilitator. New theme in the study's codebook, optionally with cards moved into it (a split). Errors: conflict. */
  'theme:add': Cmd<typeof C.ThemeAddSchema, SynthesisView>;
  /** Facilitator. Rename a theme of the study. Errors: not_found. */
  'theme:rename': Cmd<typeof C.ThemeRenameSchema, SynthesisView>;
  /** Facilitator. Merge a theme into another; decisions for it follow. Errors: not_found, conflict. */
  'theme:merge': Cmd<typeof C.ThemeMergeSchema, SynthesisView>;
  /**
   * Facilitator. Undo a merge, study-wide: the merged theme is a theme of its own again, with its
   * id, name, decisions and findings as they were. Errors: not_found (no such theme in the study),
   * conflict (not merged), forbidden.
   */
  'theme:unmerge': Cmd<typeof C.ThemeUnmergeSchema, SynthesisView>;

  // Follow-up calls ("nabellen"): facilitator console only (participants and projections get
  // `forbidden`), in every phase, closed included. Each answers with the session's follow-up view,
  // its summaries in the payload's `language` (default nl); changes go to the session's consoles
  // as `followup:updated`.
  /** The calls (deleted ones flagged by `deletedAt`), the call script and the points raised in calls. */
  'followup:list': Cmd<typeof C.FollowUpListSchema, FollowUpView>;
  /** Start a call or change its callee, day or caller. Idempotent by call id. Errors: not_found (deleted call), too_large. */
  'followup:save': Cmd<typeof C.SaveCallSchema, FollowUpView>;
  /** Record (or clear, with verdict null) what the callee says of one theme's finding. Errors: not_found (call or theme). */
  'followup:answer': Cmd<typeof C.AnswerCallSchema, FollowUpView>;
  /** Remove a call; its answers stop counting. Idempotent; undone by followup:restore. Errors: not_found. */
  'followup:delete': Cmd<typeof C.CallRefSchema, FollowUpView>;
  /** Undo of followup:delete. Errors: not_found. */
  'followup:restore': Cmd<typeof C.CallRefSchema, FollowUpView>;
  /**
   * Add a point raised in a call as a card (by the facilitator, origin followup): it reaches boards
   * like any card, without the callee. Idempotent by card id. Errors: not_found (call, column, domain), conflict.
   */
  'followup:card': Cmd<typeof C.FollowUpCardSchema, FollowUpView>;

  // Live polls ("peilingen"), in every phase but closed (`wrong_phase` then). Every audience hears
  // of a change as `poll:upserted` with its own view; nobody is told who answered what. Each
  // command but poll:delete answers with the sender's own view of the poll.
  /**
   * Facilitator. A new draft poll (only consoles see drafts). Idempotent by poll id. Errors:
   * invalid_payload (options do not fit the kind: 2..12 distinct for single, multiple and bucket,
   * none for scale and number), conflict (the id is another poll's), too_large.
   */
  'poll:create': Cmd<typeof C.PollCreateSchema, PollView>;
  /** Facilitator. Change the question, the options or `showLive` of a draft. Errors: not_found, wrong_phase (no longer a draft), invalid_payload. */
  'poll:update': Cmd<typeof C.PollUpdateSchema, PollView>;
  /** Facilitator. Open a draft for answers; boards and projections now show it. Idempotent. Errors: not_found, wrong_phase (already closed). */
  'poll:open': Cmd<typeof C.PollRefSchema, PollView>;
  /** Facilitator. Close an open poll: answers stop and everyone sees the results. Idempotent. Errors: not_found, wrong_phase (a draft). */
  'poll:close': Cmd<typeof C.PollRefSchema, PollView>;
  /** Facilitator. Remove a poll from every screen; undone by poll:restore. Idempotent. Errors: not_found. */
  'poll:delete': Cmd<typeof C.PollRefSchema, { id: string }>;
  /** Facilitator. Undo of poll:delete, answers and all. Errors: not_found. */
  'poll:restore': Cmd<typeof C.PollRefSchema, PollView>;
  /**
   * Participant, while the poll is open: replaces their earlier answer. Errors: not_found (no such
   * poll), wrong_phase (a draft, a closed poll or a closed session), invalid_payload (the answer does
   * not fit the poll: an unknown option, not exactly one for single and bucket, a scale value other
   * than 1..5), forbidden (not a participant).
   */
  'poll:answer': Cmd<typeof C.PollAnswerCommandSchema, PollView>;
  /**
   * Facilitator. Hands counted in a physical room, replacing earlier counts: per option id or
   * scale point "1".."5", or the values of a number poll; added to the device answers. Open or
   * closed polls. Errors: not_found, wrong_phase (a draft), invalid_payload (unknown key, counts for a number poll).
   */
  'poll:handcount': Cmd<typeof C.PollHandCountSchema, PollView>;

  /** Participant, voting phase. Idempotent by vote id. Errors: budget_exhausted, card_vote_limit, wrong_phase, locked. */
  'vote:cast': Cmd<typeof C.VoteCastSchema, MyVote[]>;
  /** Participant, voting phase. Idempotent: retracting a vote that is gone succeeds. */
  'vote:retract': Cmd<typeof C.VoteRetractSchema, MyVote[]>;
}

/** Facts, server to client: what has happened. Clients apply them idempotently by id. */
export interface ServerToClientEvents {
  /** The whole view of the session for this socket, after a change of visibility (phase, reveal, settings). */
  'session:snapshot': (snapshot: SessionSnapshot) => void;
  /** Session properties changed. */
  'session:updated': (meta: SessionMeta) => void;
  /** Timer changed; `serverNow` lets the client correct for clock offset. */
  'timer:updated': (timer: Timer, serverNow: number) => void;
  /** A card became visible to this socket or changed. */
  'card:upserted': (card: CardView) => void;
  /** A card was deleted, merged away, or is no longer visible. */
  'card:removed': (id: string) => void;
  /** While cards are hidden: the number of live cards changed (to boards and projections). */
  'cards:count': (count: number) => void;
  /** Vote totals of a card changed (only to sockets that may see totals). */
  'votes:updated': (votes: VotesView) => void;
  /** The participant's own votes (to all their sockets). */
  'votes:mine': (votes: MyVote[]) => void;
  /** The themes changed (synthesis and closed phases: everyone; before that: facilitator consoles). */
  'synthesis:updated': (view: SynthesisView) => void;
  /** Facilitator consoles of the session only (callees are named): the follow-up calls changed. Summaries in Dutch. */
  'followup:updated': (view: FollowUpView) => void;
  /**
   * A poll became visible to this socket or changed: this socket's own view (results only where
   * allowed, `mine` only to the participant it belongs to). Drafts reach consoles only.
   */
  'poll:upserted': (poll: PollView) => void;
  /** A poll was deleted (to boards and projections only if they had seen it). */
  'poll:removed': (id: string) => void;
  /** Participant: the facilitator removed this participant from the session; join again with the code. */
  'session:removed': (sessionId: string) => void;
  /** Facilitator: the participant list changed. */
  'participants:updated': (participants: ParticipantView[]) => void;
  /** Facilitator: another editor changed the study's report document; fetch the report again. */
  'report:updated': (info: ReportDocumentInfo) => void;
  /** Facilitator: the study or one of its sessions changed. */
  'study:updated': (study: StudyView) => void;
  /**
   * Facilitators with the study overview open (that study's room only): the theme-by-domain matrix
   * after cards, votes, hand counts, theme decisions, codebook edits or a new session. Coalesced:
   * at most one per study every MATRIX_PUSH_MS. Counts and card texts; no authors, no voters.
   */
  'study:matrix-updated': (update: { studyId: string; matrix: StudyMatrix }) => void;
}

/** Per-socket state on the server: set by the handshake, join and open; never from the client's word. */
export interface SocketData {
  role: 'facilitator' | 'participant' | 'none';
  studyId: string | null;
  sessionId: string | null;
  participantId: string | null;
  view: 'console' | 'projection' | 'board';
}

/** What a client puts in the handshake `auth`: a facilitator key, or nothing. */
export interface HandshakeAuth {
  studyId?: string;
  key?: string;
}

export type CommandName = keyof ClientToServerEvents;
export type CommandPayload<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];
export type CommandData<E extends CommandName> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never;
