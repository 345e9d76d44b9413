import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, CommandName, CommandPayload } from '../../../shared/protocol/events.ts';
import { SessionSchema, type Session } from '../../../shared/schemas/session.ts';
import { StudySchema } from '../../../shared/schemas/study.ts';
import { isLeftoverFile } from '../../../server/storage/paths.ts';
import { readStoredSession, type BrokenFile, type RecoveredFile } from '../../../server/storage/repository.ts';
import { connectClient, createStudy, send, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll } from '../session-helpers.ts';
import type { StartMessage } from './crash-server.ts';

/**
 * The real server in its own process, killed with SIGKILL in the middle of a burst of writes
 * from several clients, and started again on the same folder: every action acknowledged before
 * the kill is there, and every file in the folder parses.
 */
const SCRIPT = fileURLToPath(new URL('./crash-server.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Running {
  process: ChildProcess;
  url: string;
  broken: BrokenFile[];
  recovered: RecoveredFile[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
const sockets: ClientSocket[] = [];
const folders: { remove: () => Promise<void> }[] = [];
afterAll(async () => {
  closeAll(...sockets);
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of folders) await folder.remove();
});

/** A server process with its code loaded, waiting to be told which folder to serve. */
function warmServer(): { start(message: StartMessage): Promise<Running> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      void exited.then(({ code, signal }) => reject(new Error(`server process ended (${code ?? signal}) before it was ready`)));
    });
  const warm = next<{ warm: true }>();
  // A spare that is never started is killed at the end: not an error.
  warm.catch(() => {});
  return {
    async start(message) {
      await warm;
      const ready = next<{ port: number; broken: BrokenFile[]; recovered: RecoveredFile[] }>();
      child.send(message);
      const { port, broken, recovered } = await ready;
      return { process: child, url: `http://127.0.0.1:${port}`, broken, recovered, exited };
    },
  };
}

/** What the clients sent, and what was acknowledged. */
class Ledger {
  /** Per card, its texts in the order one socket sent them, and the last one acknowledged. */
  readonly cards = new Map<string, { texts: string[]; acked: number }>();
  readonly votes = new Map<string, boolean>();
  acks = 0;
  private readonly pending: Promise<unknown>[] = [];
  onAck: () => void = () => {};

  private track<E extends CommandName>(socket: ClientSocket, event: E, payload: CommandPayload<E>, acked: () => void): void {
    const sent = send(socket, event, payload).then(
      (ack: Ack<unknown>) => {
        if (!ack.ok) return;
        acked();
        this.acks++;
        this.onAck();
      },
      () => {},
    );
    this.pending.push(sent);
  }

  addCard(socket: ClientSocket, sessionId: string, columnId: string, text: string): string {
    const id = uid();
    const card = { texts: [text], acked: -1 };
    this.cards.set(id, card);
    this.track(socket, 'card:add', { sessionId, id, columnId, text }, () => {
      card.acked = Math.max(card.acked, 0);
    });
    return id;
  }

  editCard(socket: ClientSocket, sessionId: string, id: string, text: string): void {
    const card = this.cards.get(id)!;
    const index = card.texts.push(text) - 1;
    this.track(socket, 'card:edit', { sessionId, id, text }, () => {
      card.acked = Math.max(card.acked, index);
    });
  }

  castVote(socket: ClientSocket, sessionId: string, cardId: string): void {
    const id = uid();
    this.votes.set(id, false);
    this.track(socket, 'vote:cast', { sessionId, id, cardId }, () => this.votes.set(id, true));
  }

  /** Every command sent has its answer or was cut off by the kill. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
    this.pending.length = 0;
  }

  /** Every acknowledged action is in `state`, and nothing is there that was not sent. */
  check(state: Pick<Session, 'cards' | 'votes'>, where: string): { cards: number; votes: number } {
    let cards = 0;
    for (const [id, card] of this.cards) {
      if (card.acked < 0) continue;
      cards++;
      expect(state.cards[id], `${where}: acknowledged card ${id}`).toBeDefined();
      // A later edit may be stored without its ack having arrived; an earlier one may not.
      expect(card.texts.slice(card.acked), `${where}: text of card ${id}`).toContain(state.cards[id]!.text);
    }
    for (const id of Object.keys(state.cards)) expect(this.cards.has(id), `${where}: card ${id} was sent`).toBe(true);
    let votes = 0;
    for (const [id, acked] of this.votes) {
      if (!acked) continue;
      votes++;
      expect(state.votes[id], `${where}: acknowledged vote ${id}`).toBeDefined();
    }
    for (const id of Object.keys(state.votes)) expect(this.votes.has(id), `${where}: vote ${id} was sent`).toBe(true);
    return { cards, votes };
  }
}

