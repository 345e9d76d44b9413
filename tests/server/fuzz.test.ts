// Hostile clients against the real server over real sockets: random and malformed events and
// payloads from a facilitator, a participant and a socket that never joined. The server must answer
// every acked command with a proper error, change nothing on a refused command, write nothing
// outside its data folder, leave Object.prototype alone, keep serving others and stay bounded in
// memory. FUZZ_RUNS=5000 runs longer (the default keeps the file well under 20 s).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { Encoder, PacketType } from 'socket.io-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/protocol/errors.ts';
import type { CommandName } from '../../shared/protocol/events.ts';
import { hostileEmission, strangeEventName, type Emission } from './fuzz/arbitraries.ts';
import { fuzzScene, NO_LIMITS, type Role } from './fuzz/scene.ts';
import { connectClient, sendOk, startServer, type ClientSocket, type TestServer } from './helpers.ts';
import { rawSend, sync } from './session-helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
/** Stops a run that takes too long on a slow machine, rather than fail CI on time. */
const TIME_LIMIT_MS = process.env.FUZZ_RUNS ? 3_600_000 : 5_000;
/** Vitest's own limit per test: the long run may take as long as it needs. */
const TEST_TIMEOUT_MS = process.env.FUZZ_RUNS ? 4 * 3_600_000 : 30_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let parent: string;
let server: TestServer;
let scene: Awaited<ReturnType<typeof fuzzScene>>;
let anonymous: ClientSocket;
const prototypes = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype, Object].map((p) => Object.getOwnPropertyNames(p).sort().join());
let pristine: string[];
const unexpectedDisconnects: string[] = [];

beforeAll(async () => {
  pristine = prototypes();
  parent = await mkdtemp(join(tmpdir(), 'werksessie-fuzz-'));
  server = await startServer({ dataDir: join(parent, 'data'), limits: NO_LIMITS });
  scene = await fuzzScene(server);
  anonymous = await connectClient(server.url);
  for (const socket of [scene.facilitator, scene.participant.socket]) socket.on('disconnect', (reason) => unexpectedDisconnects.push(reason));
});

afterAll(async () => {
  for (const socket of [...(scene?.sockets ?? []), anonymous]) socket?.disconnect();
  await server?.close();
  await rm(parent, { recursive: true, force: true });
});

const COMMANDS = () => Object.keys(scene.base) as CommandName[];
const socketOf = (role: Role): ClientSocket => (role === 'facilitator' ? scene.facilitator : role === 'participant' ? scene.participant.socket : anonymous);

/** Everything the server holds, as text: compared before and after each refused command. */
function stored(): string {
  const docs = (map: Map<string, { data: unknown }>) => [...map].map(([id, doc]) => [id, doc.data]);
  return JSON.stringify([docs(server.repo.studies), docs(server.repo.sessions)]);
}
const canary = () => JSON.stringify(server.repo.sessions.get(scene.canarySessionId)!.data);

/**
 * The size on the wire of the largest frame, as socket.io's client encodes it; null when it cannot
 * encode the value at all (such a client sends nothing). Runs over the 64 KiB message limit are
 * left to bad-input.test.ts.
 */
function largestFrame(event: string, args: unknown[]): number | null {
  try {
    const frames = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: [event, ...args], id: 1 }) as (string | ArrayBufferLike | ArrayBufferView)[];
    return Math.max(...frames.map((f) => (typeof f === 'string' ? Buffer.byteLength(f) : f.byteLength)));
  } catch {
    return null;
  }
}

async function emit(socket: ClientSocket, event: string, emission: Emission) {
  if (emission.ack) return rawSend(socket, event, ...emission.args);
  (socket as unknown as { emit: (event: string, ...args: unknown[]) => void }).emit(event, ...emission.args);
  // A round trip after it: the server has handled the command by the time this returns.
  await sync(socket);
  return null;
}

/** Sends one hostile command and checks the answer and that a refusal changed nothing. */
let attempts = 0;
async function attempt(role: Role, event: string, emission: Emission): Promise<void> {
  attempts++;
  const before = stored();
  const canaryBefore = canary();
  const ack = await emit(socketOf(role), event, emission);
  const label = { role, event: event.slice(0, 60) };
  if (ack === null) {
    expect({ ...label, stored: stored() }, 'a command without ack changes nothing').toEqual({ ...label, stored: before });
  } else {
    expect(ack, `${role} ${event.slice(0, 60)}`).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
    if (!ack.ok) {
      // A known code, and never `internal`: that would be a handler throwing on hostile input.
      const refusal = ack.error !== 'internal' && (ERROR_CODES as readonly string[]).includes(ack.error) ? 'refused' : ack.error;
      expect({ ...label, refusal }).toEqual({ ...label, refusal: 'refused' });
      expect(ack.message, `${role} ${event}: a message for people`).toMatch(/\S/);
      expect({ ...label, stored: stored() }, 'a refused command changes nothing').toEqual({ ...label, stored: before });
    } else {
      await rebind(role, event);
    }
  }
  expect(canary(), 'the session of another study is never touched').toBe(canaryBefore);
}

