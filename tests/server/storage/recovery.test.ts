import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, editCard } from '../../../shared/domain/cards.ts';
import type { Session } from '../../../shared/schemas/session.ts';
import { documentFiles } from '../../../server/storage/paths.ts';
import { createFileRepository, readStoredSession } from '../../../server/storage/repository.ts';
import { T0, columnId, makeSession, participant, unwrap, withParticipant, ANN } from '../../shared/fixtures.ts';
import { connectClient, createStudy, send, sendOk, startServer, tempDataDir, uid, type TestServer } from '../helpers.ts';
import { closeAll, stored } from '../session-helpers.ts';
import { installFsFaults, type FsFaults } from './disk-faults.ts';

/**
 * A snapshot that is damaged or gone is read from its previous version plus the journals since;
 * the server starts with every acknowledged change and reports what it recovered.
 */
let root: { dir: string; remove: () => Promise<void> };
/** The data folder as a crash would leave it: every change acknowledged, no clean shutdown. */
let image: string;
let auth: { studyId: string; key: string };
let sessionId: string;
let otherId: string;
let expected: Session;
let cards: { id: string; text: string }[];

beforeAll(async () => {
  root = await tempDataDir();
  const dataDir = join(root.dir, 'data');
  let server = await startServer({ dataDir });
  auth = await createStudy(server.url, 'Herstel');
  let facilitator = await connectClient(server.url, auth);
  const summary = await sendOk(facilitator, 'session:create', { title: 'Sessie met schade', date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'] });
  sessionId = summary.id;
  otherId = (await sendOk(facilitator, 'session:create', { title: 'Buurman', date: '2025-11-21', mode: 'digitaal', domains: ['Wmo'] })).id;
  const opened = await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
  await sendOk(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
  const column = opened.session.columns[0]!.id;
  cards = Array.from({ length: 5 }, (_, i) => ({ id: uid(), text: `Kaart ${i}` }));
  for (const card of cards.slice(0, 3)) await sendOk(facilitator, 'card:add', { sessionId, id: card.id, columnId: column, text: card.text });
  await sendOk(facilitator, 'study:rename', { title: 'Herstel, tweede titel' });
  closeAll(facilitator);
  // A clean stop: the snapshot is rewritten, the one before becomes the previous version.
  await server.close();

  server = await startServer({ dataDir });
  facilitator = await connectClient(server.url, auth);
  await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
  for (const card of cards.slice(3)) await sendOk(facilitator, 'card:add', { sessionId, id: card.id, columnId: column, text: card.text });
  cards[0]!.text = 'Kaart 0, aangepast';
  await sendOk(facilitator, 'card:edit', { sessionId, id: cards[0]!.id, text: cards[0]!.text });
  await sendOk(facilitator, 'study:rename', { title: 'Herstel, definitief' });
  expected = stored(server, sessionId);
  // Every change above is acknowledged, so durable: a copy now is what a power cut would leave.
  image = join(root.dir, 'image');
  await cp(dataDir, image, { recursive: true });
  closeAll(facilitator);
  await server.close();
});

afterAll(async () => {
  await root.remove();
});

let copies = 0;
/** A fresh copy of the crash image, damaged by `damage`, and a server started on it. */
async function damaged(damage: (dir: string) => Promise<void>): Promise<{ dir: string; server: TestServer }> {
  const dir = join(root.dir, `copy-${++copies}`);
  await cp(image, dir, { recursive: true });
  await damage(dir);
  return { dir, server: await startServer({ dataDir: dir }) };
}

const files = (dir: string, kind: 'session' | 'study', id: string) => documentFiles(dir, kind, id);

describe('a session whose snapshot is damaged, with a previous version beside it', () => {
  it('holds what the test needs: a previous snapshot and journals on both sides of it', async () => {
    const f = files(image, 'session', sessionId);
    for (const file of [f.snapshot, f.journal, f.previous, f.previousJournal]) expect((await stat(file)).size, file).toBeGreaterThan(0);
    // The snapshot alone lacks the last changes: they are only in the journal.
    expect(Object.keys(JSON.parse(await readFile(f.snapshot, 'utf8')).cards)).toHaveLength(3);
  });

  it.each<[string, (file: string) => Promise<void>]>([
    ['garbage', (file) => writeFile(file, '\u0000\u0001 niet eens JSON')],
    ['truncated JSON', async (file) => writeFile(file, (await readFile(file, 'utf8')).slice(0, 200))],
    ['valid JSON that fails validation', async (file) => writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), phase: 'everything', cards: [] }))],
    ['another session in the file', async (file) => writeFile(file, await readFile(file.replace(sessionId, otherId), 'utf8'))],
    ['an empty file', (file) => writeFile(file, '')],
    ['the file gone', (file) => rm(file)],
  ])('%s: the server starts with the previous version plus both journals, and serves every acknowledged change', async (_name, damage) => {
    const { dir, server } = await damaged((d) => damage(files(d, 'session', sessionId).snapshot));
    const f = files(dir, 'session', sessionId);
    try {
      expect(server.broken).toEqual([]);
      expect(server.repo.recovered.get(sessionId)).toMatchObject({ kind: 'session', id: sessionId, file: f.snapshot, from: f.previous, reason: expect.any(String) });
      expect(server.repo.recovered.size).toBe(1);
      expect(stored(server, sessionId)).toEqual(expected);

      const facilitator = await connectClient(server.url, auth);
      const snapshot = await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
      expect(snapshot.cards.map((c) => [c.id, c.text]).sort()).toEqual(cards.map((c) => [c.id, c.text]).sort());
      expect((await sendOk(facilitator, 'study:open', {})).unavailable).toEqual([]);
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true, brokenFiles: 0, recoveredFiles: 1 });
      // It keeps working, and the new change is stored.
      const late = uid();
      await sendOk(facilitator, 'card:add', { sessionId, id: late, columnId: snapshot.session.columns[0]!.id, text: 'Na het herstel' });
      closeAll(facilitator);

      // A good snapshot was written at once; the damaged file is kept aside for a look.
      expect(JSON.parse(await readFile(f.snapshot, 'utf8')).cards).toMatchObject(expected.cards);
      if (_name !== 'the file gone') expect((await stat(f.corrupt)).isFile()).toBe(true);
      expect((await readStoredSession(dir, sessionId))!.cards[late]).toMatchObject({ text: 'Na het herstel' });
    } finally {
      await server.close();
    }
    // Repaired: the next start has nothing to recover.
    const again = await startServer({ dataDir: dir });
    try {
      expect(again.repo.recovered.size).toBe(0);
      expect(again.broken).toEqual([]);
      expect(Object.keys(stored(again, sessionId).cards)).toHaveLength(cards.length + 1);
    } finally {
      await again.close();
    }
  });

  it('a damaged previous version is not needed while the snapshot is good', async () => {
    const { server } = await damaged((d) => writeFile(files(d, 'session', sessionId).previous, 'garbage'));
    try {
      expect(server.broken).toEqual([]);
      expect(server.repo.recovered.size).toBe(0);
      expect(stored(server, sessionId)).toEqual(expected);
    } finally {
      await server.close();
    }
  });

  it('both damaged: reported as broken by name, as before, and the rest keeps working', async () => {
    const { dir, server } = await damaged(async (d) => {
      const f = files(d, 'session', sessionId);
      await writeFile(f.snapshot, '{"kapot": ');
      await writeFile(f.previous, '[1, 2, 3]');
    });
    const f = files(dir, 'session', sessionId);
    try {
      expect(server.repo.recovered.size).toBe(0);
      expect(server.broken).toHaveLength(1);
      expect(server.broken[0]).toMatchObject({ kind: 'session', id: sessionId, file: f.snapshot });
      expect(server.broken[0]!.message).toContain(f.snapshot);
      expect(server.broken[0]!.message).toMatch(/not valid JSON.*previous version cannot be used either.*\.prev.*does not match the session format/);
      const facilitator = await connectClient(server.url, auth);
      const ack = await send(facilitator, 'session:open', { sessionId, view: 'console' });
      expect(ack).toMatchObject({ ok: false, error: 'corrupt_file' });
      expect(!ack.ok && ack.message).toContain(f.snapshot);
      expect((await sendOk(facilitator, 'study:open', {})).unavailable.map((u) => u.id)).toEqual([sessionId]);
      expect(await send(facilitator, 'session:open', { sessionId: otherId, view: 'console' })).toMatchObject({ ok: true });
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true, brokenFiles: 1, recoveredFiles: 0 });
      closeAll(facilitator);
    } finally {
      await server.close();
    }
    // Nothing was touched: both files are there to be looked at.
    expect(await readFile(f.snapshot, 'utf8')).toBe('{"kapot": ');
    expect(await readFile(f.previous, 'utf8')).toBe('[1, 2, 3]');
  });
});

