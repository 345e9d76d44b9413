import { z } from 'zod';
import type { CommandPayload } from '@shared/protocol/events.ts';
import {
  CardAddSchema,
  CardEditSchema,
  CardRefSchema,
  ProfileUpdateSchema,
  VoteCastSchema,
  VoteRetractSchema,
} from '@shared/schemas/commands.ts';

/** Commands that change content: queued while offline and sent in order once resumed. */
export const OUTBOX_EVENTS = ['card:add', 'card:edit', 'card:delete', 'card:restore', 'vote:cast', 'vote:retract', 'profile:update'] as const;
export type OutboxEvent = (typeof OUTBOX_EVENTS)[number];

/** One queued command. `key` is unique in the queue: the card or vote id where there is one. */
export type OutboxItem = {
  [E in OutboxEvent]: { key: string; event: E; payload: CommandPayload<E>; queuedAt: number };
}[OutboxEvent];

const item = <E extends OutboxEvent, S extends z.ZodType>(event: E, payload: S) =>
  z.object({ key: z.string().min(1), event: z.literal(event), payload, queuedAt: z.number() });

/** What localStorage must hold for a queue to be trusted after a reload. */
export const StoredOutboxSchema = z.array(
  z.discriminatedUnion('event', [
    item('card:add', CardAddSchema),
    item('card:edit', CardEditSchema),
    item('card:delete', CardRefSchema),
    item('card:restore', CardRefSchema),
    item('vote:cast', VoteCastSchema),
    item('vote:retract', VoteRetractSchema),
    item('profile:update', ProfileUpdateSchema),
  ]),
);
