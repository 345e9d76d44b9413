import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyArchive } from '../../../shared/schemas/archive.ts';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import { connectClient, facilitatorWithSession, joinAs, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';

let source: TestServer;
let facilitator: Awaited<ReturnType<typeof facilitatorWithSession>>;
const sockets: ClientSocket[] = [];
const folders: { remove: () => Promise<void> }[] = [];

/** A study with a session that has cards, votes, a quote, a finding and a follow-up card. */
beforeAll(async () => {
  const folder = await tempDataDir();
  folders.push(folder);
  source = await startServer({ dataDir: folder.dir });
  facilitator = await facilitatorWithSession(source.url, { title: 'Werksessie Wlz', domains: ['Wlz'] });
  const { socket, session, snapshot } = facilitator;
  const ann = await joinAs(source.url, session.joinCode, 'Ann Jansen');
  sockets.push(socket, ann.socket);
  await sendOk(socket, 'session:phase', { sessionId: session.id, phase: 'collecting' });
  const card = uid();
  await sendOk(ann.socket, 'card:add', { sessionId: session.id, id: card, columnId: snapshot.session.columns[1]!.id, text: 'De tarieven dekken de kostprijs niet' });
  await sendOk(socket, 'session:phase', { sessionId: session.id, phase: 'voting' });
  await sendOk(ann.socket, 'vote:cast', { sessionId: session.id, id: uid(), cardId: card });
  await sendOk(socket, 'session:phase', { sessionId: session.id, phase: 'synthesis' });
  await sendOk(socket, 'synthesis:quote', { sessionId: session.id, cardId: card, quote: true });
  await sendOk(socket, 'synthesis:finding', { sessionId: session.id, themeId: 'tarieven', text: 'Tarieven volgen de kostprijs niet.' });
});

afterAll(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await source?.close();
  for (const f of folders) await f.remove();
});

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