describe('a study whose snapshot is damaged', () => {
  it('is loaded from its previous version and its journal: the last rename and the key survive', async () => {
    const { dir, server } = await damaged((d) => writeFile(files(d, 'study', auth.studyId).snapshot, '{"schemaVersion": 1, "id": '));
    try {
      expect(server.broken).toEqual([]);
      expect(server.repo.recovered.get(auth.studyId)).toMatchObject({ kind: 'study', file: files(dir, 'study', auth.studyId).snapshot });
      const facilitator = await connectClient(server.url, auth);
      const study = await sendOk(facilitator, 'study:open', {});
      expect(study.title).toBe('Herstel, definitief');
      expect(study.sessions.map((s) => s.id)).toEqual([sessionId, otherId]);
      closeAll(facilitator);
      expect(JSON.parse(await readFile(files(dir, 'study', auth.studyId).snapshot, 'utf8')).title).toBe('Herstel, definitief');
    } finally {
      await server.close();
    }
  });
});

/** A session after a few changes, every state kept. */
function history(count: number): Session[] {
  let s = withParticipant(makeSession({ phase: 'collecting' }), ANN, 'Ann');
  const states = [s];
  for (let i = 0; i < count; i++) {
    const id = `card-${String(i).padStart(6, '0')}`;
    s = unwrap(addCard(s, participant(ANN), { sessionId: s.id, id, columnId: columnId(s), domain: null, text: `Kaart ${i}`, anonymous: false }, T0 + i)).session;
    if (i > 0) s = unwrap(editCard(s, participant(ANN), { sessionId: s.id, id: `card-${String(i - 1).padStart(6, '0')}`, text: `Aangepast ${i}` }, T0 + i)).session;
    states.push(s);
  }
  return states;
}

