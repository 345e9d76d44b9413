import { pollResults } from '../../shared/domain/poll-results.ts';
import { pollResultsVisibleTo, toPollView } from '../../shared/domain/visibility.ts';
import type { Viewer } from '../../shared/protocol/views.ts';
import type { Poll } from '../../shared/schemas/poll.ts';
import type { Session } from '../../shared/schemas/session.ts';
import type { IoServer } from '../plugins/socket-io.ts';
import { viewerOf } from './broadcast.ts';
import { rooms, sessionRooms } from './rooms.ts';

const FACILITATOR: Viewer = { role: 'facilitator' };
const PROJECTION: Viewer = { role: 'projection' };
/** Results rules are the same for every participant. */
const SOME_PARTICIPANT: Viewer = { role: 'participant', participantId: '' };

/** What changed: the poll itself, or only its counts (the hands counted, or one participant's answer). */
export type PollChange = 'poll' | 'hands' | { answeredBy: string };

/**
 * Sends a poll to each audience in its own view: consoles all but who answered what, projections
 * without `mine`, every board socket with its own participant's answer. Drafts stay on the consoles.
 * A change of counts only is news to boards and projections that may see results; an answer is
 * always news to the one who gave it.
 */
export function emitPoll(io: IoServer, session: Session, poll: Poll, change: PollChange = 'poll'): void {
  const id = session.id;
  if (poll.deletedAt !== null) {
    io.to(poll.status === 'draft' ? [rooms.console(id)] : sessionRooms(id)).emit('poll:removed', poll.id);
    return;
  }
  const results = pollResults(poll);
  io.to(rooms.console(id)).emit('poll:upserted', toPollView(poll, FACILITATOR, results));
  if (poll.status === 'draft') return;
  if (change !== 'poll' && !pollResultsVisibleTo(poll, SOME_PARTICIPANT)) {
    if (typeof change === 'object') {
      const viewer: Viewer = { role: 'participant', participantId: change.answeredBy };
      io.to(rooms.person(id, change.answeredBy)).emit('poll:upserted', toPollView(poll, viewer, results));
    }
    return;
  }
  io.to(rooms.projection(id)).emit('poll:upserted', toPollView(poll, PROJECTION, results));
  for (const socketId of io.sockets.adapter.rooms.get(rooms.board(id)) ?? []) {
    const socket = io.sockets.sockets.get(socketId);
    const viewer = socket && viewerOf(socket);
    if (socket && viewer) socket.emit('poll:upserted', toPollView(poll, viewer, results));
  }
}