async function exportStudy(server: TestServer, studyId: string, key: string): Promise<StudyArchive> {
  const response = await fetch(`${server.url}/api/studies/${studyId}/export`, { headers: auth(key) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.werksessie\.json"$/);
  return (await response.json()) as StudyArchive;
}

const importInto = (server: TestServer, body: string) =>
  fetch(`${server.url}/api/studies/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

async function emptyServer(): Promise<TestServer & { folder: string }> {
  const folder = await tempDataDir();
  folders.push(folder);
  return { ...(await startServer({ dataDir: folder.dir })), folder: folder.dir };
}

describe('study export and import', () => {
  it('export, import on another server, export again gives the same study, and the same key opens it', async () => {
    const first = await exportStudy(source, facilitator.studyId, facilitator.key);
    expect(first.sessions).toHaveLength(1);
    expect(first.sessions[0]!.synthesis.findings.tarieven).toBe('Tarieven volgen de kostprijs niet.');

    const target = await emptyServer();
    let last: StudyArchive;
    try {
      const response = await importInto(target, JSON.stringify(first));
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ studyId: facilitator.studyId, sessions: 1, newJoinCodes: 0 });
      const again = await exportStudy(target, facilitator.studyId, facilitator.key);
      expect({ ...again, exportedAt: 0 }).toEqual({ ...first, exportedAt: 0 });

      // The same facilitator key opens it there, and its participants can join with the same code.
      const socket = await connectClient(target.url, { studyId: facilitator.studyId, key: facilitator.key });
      sockets.push(socket);
      const view = await sendOk(socket, 'study:open', {});
      expect(view.sessions.map((s) => s.id)).toEqual([facilitator.session.id]);
      const bob = await joinAs(target.url, facilitator.session.joinCode, 'Bob');
      sockets.push(bob.socket);
      expect(bob.sessionId).toBe(facilitator.session.id);
      last = await exportStudy(target, facilitator.studyId, facilitator.key);
    } finally {
      await target.close();
    }

    // Stored for real: a restarted server still has it, with what happened since the import.
    const restarted = await startServer({ dataDir: target.folder });
    try {
      const stored = await exportStudy(restarted, facilitator.studyId, facilitator.key);
      expect({ ...stored, exportedAt: 0 }).toEqual({ ...last, exportedAt: 0 });
      expect(Object.values(stored.sessions[0]!.participants).map((p) => p.name).sort()).toEqual(['Ann Jansen', 'Bob']);
    } finally {
      await restarted.close();
    }
  });

  it('refuses a study that is already on this server, changing nothing', async () => {
    const archive = await exportStudy(source, facilitator.studyId, facilitator.key);
    const before = JSON.stringify(archive);
    const response = await importInto(source, JSON.stringify(archive));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'conflict', message: expect.stringMatching(/already on this server/) });
    expect(JSON.stringify({ ...(await exportStudy(source, facilitator.studyId, facilitator.key)), exportedAt: archive.exportedAt })).toBe(before);
  });

  it('gives a session whose join code is taken here a new one', async () => {
    const archive = await exportStudy(source, facilitator.studyId, facilitator.key);
    const target = await emptyServer();
    try {
      const local = await facilitatorWithSession(target.url);
      sockets.push(local.socket);
      const clash = { ...archive, sessions: archive.sessions.map((s) => ({ ...s, joinCode: local.session.joinCode })) };
      const response = await importInto(target, JSON.stringify(clash));
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ newJoinCodes: 1 });
      const imported = target.repo.sessions.get(archive.sessions[0]!.id)!.data;
      expect(imported.joinCode).not.toBe(local.session.joinCode);
      const joined = await joinAs(target.url, imported.joinCode, 'Cas');
      sockets.push(joined.socket);
      expect(joined.sessionId).toBe(imported.id);
    } finally {
      await target.close();
    }
  });

  it.each<[string, (a: StudyArchive) => string]>([
    ['invalid JSON', () => '{"format": "werksessie-study",'],
    ['a JSON array', () => '[]'],
    ['another format', (a) => JSON.stringify({ ...a, format: 'trello-board' })],
    ['a later version', (a) => JSON.stringify({ ...a, version: 2 })],
    ['no sessions list', (a) => JSON.stringify({ ...a, sessions: undefined })],
    ['a session of another study', (a) => JSON.stringify({ ...a, sessions: a.sessions.map((s) => ({ ...s, studyId: 'another-study-1' })) })],
    ['a session listed but missing', (a) => JSON.stringify({ ...a, study: { ...a.study, sessionIds: [...a.study.sessionIds, 'missing-session'] } })],
    ['a session twice', (a) => JSON.stringify({ ...a, sessions: [...a.sessions, ...a.sessions] })],
    ['a path in an id', (a) => JSON.stringify({ ...a, study: { ...a.study, id: '../../etc/passwd' } })],
    ['a __proto__ key in a record', (a) => JSON.stringify(a).replace('"cards":{', '"cards":{"__proto__":{"polluted":true},')],
    ['a card text of 100,000 characters', (a) => JSON.stringify({ ...a, sessions: a.sessions.map((s) => ({ ...s, cards: Object.fromEntries(Object.entries(s.cards).map(([id, c]) => [id, { ...c, text: 'x'.repeat(100_000) }])) })) })],
    ['a key hash that is not one', (a) => JSON.stringify({ ...a, study: { ...a.study, keyHash: 'x' } })],
    ['a vote count that is not a number', (a) => JSON.stringify({ ...a, sessions: a.sessions.map((s) => ({ ...s, cards: Object.fromEntries(Object.entries(s.cards).map(([id, c]) => [id, { ...c, handVotes: '9' }])) })) })],
  ])('refuses %s with a clear error, changing nothing', async (_name, make) => {
    const archive = await exportStudy(source, facilitator.studyId, facilitator.key);
    const target = await emptyServer();
    try {
      const fresh = { ...archive, study: { ...archive.study, id: 'fresh-study-1', sessionIds: archive.study.sessionIds.map((id) => `${id}-x`) }, sessions: archive.sessions.map((s) => ({ ...s, id: `${s.id}-x`, studyId: 'fresh-study-1' })) };
      const response = await importInto(target, make(fresh));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { message: string };
      expect(body.message).toEqual(expect.any(String));
      expect(body.message.length).toBeGreaterThan(10);
      expect(target.repo.studies.size).toBe(0);
      expect(target.repo.sessions.size).toBe(0);
      expect(await readdir(target.folder)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // The server is still up.
      expect((await fetch(`${target.url}/api/health`)).status).toBe(200);
    } finally {
      await target.close();
    }
  });

  it('refuses a file over 20 MB', async () => {
    const target = await emptyServer();
    try {
      const response = await importInto(target, JSON.stringify({ format: 'werksessie-study', padding: 'x'.repeat(21 * 1024 * 1024) }));
      expect(response.status).toBe(413);
      expect(target.repo.studies.size).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('needs the facilitator key for the export and the report', async () => {
    for (const path of ['export', 'report']) {
      const url = `${source.url}/api/studies/${facilitator.studyId}/${path}`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: auth('not-the-key-at-all') })).status).toBe(401);
      expect((await fetch(`${source.url}/api/studies/unknown-study/${path}`, { headers: auth(facilitator.key) })).status).toBe(401);
    }
  });
});

describe('GET /api/studies/:id/report', () => {
  it('gives the report of the study or of one session, in Dutch or English', async () => {
    const url = `${source.url}/api/studies/${facilitator.studyId}/report`;
    const report = (await (await fetch(url, { headers: auth(facilitator.key) })).json()) as ReportModel;
    expect(report.scope).toEqual({ kind: 'study' });
    expect(report.domains.map((d) => d.domain)).toEqual(['Wlz']);
    expect(report.domains[0]!.quotes).toEqual([{ text: 'De tarieven dekken de kostprijs niet', attribution: 'deelnemer, Wlz' }]);
    expect(JSON.stringify(report)).not.toContain('Ann Jansen');
    const one = (await (await fetch(`${url}?session=${facilitator.session.id}&lang=en`, { headers: auth(facilitator.key) })).json()) as ReportModel;
    expect(one).toMatchObject({ language: 'en', scope: { kind: 'session', sessionId: facilitator.session.id } });
    for (const query of ['?session=unknown-session', '?lang=fr']) {
      const bad = await fetch(`${url}${query}`, { headers: auth(facilitator.key) });
      expect(bad.status).toBe(400);
    }
  });
});
