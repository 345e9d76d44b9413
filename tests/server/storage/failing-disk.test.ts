import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFiles } from '../../../server/storage/paths.ts';
import { readStoredSession, readStoredStudy } from '../../../server/storage/repository.ts';
import { connectClient, createStudy, recordTraffic, send, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, sync } from '../session-helpers.ts';
import { immutableFoldersWork, installFsFaults, readOnlyFolder, type FsFaults, type ReadOnlyFolder } from './disk-faults.ts';

/**
 * A disk that refuses writes, through the real server and real sockets: commands answer
 * storage_failed and change nothing anyone sees, reads keep working, and once the disk takes
 * writes again the next commands are acknowledged and stored.
 */
const immutable = await immutableFoldersWork();
let faults: FsFaults;
let data: { dir: string; remove: () => Promise<void> };
let server: TestServer;
let readOnly: ReadOnlyFolder;
const opened: ClientSocket[] = [];
let auth: { studyId: string; key: string };
let facilitator: ClientSocket;
/** Session A with two participants, session B with one; a card of Ann's on A. */
const a = { id: '', column: '', joinCode: '', ann: null as unknown as ClientSocket, bob: null as unknown as ClientSocket, card: '' };
const b = { id: '', column: '', carl: null as unknown as ClientSocket };

async function connect(auth?: Record<string, unknown>) {
  const socket = await connectClient(server.url, auth);
  opened.push(socket);
  return socket;
}

