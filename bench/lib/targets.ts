import { readStoredSession } from '../../server/storage/repository.ts';
import { io as connect, type Socket } from 'socket.io-client';

export type BenchSocket = Socket;

/** What the driver needs from a server under test. */
export interface Target {
  name: string;
  /** Connects the participants; returns them plus hooks for the run. */
  prepare(url: string, clients: number): Promise<{
    sockets: BenchSocket[];
    cardPayload: (id: string, text: string) => Record<string, unknown>;
    votePayload: (id: string, cardId: string) => Record<string, unknown>;
    startVoting(): Promise<void>;
    close(): void;
  }>;
  /** Acked ids missing from what the server stored (after it closed). */
  lost?(acked: { cards: string[]; votes: string[] }): Promise<number>;
}

export function open(url: string, auth: Record<string, unknown> = {}): Promise<BenchSocket> {
  const socket = connect(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export async function ask<T = unknown>(socket: BenchSocket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(15_000).emitWithAck(event, payload)) as { ok: boolean; data: T; message?: string };
  if (!ack.ok) throw new Error(`${event}: ${ack.message}`);
  return ack.data;
}

/** Opens sockets a batch at a time: a realistic room fills over seconds, not in one tick. */
export async function openMany(count: number, make: (i: number) => Promise<BenchSocket>): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = [];
  for (let i = 0; i < count; i += 25) {
    const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => make(i + j));
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

export const referenceTarget: Target = {
  name: 'bare socket.io',
  async prepare(url, clients) {
    const sockets = await openMany(clients, () => open(url));
    return {
      sockets,
      cardPayload: (id, text) => ({ id, text, columnId: 'column-1' }),
      votePayload: (id, cardId) => ({ id, cardId }),
      startVoting: async () => {},
      close: () => sockets.forEach((s) => s.close()),
    };
  },
};

export function appTarget(dataDir: string): Target {
  let sessionId = '';
  return {
    name: 'werksessie',
    async prepare(url, clients) {
      const response = await fetch(`${url}/api/studies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Benchmark' }),
      });
      const { studyId, key } = (await response.json()) as { studyId: string; key: string };
      const facilitator = await open(url, { studyId, key });
      const session = await ask<{ id: string; joinCode: string }>(facilitator, 'session:create', {
        title: 'Benchmark', date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'],
        settings: { votesPerParticipant: 99, maxVotesPerCard: 1, showTotalsWhileVoting: true },
      });
      sessionId = session.id;
      const snapshot = await ask<{ session: { columns: { id: string }[] } }>(facilitator, 'session:open', { sessionId, view: 'console' });
      const columnId = snapshot.session.columns[0]!.id;
      await ask(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
      const sockets = await openMany(clients, async (i) => {
        const socket = await open(url);
        await ask(socket, 'session:join', { code: session.joinCode, profile: { name: `Deelnemer ${i + 1}` } });
        return socket;
      });
      return {
        sockets,
        cardPayload: (id, text) => ({ sessionId, id, text, columnId, domain: 'Wlz', anonymous: i(id) }),
        votePayload: (id, cardId) => ({ sessionId, id, cardId }),
        startVoting: async () => void (await ask(facilitator, 'session:phase', { sessionId, phase: 'voting' })),
        close: () => [facilitator, ...sockets].forEach((s) => s.close()),
      };
    },
    async lost(acked) {
      const stored = await readStoredSession(dataDir, sessionId);
      if (!stored) return acked.cards.length + acked.votes.length;
      return acked.cards.filter((id) => !stored.cards[id]).length + acked.votes.filter((id) => !stored.votes[id]).length;
    },
  };
}

/** Every third card anonymous, as in a real session. */
const i = (id: string): boolean => id.charCodeAt(0) % 3 === 0;
