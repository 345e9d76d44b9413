import {
  cardsHidden,
  cardVisibleTo,
  isLive,
  liveCardCount,
  myVotes,
  participantView,
  sessionMeta,
  snapshotFor,
  toCardView,
  totalsVisibleTo,
  votesOn,
  votesView,
} from '../../shared/domain/visibility.ts';
import type { Viewer } from '../../shared/protocol/views.ts';
import type { Card, Session } from '../../shared/schemas/session.ts';
import type { IoServer } from '../plugins/socket-io.ts';
import type { AppSocket } from './command.ts';
import { rooms, sessionRooms } from './rooms.ts';

/** The viewer a socket stands for; decided by the server when it opened or joined. */
export function viewerOf(socket: Pick<AppSocket, 'data'>): Viewer | null {
  const { role, view, participantId } = socket.data;
  if (role === 'facilitator') return view === 'projection' ? { role: 'projection' } : { role: 'facilitator' };
  if (role === 'participant' && participantId) return { role: 'participant', participantId };
  return null;
}

/**
 * Sends a card to those who may see it: everyone once revealed, otherwise only the
 * facilitator consoles and the author's own sockets. A card that is gone is removed everywhere.
 */
export function emitCard(io: IoServer, session: Session, card: Card): void {
  if (!isLive(card)) {
    io.to(sessionRooms(session.id)).emit('card:removed', card.id);
    return;
  }
  const view = toCardView(session, card);
  if (!cardsHidden(session)) {
    io.to(sessionRooms(session.id)).emit('card:upserted', view);
    return;
  }
  const audience = [rooms.console(session.id)];
  if (card.author.kind === 'participant') audience.push(rooms.person(session.id, card.author.participantId));
  io.to(audience).emit('card:upserted', view);
}

/** Sends a card's totals to whoever may see them; voter names only where allowed. */
export function emitVotes(io: IoServer, session: Session, cardId: string): void {
  const card = session.cards[cardId];
  if (!card || !isLive(card)) return;
  const voters = votesOn(session, cardId);
  const named = !session.settings.anonymousVotes;
  io.to(rooms.console(session.id)).emit('votes:updated', votesView(session, cardId, voters, named));
  const participant: Viewer = { role: 'participant', participantId: '' };
  if (!totalsVisibleTo(session, participant)) return;
  if (!cardsHidden(session)) {
    io.to(rooms.board(session.id)).emit('votes:updated', votesView(session, cardId, voters, named));
    io.to(rooms.projection(session.id)).emit('votes:updated', votesView(session, cardId, voters, false));
  } else if (card.author.kind === 'participant') {
    // A hidden card is seen by its author alone, and so are its totals.
    io.to(rooms.person(session.id, card.author.participantId)).emit('votes:updated', votesView(session, cardId, voters, named));
  }
}

/** A participant's own votes, to all their sockets. */
export function emitMyVotes(io: IoServer, session: Session, participantId: string): void {
  io.to(rooms.person(session.id, participantId)).emit('votes:mine', myVotes(session, participantId));
}

/** While cards are hidden, boards and projections still see how many there are. */
export function emitHiddenCount(io: IoServer, session: Session): void {
  if (cardsHidden(session)) io.to([rooms.board(session.id), rooms.projection(session.id)]).emit('cards:count', liveCardCount(session));
}

export function emitMeta(io: IoServer, session: Session): void {
  io.to(sessionRooms(session.id)).emit('session:updated', sessionMeta(session));
}

export function emitParticipants(io: IoServer, session: Session): void {
  io.to(rooms.console(session.id)).emit('participants:updated', Object.values(session.participants).map(participantView));
}

/** Each socket of the session gets its own complete view: after phase, reveal or settings changes. */
export function emitSnapshots(io: IoServer, session: Session, now: number): void {
  for (const room of sessionRooms(session.id)) {
    for (const id of io.sockets.adapter.rooms.get(room) ?? []) {
      const socket = io.sockets.sockets.get(id);
      const viewer = socket && viewerOf(socket);
      if (socket && viewer) socket.emit('session:snapshot', snapshotFor(session, viewer, now));
    }
  }
}

/** Whether a card is visible to a given socket (used when answering a command). */
export const visibleToSocket = (session: Session, card: Card, socket: AppSocket): boolean => {
  const viewer = viewerOf(socket);
  return viewer !== null && cardVisibleTo(session, card, viewer);
};