describe('the order of writes when a snapshot is rewritten', () => {
  let faults: FsFaults;
  beforeAll(async () => {
    faults = await installFsFaults();
  });
  afterAll(() => faults.uninstall());

  /**
   * A session with a previous version, two changes in its journal, and then a rewrite (on close)
   * whose n-th change to the disk fails: what a crash at that moment leaves, give or take what
   * was not yet synced. `failed` is false once n is past the last change.
   */
  async function rewriteFailingAt(n: number, states: Session[], label: string): Promise<{ dir: string; failed: boolean }> {
    const dir = join(root.dir, `order-${label}-${n}`);
    const first = await createFileRepository(dir);
    const doc = await first.createSession(states[0]!);
    for (const state of states.slice(1, 3)) await doc.set(state);
    await first.close();

    const second = await createFileRepository(dir);
    await second.load();
    const reopened = second.sessions.get(states[0]!.id)!;
    for (const state of states.slice(3, 5)) await reopened.set(state);
    faults.fail(join(dir, `session-${states[0]!.id}.`), 'EIO', n);
    const failed = await reopened.close().then(
      () => false,
      () => true,
    );
    faults.heal();
    return { dir, failed };
  }

  it('loses no acknowledged change when interrupted at any step, even when the snapshot is then damaged', async () => {
    const states = history(8);
    const id = states[0]!.id;
    let steps = 0;
    for (let n = 0; ; n++) {
      const { dir, failed } = await rewriteFailingAt(n, states, 'continued');
      if (!failed) {
        steps = n;
        break;
      }
      expect(await readStoredSession(dir, id), `snapshot + journal after failing at step ${n}: ${faults.calls.at(-1)}`).toEqual(states[4]);

      // The server carries on from there: the next changes and rewrite still keep everything.
      const repo = await createFileRepository(dir);
      expect(await repo.load()).toEqual([]);
      expect(repo.recovered.size).toBe(0);
      const doc = repo.sessions.get(id)!;
      expect(doc.data).toEqual(states[4]);
      await doc.set(states[5]!);
      await doc.set(states[6]!);
      const image = `${dir}-image`;
      await cp(dir, image, { recursive: true });
      await repo.close();

      // In the middle (journal only) and after the next rewrite, a damaged snapshot loses nothing.
      for (const folder of [image, dir]) {
        await writeFile(documentFiles(folder, 'session', id).snapshot, 'garbage');
        expect(await readStoredSession(folder, id), `previous version after failing at step ${n} (${folder})`).toEqual(states[6]);
      }
      // And right at the failed step, a damaged snapshot: recovered from the previous version.
      const atFailure = await rewriteFailingAt(n, states, 'damaged');
      expect(atFailure.failed).toBe(true);
      await writeFile(documentFiles(atFailure.dir, 'session', id).snapshot, '{');
      expect(await readStoredSession(atFailure.dir, id), `previous version right after failing at step ${n}`).toEqual(states[4]);
    }
    // The copy to .prev, the new snapshot (temp file, write, rename), the journal rotated.
    expect(steps).toBeGreaterThanOrEqual(5);
    expect(faults.calls.join('\n')).toMatch(/^copyFile .*\.json\n[\s\S]*rename .*\.prev\.tmp\n[\s\S]*rename .*\.json\.\d+\n[\s\S]*rename .*\.journal$/);
  });
});
