import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createStudy, send, sendOk, startServer, tempDataDir, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll } from '../session-helpers.ts';

/**
 * A data folder written by a real server, then damaged by hand: garbage, valid JSON of the
 * wrong shape, a file holding another session, a huge string, and a broken study.
 */
let data: { dir: string; remove: () => Promise<void> };
let server: TestServer;
const opened: ClientSocket[] = [];
let auth: { studyId: string; key: string };
let otherStudy: { studyId: string; key: string };
const NAMES = ['garbage', 'hostile', 'misnamed', 'huge', 'healthy', 'truncated'] as const;
const ids = {} as Record<(typeof NAMES)[number], string>;
const file = (kind: 'session' | 'study', id: string) => join(data.dir, `${kind}-${id}.json`);

beforeAll(async () => {
  data = await tempDataDir();
  const first = await startServer({ dataDir: data.dir });
  auth = await createStudy(first.url, 'Studie met schade');
  otherStudy = await createStudy(first.url, 'Kapotte studie');
  const facilitator = await connectClient(first.url, auth);
  for (const name of NAMES) {
    const summary = await sendOk(facilitator, 'session:create', { title: `Sessie ${name}`, date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'] });
    ids[name] = summary.id;
  }
  await sendOk(facilitator, 'session:open', { sessionId: ids.healthy, view: 'console' });
  await sendOk(facilitator, 'session:phase', { sessionId: ids.healthy, phase: 'collecting' });
  facilitator.disconnect();
  await first.close();

  const healthy = JSON.parse(await readFile(file('session', ids.healthy), 'utf8'));
  await writeFile(file('session', ids.garbage), '{"schemaVersion": 1, "id": \u0000 garbage');
  const truncated = await readFile(file('session', ids.truncated), 'utf8');
  await writeFile(file('session', ids.truncated), truncated.slice(0, truncated.length / 2));
  // Valid JSON, hostile content: wrong types and prototype keys.
  await writeFile(
    file('session', ids.hostile),
    `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${JSON.stringify({
      ...healthy,
      id: ids.hostile,
      phase: 'everything',
      locked: 'yes',
      participants: { __proto__: { polluted: true }, x: 1 },
      cards: [],
    }).slice(1)}`,
  );
  // A file that holds another session than its name says.
  await writeFile(file('session', ids.misnamed), JSON.stringify(healthy));
  await writeFile(file('session', ids.huge), JSON.stringify({ ...healthy, id: ids.huge, title: 'x'.repeat(5_000_000) }));
  await writeFile(file('study', otherStudy.studyId), '[1, 2, 3]');
  // Files that are not the store's own are left alone.
  await writeFile(join(data.dir, 'notes.txt'), 'not a document');
  await writeFile(join(data.dir, 'session-short.json'), '{}');
  await writeFile(join(data.dir, `session-${ids.healthy}.json.bak`), 'garbage');

  server = await startServer({ dataDir: data.dir });
});

afterAll(async () => {
  closeAll(...opened.splice(0));
  await server?.close();
  await data.remove();
});

async function facilitator() {
  const socket = await connectClient(server.url, auth);
  opened.push(socket);
  return socket;
}

describe('a data folder with broken files', () => {
  it('still starts, and names every broken file with its reason', () => {
    const broken = Object.fromEntries(server.broken.map((b) => [b.id, b]));
    const expected: [string, string, RegExp][] = [
      [ids.garbage, file('session', ids.garbage), /not valid JSON/],
      [ids.truncated, file('session', ids.truncated), /not valid JSON/],
      [ids.hostile, file('session', ids.hostile), /does not match the session format/],
      [ids.misnamed, file('session', ids.misnamed), new RegExp(`holds id ${ids.healthy}`)],
      [ids.huge, file('session', ids.huge), /title/],
      [otherStudy.studyId, file('study', otherStudy.studyId), /does not match the study format/],
    ];
    for (const [id, path, reason] of expected) {
      expect(broken[id], id).toMatchObject({ file: path });
      expect(broken[id]!.message).toContain(path);
      expect(broken[id]!.message).toMatch(reason);
      expect(server.repo.broken.get(id)?.message).toBe(broken[id]!.message);
    }
    expect(server.broken).toHaveLength(expected.length);
    // The huge string is not copied into the message.
    expect(broken[ids.huge]!.message.length).toBeLessThan(1000);
  });

  it('is not a way to pollute prototypes', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps serving the valid study and its healthy session', async () => {
    const socket = await facilitator();
    const study = await sendOk(socket, 'study:open', {});
    expect(study.sessions.map((s) => s.id)).toEqual([ids.healthy]);
    expect(study.unavailable.map((u) => u.id).sort()).toEqual([ids.garbage, ids.hostile, ids.misnamed, ids.huge, ids.truncated].sort());
    for (const u of study.unavailable) expect(u.message).toContain(`session-${u.id}.json`);
    const snapshot = await sendOk(socket, 'session:open', { sessionId: ids.healthy, view: 'console' });
    expect(snapshot.session.phase).toBe('collecting');
    expect(await send(socket, 'card:add', { sessionId: ids.healthy, id: 'card-after-damage', columnId: snapshot.session.columns[0]!.id, text: 'Werkt nog' })).toMatchObject({
      ok: true,
    });
    const participant = await connectClient(server.url);
    opened.push(participant);
    expect(await send(participant, 'session:join', { code: snapshot.session.joinCode, profile: { name: 'Ann', consent: false } })).toMatchObject({ ok: true });
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true, brokenFiles: 6, recoveredFiles: 0 });
  });

  it('answers corrupt_file naming the file when a broken session is opened', async () => {
    const socket = await facilitator();
    for (const name of ['garbage', 'hostile', 'misnamed', 'huge', 'truncated'] as const) {
      const ack = await send(socket, 'session:open', { sessionId: ids[name], view: 'console' });
      expect(ack, name).toMatchObject({ ok: false, error: 'corrupt_file' });
      expect(!ack.ok && ack.message, name).toContain(file('session', ids[name]));
    }
    // The broken session is not opened, so nothing can be done to it.
    expect(await send(socket, 'session:phase', { sessionId: ids.garbage, phase: 'collecting' })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('refuses the facilitator of the broken study without crashing', async () => {
    await expect(connectClient(server.url, otherStudy)).rejects.toThrow('unauthorised');
  });

  it('leaves the broken files as they were', async () => {
    expect(await readFile(file('session', ids.garbage), 'utf8')).toBe('{"schemaVersion": 1, "id": \u0000 garbage');
    expect(await readFile(file('study', otherStudy.studyId), 'utf8')).toBe('[1, 2, 3]');
  });
});