/**
 * Every file in the folder is one of the store's and parses: snapshots as valid JSON documents,
 * journals line by line, except a torn last line (an append the kill cut short, never
 * acknowledged). Before a restart, temporary files of a killed write may lie there too.
 */
async function checkFiles(dir: string, leftoversAllowed: boolean): Promise<void> {
  for (const name of await readdir(dir)) {
    const text = await readFile(join(dir, name), 'utf8');
    if (/\.json(\.prev)?$/.test(name)) {
      const schema = name.startsWith('study-') ? StudySchema : SessionSchema;
      expect(schema.safeParse(JSON.parse(text)).success, `${name} is a valid document`).toBe(true);
    } else if (/\.journal(\.prev)?$/.test(name)) {
      // What follows the last newline is empty, or the torn line: never parsed.
      const lines = text.split('\n').slice(0, -1);
      lines.forEach((line, i) => expect(() => JSON.parse(line), `${name} line ${i + 1}`).not.toThrow());
    } else {
      expect(leftoversAllowed && isLeftoverFile(name), `unexpected file ${name}`).toBe(true);
    }
  }
}

describe('a server killed with SIGKILL during a burst of writes', () => {
  it('keeps every acknowledged action, at three moments: mid-burst, mid-compaction, while voting', async () => {
    const data = await tempDataDir();
    folders.push(data);
    const dir = data.dir;
    const ledger = new Ledger();
    // One server process per kill, all loading their code at once (that takes seconds).
    const spares = [warmServer(), warmServer(), warmServer()];
    let server = await spares.shift()!.start({ dataDir: dir });

    const auth = await createStudy(server.url, 'Crashbestendig');
    let facilitator = await connectClient(server.url, auth);
    sockets.push(facilitator);
    const session = await sendOk(facilitator, 'session:create', {
      title: 'Onder vuur',
      date: '2025-11-20',
      mode: 'digitaal',
      domains: ['Wlz'],
      settings: { votesPerParticipant: 99, maxVotesPerCard: 99 },
    });
    const sessionId = session.id;
    const opened = await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
    const columns = opened.session.columns.map((c) => c.id);
    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
    const people: { participantId: string; token: string; socket: ClientSocket }[] = [];
    for (let i = 0; i < 5; i++) {
      const socket = await connectClient(server.url);
      sockets.push(socket);
      const joined = await sendOk(socket, 'session:join', { code: session.joinCode, profile: { name: `Deelnemer ${i}`, consent: false } });
      people.push({ participantId: joined.participantId, token: joined.token, socket });
    }
    const facilitatorCards: string[] = [];

    let alive = true;
    /**
     * Cards and edits from everyone, never waiting for an answer: each person adds a card and
     * edits it right behind, the facilitator adds one, `waves` times, all at once or `paceMs` apart.
     */
    async function writeBurst(round: number, waves: number, paceMs = 0): Promise<void> {
      for (let i = 0; i < waves && alive; i++) {
        for (const [p, person] of people.entries()) {
          const id = ledger.addCard(person.socket, sessionId, columns[i % columns.length]!, `R${round} P${p} kaart ${i}`);
          ledger.editCard(person.socket, sessionId, id, `R${round} P${p} kaart ${i}, herschreven`);
        }
        facilitatorCards.push(ledger.addCard(facilitator, sessionId, columns[0]!, `R${round} facilitator ${i}`));
        if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
      }
    }

    /** Kills the server with SIGKILL when `when` says so, waits until it is gone and the clients know. */
    async function killed(when: () => boolean, burst: () => Promise<void> | void): Promise<number> {
      let ackAtKill = -1;
      const kill = () => {
        if (ackAtKill >= 0) return;
        ackAtKill = ledger.acks;
        alive = false;
        server.process.kill('SIGKILL');
      };
      ledger.onAck = () => {
        if (when()) kill();
      };
      const sending = burst();
      // Should every command be answered without the moment coming: a failure, not a hang.
      await Promise.race([server.exited, Promise.resolve(sending).then(() => ledger.settled())]);
      const inTime = ackAtKill >= 0;
      kill();
      expect(inTime, 'the server was killed before the burst was over').toBe(true);
      const exit = await server.exited;
      ledger.onAck = () => {};
      expect(exit.signal).toBe('SIGKILL');
      await ledger.settled();
      closeAll(...sockets.splice(0));
      return ackAtKill;
    }

    /**
     * The folder and the stored session after a kill, then a new server on it (another process,
     * or the last time one in this process), checked over its socket.
     */
    async function restart(where: string, compactAfterEntries?: number): Promise<TestServer | null> {
      await checkFiles(dir, true);
      const onDisk = ledger.check((await readStoredSession(dir, sessionId))!, `${where}, read from disk`);
      const spare = spares.shift();
      let inProcess: TestServer | null = null;
      if (spare) {
        server = await spare.start({ dataDir: dir, ...(compactAfterEntries ? { compactAfterEntries } : {}) });
        alive = true;
      } else {
        inProcess = await startServer({ dataDir: dir });
      }
      const url = inProcess?.url ?? server.url;
      // A crash never damages a snapshot: nothing broken, nothing to recover from a previous version.
      expect(inProcess?.broken ?? server.broken).toEqual([]);
      expect(inProcess ? [...inProcess.repo.recovered.values()] : server.recovered).toEqual([]);
      await checkFiles(dir, false);

      facilitator = await connectClient(url, auth);
      sockets.push(facilitator);
      const snapshot = await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
      const served = ledger.check(
        {
          cards: Object.fromEntries(snapshot.cards.map((c) => [c.id, { text: c.text }])) as unknown as Session['cards'],
          votes: (await readStoredSession(dir, sessionId))!.votes,
        },
        `${where}, served`,
      );
      expect(served).toEqual(onDisk);
      for (const person of people) {
        person.socket = await connectClient(url);
        sockets.push(person.socket);
        await sendOk(person.socket, 'session:resume', { sessionId, participantId: person.participantId, token: person.token });
      }
      return inProcess;
    }

    // 1. In the middle of a burst of cards and edits, after 40 of about 130 acknowledgements.
    const first = await killed(() => ledger.acks >= 40, () => writeBurst(1, 12));
    expect(first).toBe(40);
    await restart('after a kill mid-burst', 1);

    // 2. During a compaction: here every write rewrites the snapshot, and the burst comes in waves
    // so that there are many writes. Once 8 more actions are acknowledged, the kill comes the
    // moment a rewrite's temporary file appears: the previous snapshot was copied aside, the new
    // one is not yet renamed into place, the journal not yet rotated.
    const before = ledger.acks;
    let compacting = false;
    const watcher = watch(dir, (_event, name) => {
      if (!name || !/^session-.*\.json\.\d+$/.test(name) || ledger.acks < before + 8) return;
      compacting = true;
      // Asks `when` now, as an acknowledgement would.
      ledger.onAck();
    });
    await killed(() => compacting, () => writeBurst(2, 14, 20));
    watcher.close();
    await restart('after a kill mid-compaction', 4);

    // 3. While voting: votes from everyone and the facilitator's edits, killed early in the burst.
    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'voting' });
    const stored = (await readStoredSession(dir, sessionId))!;
    const live = Object.keys(stored.cards);
    const votingStart = ledger.acks;
    await killed(
      () => ledger.acks >= votingStart + 15,
      () => {
        for (const [p, person] of people.entries()) for (let i = 0; i < 15; i++) ledger.castVote(person.socket, sessionId, live[(p * 7 + i) % live.length]!);
        for (const [i, id] of facilitatorCards.filter((c) => stored.cards[c]).slice(0, 10).entries()) ledger.editCard(facilitator, sessionId, id, `Door de facilitator ${i}`);
      },
    );
    const last = (await restart('after a kill while voting'))!;

    // A clean stop after all that folds the journal into the snapshot.
    closeAll(...sockets.splice(0));
    await last.close();
    await checkFiles(dir, false);
    const final = ledger.check((await readStoredSession(dir, sessionId))!, 'after a clean stop');
    expect(final.cards).toBeGreaterThan(20);
    expect(final.votes).toBeGreaterThan(0);
    // Nothing left in the journals (one may still hold the torn line of the last kill).
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.journal'))) expect(await readFile(join(dir, name), 'utf8'), name).not.toContain('\n');
    // Most of the time goes to three server processes loading their code (about 10 s on a quiet
    // 2-core machine); under the load of the whole suite that can take several times as long.
  }, 120_000);
});
