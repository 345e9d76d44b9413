import type { BenchSocket } from './targets.ts';

/** One participant as the run knows them, with what the server acknowledged to them. */
export interface ParticipantLedger {
  id: string;
  socket: BenchSocket;
  /** Card ids acknowledged; and sent without any answer (may or may not be stored). */
  cards: Set<string>;
  cardsUnknown: Set<string>;
  /** Card ids the server refused: these must not be stored. */
  cardsRefused: Set<string>;
  votes: Set<string>;
  votesUnknown: Set<string>;
  votesRefused: Set<string>;
  /** The last acknowledged poll answer, as sent; `answerUnknown` when a later one got no ack. */
  answer: unknown;
  answerUnknown: boolean;
}

/** One session ready to drive, and everything acknowledged in it. */
export interface SessionRig {
  index: number;
  sessionId: string;
  columnIds: string[];
  facilitator: BenchSocket;
  participants: ParticipantLedger[];
  pollId: string | null;
  /** Acknowledged cards, in order: what participants can vote on. */
  cardIds: string[];
  /** Cards on their way to the other participants (for the fan-out latency). */
  inFlight: Map<string, { sentAt: number; sender: string; remaining: number }>;
}

export function participantLedger(id: string, socket: BenchSocket): ParticipantLedger {
  return {
    id,
    socket,
    cards: new Set(),
    cardsUnknown: new Set(),
    cardsRefused: new Set(),
    votes: new Set(),
    votesUnknown: new Set(),
    votesRefused: new Set(),
    answer: null,
    answerUnknown: false,
  };
}

export function sessionRig(index: number, sessionId: string, columnIds: string[], facilitator: BenchSocket, participants: ParticipantLedger[]): SessionRig {
  return { index, sessionId, columnIds, facilitator, participants, pollId: null, cardIds: [], inFlight: new Map() };
}

export function closeRigs(rigs: SessionRig[]): void {
  for (const rig of rigs) {
    rig.facilitator.close();
    for (const p of rig.participants) p.socket.close();
  }
}
