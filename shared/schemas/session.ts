import { z } from 'zod';
import { DateSchema, IdSchema, LIMITS, optionalText, text } from './common.ts';
import { FollowUpCallSchema } from './followup.ts';
import { PollSchema } from './poll.ts';
import { ProfileSchema } from './profile.ts';
import { SynthesisSchema, emptySynthesis } from './synthesis.ts';

/** The legal domains of Dutch care procurement; a session may also use a custom domain name. */
export const BUILTIN_DOMAINS = ['Wlz', 'Wmo', 'Jeugdwet', 'Forensische Zorg', 'GZSP'] as const;
export const DomainSchema = text(LIMITS.domainName);

/** Session phases, in their natural order. */
export const PHASES = ['preparation', 'collecting', 'voting', 'synthesis', 'closed'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

export const ModeSchema = z.enum(['fysiek', 'digitaal']);
export type Mode = z.infer<typeof ModeSchema>;

/** A prompt column on the board, e.g. "Wat ging er goed?". */
export const ColumnSchema = z.object({
  id: IdSchema,
  title: text(LIMITS.title),
});
export type Column = z.infer<typeof ColumnSchema>;

export const SettingsSchema = z.object({
  /** Cards stay visible only to their author (and the facilitator) until revealed. */
  hideUntilReveal: z.boolean(),
  /** Participants may post cards without their name. */
  allowAnonymousCards: z.boolean(),
  votesPerParticipant: z.number().int().min(1).max(LIMITS.votesPerParticipant),
  maxVotesPerCard: z.number().int().min(1).max(LIMITS.maxVotesPerCard),
  /** Nobody sees who voted for what; only totals. */
  anonymousVotes: z.boolean(),
  /** Participants and the projection see running totals during the voting phase. */
  showTotalsWhileVoting: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export { ProfileSchema, ScopeSchema, SizeClassSchema, type Profile } from './profile.ts';

export const ParticipantSchema = ProfileSchema.extend({
  id: IdSchema,
  /** sha256 of the participant's resume token; absent for people the scribe added. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** Added by the facilitator for a physical room, rather than joined from a device. */
  addedByFacilitator: z.boolean().default(false),
  joinedAt: z.number().int(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/**
 * Who a card is from: a participant, the room as a whole ("de zaal"), or the facilitator.
 * `anonymous` is an author nobody knows any more: an anonymous card in a study export, or one
 * whose participant was removed. Nobody can edit such a card but the facilitator.
 */
export const AuthorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant'), participantId: IdSchema }),
  z.object({ kind: z.literal('room') }),
  z.object({ kind: z.literal('facilitator') }),
  z.object({ kind: z.literal('anonymous') }),
]);
export type Author = z.infer<typeof AuthorSchema>;

/** Where a card comes from: the session itself, or a follow-up call afterwards (a point the session missed). */
export const CardOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session') }),
  z.object({ kind: z.literal('followup'), callId: IdSchema }),
]);
export type CardOrigin = z.infer<typeof CardOriginSchema>;

export const CardSchema = z.object({
  id: IdSchema,
  columnId: IdSchema,
  domain: DomainSchema.nullable(),
  text: text(LIMITS.cardText),
  author: AuthorSchema,
  anonymous: z.boolean(),
  /** Votes counted by hand in a physical room (sticky dots). */
  handVotes: z.number().int().min(0).max(LIMITS.handVotes),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  deletedAt: z.number().int().nullable(),
  /** Set when the card was merged into another one; it then no longer shows. */
  mergedInto: IdSchema.nullable(),
  origin: CardOriginSchema.default({ kind: 'session' }),
});
export type Card = z.infer<typeof CardSchema>;

export const VoteSchema = z.object({
  id: IdSchema,
  cardId: IdSchema,
  /** Null when the voter is not kept: an anonymous vote in a study export. */
  voterId: IdSchema.nullable(),
  /**
   * Cast while votes were anonymous. Stored with the vote so that switching the setting off later
   * never names its voter. Votes of files from before this field are taken as anonymous.
   */
  anonymous: z.boolean().default(true),
  createdAt: z.number().int(),
});
export type Vote = z.infer<typeof VoteSchema>;

/**
 * Timer in server time. Running: `endsAt` is set. Paused or idle: `remainingMs` holds the time
 * left. `durationMs` is what it was started with plus time added, for progress bars.
 */
export const TimerSchema = z.object({
  durationMs: z.number().int().min(0).max(LIMITS.timerMs * 2),
  endsAt: z.number().int().nullable(),
  remainingMs: z.number().int().min(0).max(LIMITS.timerMs * 2),
});
export type Timer = z.infer<typeof TimerSchema>;

/** Everything the server knows about one session: this is what is stored on disk. */
export const SessionSchema = z.object({
  schemaVersion: z.literal(1),
  id: IdSchema,
  studyId: IdSchema,
  title: text(LIMITS.title),
  date: DateSchema,
  mode: ModeSchema,
  domains: z.array(DomainSchema).min(1).max(LIMITS.domains),
  columns: z.array(ColumnSchema).min(1).max(LIMITS.columns),
  joinCode: z.string().regex(/^[A-Z0-9]{6}$/),
  phase: PhaseSchema,
  revealed: z.boolean(),
  locked: z.boolean(),
  settings: SettingsSchema,
  timer: TimerSchema,
  /**
   * While closed: the phase it was closed from and whether cards were revealed then, so
   * reopening can undo the close exactly. Absent in any other phase.
   */
  closedFrom: z.object({ phase: PhaseSchema.exclude(['closed']), revealed: z.boolean() }).optional(),
  participants: z.record(IdSchema, ParticipantSchema),
  cards: z.record(IdSchema, CardSchema),
  votes: z.record(IdSchema, VoteSchema),
  synthesis: SynthesisSchema.default(emptySynthesis),
  /** Calls to absent providers after the session (facilitator and analysts only). */
  followUps: z.record(IdSchema, FollowUpCallSchema).default({}),
  /** Live polls ("peilingen") of the session. */
  polls: z.record(IdSchema, PollSchema).default({}),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Session = z.infer<typeof SessionSchema>;