/** A hostile command that happened to be valid may have moved a socket; put it back in its role. */
async function rebind(role: Role, event: string): Promise<void> {
  if (role === 'anonymous' && (event === 'session:join' || event === 'session:resume')) {
    anonymous.disconnect();
    anonymous = await connectClient(server.url);
  } else if (role === 'facilitator' && event === 'session:open') {
    await sendOk(scene.facilitator, 'session:open', { sessionId: scene.sessionId, view: 'console' });
  } else if (role === 'participant' && event === 'session:join') {
    const { sessionId, participantId, token } = scene.participant;
    await sendOk(scene.participant.socket, 'session:resume', { sessionId, participantId, token });
  }
}

const hostileCommand = () =>
  fc
    .tuple(fc.constantFrom<Role>('facilitator', 'participant', 'anonymous'), fc.constantFrom(...COMMANDS()))
    .chain(([role, event]) => hostileEmission(scene.base[event]).map((emission) => ({ role, event, emission })));

async function fuzzCommands(runs: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(hostileCommand(), async ({ role, event, emission }) => {
      const size = largestFrame(event, emission.args);
      fc.pre(size !== null && size < 60_000);
      await attempt(role, event, emission);
    }),
    { numRuns: runs, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS },
  );
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('hostile clients', () => {
  it('every command with arbitrary, malformed and oversized payloads, from every role: a proper error, nothing changed, nothing leaked', async () => {
    const started = Date.now();
    await fuzzCommands(RUNS);
    await scene.canarySings();
    const baseline = heapAfterGc();
    await fuzzCommands(RUNS * 2);
    const grown = heapAfterGc() - baseline;
    await scene.canarySings();
    // Twice the commands again may keep what valid ones stored (a few cards, themes), not megabytes per run.
    expect(grown, `heap grew ${Math.round(grown / 1024)} KiB`).toBeLessThan(24 * 1024 * 1024);
    expect(unexpectedDisconnects).toEqual([]);
    expect(prototypes()).toEqual(pristine);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.info(`fuzz: ${attempts} hostile commands in ${Date.now() - started} ms, heap +${Math.round(grown / 1024)} KiB`);
  }, TEST_TIMEOUT_MS);

  it('unknown events, prototype names and very long names get unknown_event, with or without payload or ack', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Role>('facilitator', 'participant', 'anonymous'), strangeEventName, fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }), fc.boolean(), async (role, event, args, ack) => {
        fc.pre(!Object.hasOwn(scene.base, event));
        const before = stored();
        const answer = await emit(socketOf(role), event, { args, ack });
        if (answer !== null) expect(answer).toEqual({ ok: false, error: 'unknown_event', message: expect.stringMatching(/\S/) });
        expect(stored()).toBe(before);
      }),
      { numRuns: RUNS, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    await scene.canarySings();
    expect(prototypes()).toEqual(pristine);
  }, TEST_TIMEOUT_MS);

  it('malformed socket.io packets close only their own connection', async () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const packets: (string | Buffer)[][] = [
      ['2["__proto__",{"polluted":"yes"}]'],
      ['20["__proto__",{"polluted":"yes"}]'],
      ['21["constructor",{"prototype":{"polluted":"yes"}}]'],
      ['2[5,{}]'],
      ['22[5]'],
      ['2["disconnect"]'],
      ['2["connect"]'],
      ['2{"a":1}'],
      ['2['],
      ['9'],
      ['0/admin,'],
      ['0{"studyId":["x"],"key":{"$gt":""}}'],
      ['23["card:add",{"_placeholder":true,"num":0}]'],
      ['51-["card:add",{"_placeholder":true,"num":0}]', '2["card:add"]'],
      ['51-24["card:add",{"_placeholder":true,"num":5}]', Buffer.from([1, 2, 3])],
      ['59999999-["card:add",{"_placeholder":true,"num":0}]'],
      [`25["card:add",${deep(20_000)}]`],
      [`2${deep(20_000)}`],
    ];
    for (const frames of packets) {
      const socket = await connectClient(server.url);
      const engine = (socket as unknown as { io: { engine: { write: (data: string | Buffer) => void } } }).io.engine;
      for (const frame of frames) engine.write(frame);
      // Either the server closed this connection, or it still answers it.
      await Promise.race([new Promise((resolve) => socket.once('disconnect', resolve)), rawSend(socket, 'test:sync', {}).catch(() => null)]);
      socket.disconnect();
      await scene.canarySings();
    }
    expect(prototypes()).toEqual(pristine);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('left no file outside the data folder, and only its own files in it', async () => {
    await server.repo.flush();
    expect(await readdir(parent)).toEqual(['data']);
    // Every file there (snapshot, journal, backups) belongs to a document the server holds.
    const ids = new Set([...server.repo.studies.keys(), ...server.repo.sessions.keys()]);
    for (const name of await readdir(join(parent, 'data'))) {
      const owner = /^(?:study|session)-([A-Za-z0-9_-]{8,64})\./.exec(name);
      expect({ name, known: owner !== null && ids.has(owner[1]!) }).toEqual({ name, known: true });
    }
  });
});
