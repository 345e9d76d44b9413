import { z } from 'zod';
import { ROUNDINGS } from '../domain/figures.ts';
import { ThemeIdSchema } from './codebook.ts';
import { DateSchema, IdSchema, LIMITS, optionalText, text } from './common.ts';
import { FOLLOW_UP_NOTE_MAX, VerdictSchema } from './followup.ts';
import { FINDING_MAX } from './synthesis.ts';
import { POLL_LIMITS, PollAnswerSchema, PollKindSchema } from './poll.ts';
import {
  ColumnSchema,
  DomainSchema,
  ModeSchema,
  PhaseSchema,
  ProfileSchema,
  SettingsSchema,
} from './session.ts';

/** Payloads of the client-to-server commands, one schema per event (see protocol/events.ts). */

const SessionRef = z.object({ sessionId: IdSchema });

export const StudyRenameSchema = z.object({ title: text(LIMITS.title) });

/** Some of the study's report settings; the others stay as they are. */
export const StudyReportSettingsSchema = z.object({
  rounding: z.enum(ROUNDINGS).optional(),
  smallGroup: z.number().int().min(0).max(1000).optional(),
});

export const SessionCreateSchema = z.object({
  title: text(LIMITS.title),
  date: DateSchema,
  mode: ModeSchema,
  domains: z.array(DomainSchema).min(1).max(LIMITS.domains),
  /** Column titles; defaults to the two central questions. */
  columns: z.array(text(LIMITS.title)).min(1).max(LIMITS.columns).optional(),
  settings: SettingsSchema.partial().optional(),
});
export type SessionCreate = z.infer<typeof SessionCreateSchema>;

export const SessionOpenSchema = SessionRef.extend({
  view: z.enum(['console', 'projection']).default('console'),
});

export const SessionUpdateSchema = SessionRef.extend({
  title: text(LIMITS.title).optional(),
  date: DateSchema.optional(),
  mode: ModeSchema.optional(),
  domains: z.array(DomainSchema).min(1).max(LIMITS.domains).optional(),
  columns: z.array(ColumnSchema).min(1).max(LIMITS.columns).optional(),
  settings: SettingsSchema.partial().optional(),
});
export type SessionUpdate = z.infer<typeof SessionUpdateSchema>;

export const SessionPhaseSchema = SessionRef.extend({ phase: PhaseSchema });
export const SessionRevealSchema = SessionRef.extend({ revealed: z.boolean() });
export const SessionLockSchema = SessionRef.extend({ locked: z.boolean() });

export const TimerControlSchema = z.discriminatedUnion('action', [
  SessionRef.extend({ action: z.literal('start'), ms: z.number().int().min(1000).max(LIMITS.timerMs) }),
  SessionRef.extend({ action: z.literal('add'), ms: z.number().int().min(-LIMITS.timerMs).max(LIMITS.timerMs) }),
  SessionRef.extend({ action: z.literal('pause') }),
  SessionRef.extend({ action: z.literal('resume') }),
  SessionRef.extend({ action: z.literal('reset') }),
]);
export type TimerControl = z.infer<typeof TimerControlSchema>;

export const SessionJoinSchema = z.object({
  code: z.string().trim().min(1).max(20),
  profile: ProfileSchema,
});

export const SessionResumeSchema = SessionRef.extend({
  participantId: IdSchema,
  token: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
});

export const ProfileUpdateSchema = SessionRef.extend({ profile: ProfileSchema });

/** Who the facilitator (scribe) attributes a card to. */
export const AttributionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant'), participantId: IdSchema }),
  z.object({ kind: z.literal('room') }),
  z.object({ kind: z.literal('facilitator') }),
]);

export const ParticipantAddSchema = SessionRef.extend({ id: IdSchema, profile: ProfileSchema });

export const ParticipantRemoveSchema = SessionRef.extend({ id: IdSchema });
export const ParticipantsPruneSchema = SessionRef;

export const CardAddSchema = SessionRef.extend({
  /** Made by the client, so that a retried command is applied once. */
  id: IdSchema,
  columnId: IdSchema,
  domain: DomainSchema.nullable().default(null),
  text: text(LIMITS.cardText),
  anonymous: z.boolean().default(false),
  /** Facilitator only; participants always post as themselves. */
  attribution: AttributionSchema.optional(),
});
export type CardAdd = z.infer<typeof CardAddSchema>;

export const CardEditSchema = SessionRef.extend({
  id: IdSchema,
  text: text(LIMITS.cardText).optional(),
  columnId: IdSchema.optional(),
  domain: DomainSchema.nullable().optional(),
});
export type CardEdit = z.infer<typeof CardEditSchema>;

export const CardRefSchema = SessionRef.extend({ id: IdSchema });

export const CardMergeSchema = SessionRef.extend({
  targetId: IdSchema,
  sourceIds: z.array(IdSchema).min(1).max(50),
  /** Text for the merged card; the target keeps its own text when absent. */
  text: text(LIMITS.cardText).optional(),
});
export type CardMerge = z.infer<typeof CardMergeSchema>;

export const HandVotesSchema = SessionRef.extend({
  id: IdSchema,
  count: z.number().int().min(0).max(LIMITS.handVotes),
});

export const VoteCastSchema = SessionRef.extend({ id: IdSchema, cardId: IdSchema });
export const VoteRetractSchema = SessionRef.extend({ id: IdSchema });