beforeAll(async () => {
  // Installed before the server opens its files, so that their handles are known.
  faults = await installFsFaults();
  data = await tempDataDir();
  server = await startServer({ dataDir: data.dir });
  readOnly = readOnlyFolder(data.dir, faults, immutable);
  auth = await createStudy(server.url, 'Volle schijf');
  facilitator = await connect(auth);
  for (const target of [a, b]) {
    const summary = await sendOk(facilitator, 'session:create', { title: 'Sessie', date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'] });
    const snapshot = await sendOk(facilitator, 'session:open', { sessionId: summary.id, view: 'console' });
    await sendOk(facilitator, 'session:phase', { sessionId: summary.id, phase: 'collecting' });
    Object.assign(target, { id: summary.id, column: snapshot.session.columns[0]!.id, joinCode: summary.joinCode });
  }
  const join = async (code: string, name: string) => {
    const socket = await connect();
    await sendOk(socket, 'session:join', { code, profile: { name, consent: false } });
    return socket;
  };
  a.ann = await join(a.joinCode, 'Ann');
  a.bob = await join(a.joinCode, 'Bob');
  b.carl = await join((await sendOk(facilitator, 'study:open', {})).sessions.find((s) => s.id === b.id)!.joinCode, 'Carl');
  a.card = (await sendOk(a.ann, 'card:add', { sessionId: a.id, id: uid(), columnId: a.column, text: 'Voor de storing' })).id;
  // The console stays on session A.
  await sendOk(facilitator, 'session:open', { sessionId: a.id, view: 'console' });
});

afterAll(async () => {
  closeAll(...opened);
  await readOnly?.heal().catch(() => {});
  faults?.heal();
  await server?.close();
  faults?.uninstall();
  await data?.remove();
});

const STORAGE_FAILED = { ok: false, error: 'storage_failed', message: expect.stringMatching(/could not be saved; nothing was changed/) };

describe('a failing disk', () => {
  it(`read-only data folder (${immutable ? 'chattr +i: the kernel refuses' : 'EROFS injected at the fs edge'}): commands fail, reads work, and it recovers`, async () => {
    expect(readOnly.mechanism).toBe(immutable ? 'chattr +i on the folder and its files' : 'EROFS injected at the fs edge');
    const bobSees = recordTraffic(a.bob);
    const consoleSees = recordTraffic(facilitator);
    const lost = uid();
    await readOnly.fail();
    try {
      expect(await send(a.ann, 'card:add', { sessionId: a.id, id: lost, columnId: a.column, text: 'Gaat verloren' })).toEqual(STORAGE_FAILED);
      expect(await send(a.ann, 'card:edit', { sessionId: a.id, id: a.card, text: 'Ook niet' })).toEqual(STORAGE_FAILED);
      // Joining is a write too; the other session cannot write either: it is the same disk.
      const newcomer = await connect();
      expect(await send(newcomer, 'session:join', { code: a.joinCode, profile: { name: 'Nieuw', consent: false } })).toEqual(STORAGE_FAILED);
      expect(await send(b.carl, 'card:add', { sessionId: b.id, id: uid(), columnId: b.column, text: 'Ook B niet' })).toEqual(STORAGE_FAILED);
      expect(await send(facilitator, 'session:create', { title: 'Nieuw', date: '2025-11-22', mode: 'digitaal', domains: ['Wmo'] })).toEqual(STORAGE_FAILED);
      expect(await send(facilitator, 'study:rename', { title: 'Niet hernoemd' })).toEqual(STORAGE_FAILED);

      // Nobody was shown the card or the edit as stored; the server holds what is on disk.
      await sync(a.bob, facilitator, a.ann);
      for (const traffic of [bobSees, consoleSees]) {
        expect(traffic.text()).not.toContain(lost);
        expect(traffic.text()).not.toContain('Ook niet');
        expect(traffic.events.filter((e) => e.event === 'card:upserted')).toEqual([]);
      }
      expect(server.repo.sessions.get(a.id)!.data.cards[lost]).toBeUndefined();
      expect(server.repo.sessions.get(a.id)!.data.cards[a.card]!.text).toBe('Voor de storing');

      // Reads keep working: the session, the other session, the study, a participant's resume, health.
      const snapshot = await sendOk(facilitator, 'session:open', { sessionId: a.id, view: 'console' });
      expect(snapshot.cards.map((c) => c.text)).toEqual(['Voor de storing']);
      expect(await send(facilitator, 'session:open', { sessionId: b.id, view: 'console' })).toMatchObject({ ok: true });
      await sendOk(facilitator, 'session:open', { sessionId: a.id, view: 'console' });
      const study = await sendOk(facilitator, 'study:open', {});
      expect([study.title, study.sessions.length]).toEqual(['Volle schijf', 2]);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await readOnly.heal();
    }

    // The disk takes writes again: the same command, retried, is acknowledged and stored.
    const seen = new Promise<void>((resolve) => a.bob.on('card:upserted', (card) => card.id === lost && resolve()));
    expect(await send(a.ann, 'card:add', { sessionId: a.id, id: lost, columnId: a.column, text: 'Gaat verloren' })).toMatchObject({ ok: true });
    await seen;
    await sendOk(a.ann, 'card:edit', { sessionId: a.id, id: a.card, text: 'Na de storing' });
    await sendOk(b.carl, 'card:add', { sessionId: b.id, id: uid(), columnId: b.column, text: 'B weer' });
    const onDisk = (await readStoredSession(data.dir, a.id))!;
    expect(onDisk.cards[lost]).toMatchObject({ text: 'Gaat verloren' });
    expect(onDisk.cards[a.card]).toMatchObject({ text: 'Na de storing' });
    expect(Object.values((await readStoredSession(data.dir, b.id))!.cards).map((c) => c.text)).toEqual(['B weer']);
  });

  it('a full disk (ENOSPC injected) for one session: its commands fail, the other session keeps writing', async () => {
    faults.fail(join(data.dir, `session-${a.id}.`), 'ENOSPC');
    const lost = uid();
    try {
      expect(await send(a.ann, 'card:add', { sessionId: a.id, id: lost, columnId: a.column, text: 'Vol' })).toEqual(STORAGE_FAILED);
      const fine = await sendOk(b.carl, 'card:add', { sessionId: b.id, id: uid(), columnId: b.column, text: 'B gaat door' });
      expect((await readStoredSession(data.dir, b.id))!.cards[fine.id]).toMatchObject({ text: 'B gaat door' });
      expect(await send(facilitator, 'session:open', { sessionId: a.id, view: 'console' })).toMatchObject({ ok: true });
      expect(faults.calls.some((call) => call.includes(`session-${a.id}.journal`))).toBe(true);
    } finally {
      faults.heal();
    }
    expect((await readStoredSession(data.dir, a.id))!.cards[lost]).toBeUndefined();
    await sendOk(a.ann, 'card:add', { sessionId: a.id, id: lost, columnId: a.column, text: 'Weer ruimte' });
    expect((await readStoredSession(data.dir, a.id))!.cards[lost]).toMatchObject({ text: 'Weer ruimte' });
  });

  it('a snapshot that cannot be rewritten does not fail the command: the change is in the journal', async () => {
    // Only the study's snapshot files fail (its journal does not): a study is rewritten after every change.
    const files = documentFiles(data.dir, 'study', auth.studyId);
    faults.fail(files.snapshot, 'ENOSPC');
    try {
      expect(await send(facilitator, 'study:rename', { title: 'Alleen in het journaal' })).toMatchObject({ ok: true });
      expect(faults.calls.length).toBeGreaterThan(0);
    } finally {
      faults.heal();
    }
    expect(JSON.parse(await readFile(files.snapshot, 'utf8')).title).toBe('Volle schijf');
    expect(await readFile(files.journal, 'utf8')).toContain('Alleen in het journaal');
    // Read the way a server loads it, the study has the new title; after the next change the snapshot has it too.
    expect((await readStoredStudy(data.dir, auth.studyId))!.title).toBe('Alleen in het journaal');
    await sendOk(facilitator, 'study:rename', { title: 'Weer op schijf' });
    expect(JSON.parse(await readFile(files.snapshot, 'utf8')).title).toBe('Weer op schijf');
  });
});