/** Synthesis commands (facilitator): sorting cards into the study's themes. */
const CardTheme = SessionRef.extend({ cardId: IdSchema });
export const SynthesisOpenSchema = SessionRef;
export const SynthesisDecideSchema = CardTheme.extend({ themeId: ThemeIdSchema, pinned: z.boolean().default(false) });
export const SynthesisUndecideSchema = CardTheme;
export const SynthesisRejectSchema = CardTheme.extend({ themeId: ThemeIdSchema });
/** A card's second theme: a theme confirms it, null removes it, left out (or undefined) follows the engine again. */
export const SynthesisSecondarySchema = CardTheme.extend({ themeId: ThemeIdSchema.nullable().optional() });
export const SynthesisQuoteSchema = CardTheme.extend({ quote: z.boolean() });
export const SynthesisFindingSchema = SessionRef.extend({ themeId: ThemeIdSchema, text: z.string().trim().max(FINDING_MAX).nullable() });
export const ThemeAddSchema = SessionRef.extend({ name: text(120), cardIds: z.array(IdSchema).max(500).default([]) });
export const ThemeRenameSchema = SessionRef.extend({ themeId: ThemeIdSchema, name: text(120) });
export const ThemeMergeSchema = SessionRef.extend({ sourceId: ThemeIdSchema, targetId: ThemeIdSchema });
/** Undo of a merge: the merged theme (the alias) comes back. */
export const ThemeUnmergeSchema = SessionRef.extend({ themeId: ThemeIdSchema });

/**
 * Follow-up calls ("nabellen", facilitator): after the session, providers who were absent are
 * asked per finding whether they recognise it. Summaries in the answer are in `language`.
 */
export const LanguageSchema = z.enum(['nl', 'en']);
const FollowUpRef = SessionRef.extend({ language: LanguageSchema.default('nl') });
export const FollowUpListSchema = FollowUpRef;
export const SaveCallSchema = FollowUpRef.extend({
  /** Made by the client, so that a retried save creates the call once. */
  id: IdSchema,
  callee: ProfileSchema,
  calledOn: DateSchema,
  calledBy: text(LIMITS.name),
});
export type SaveCall = z.infer<typeof SaveCallSchema>;
export const AnswerCallSchema = FollowUpRef.extend({
  callId: IdSchema,
  themeId: ThemeIdSchema,
  /** Null clears the answer. */
  verdict: VerdictSchema.nullable(),
  note: optionalText(FOLLOW_UP_NOTE_MAX),
});
export type AnswerCall = z.infer<typeof AnswerCallSchema>;
export const CallRefSchema = FollowUpRef.extend({ callId: IdSchema });
export const FollowUpCardSchema = FollowUpRef.extend({
  /** Made by the client, like card:add. */
  id: IdSchema,
  callId: IdSchema,
  columnId: IdSchema,
  domain: DomainSchema.nullable().default(null),
  text: text(LIMITS.cardText),
});
export type FollowUpCardAdd = z.infer<typeof FollowUpCardSchema>;

/**
 * Live polls ("peilingen"): the facilitator creates, changes (while a draft), opens, closes,
 * deletes and restores them and enters counts of hands; participants answer while a poll is open.
 */
const PollRef = SessionRef.extend({ pollId: IdSchema });
const optionLabels = z.array(text(POLL_LIMITS.option)).max(POLL_LIMITS.options);
export const PollCreateSchema = SessionRef.extend({
  /** Made by the client, so that a retried create makes the poll once. */
  id: IdSchema,
  question: text(POLL_LIMITS.question),
  kind: PollKindSchema,
  /** Labels of the options in order (single, multiple, bucket: 2..12); none for scale and number. */
  options: optionLabels.default([]),
  /** Results for everyone while open; otherwise only once closed. */
  showLive: z.boolean().default(false),
});
export type PollCreate = z.infer<typeof PollCreateSchema>;
export const PollUpdateSchema = PollRef.extend({
  question: text(POLL_LIMITS.question).optional(),
  options: optionLabels.optional(),
  showLive: z.boolean().optional(),
});
export type PollUpdate = z.infer<typeof PollUpdateSchema>;
export const PollRefSchema = PollRef;
export const PollAnswerCommandSchema = PollRef.extend({ answer: PollAnswerSchema });

/** Most hands one count can hold, and most values noted for a number poll: a room, not a stadium. */
export const HAND_COUNT_LIMITS = { count: 10_000, values: 1000 } as const;
/**
 * Counts by option id or scale point. A key named like a built-in object property (`__proto__`,
 * `constructor`) is refused on the raw payload: a record schema would drop `__proto__` silently.
 */
const HandCountsSchema = z
  .custom<Record<string, number>>(
    (value) => !(typeof value === 'object' && value !== null && Object.keys(value).some((key) => key in Object.prototype)),
    'keys must not be names of built-in object properties',
  )
  .pipe(z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().min(0).max(HAND_COUNT_LIMITS.count)));
export const PollHandCountSchema = PollRef.extend({
  /** Per option id (single, multiple, bucket) or per scale point "1".."5" (scale): hands counted. */
  counts: HandCountsSchema.default({}),
  /** Number polls: the values given in the room. */
  values: z.array(z.number().finite().min(-POLL_LIMITS.numberAbs).max(POLL_LIMITS.numberAbs)).max(HAND_COUNT_LIMITS.values).default([]),
});
export type PollHandCount = z.infer<typeof PollHandCountSchema>;
