// Ids that could become file names, sent where they could: URLs of the API and of the client
// files, the study file import, socket commands and the handshake. Each is refused (or simply
// not found), never answered with a file from elsewhere, and nothing is written outside the data
// folder.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../../server/app.ts';
import { StudyArchiveSchema, type StudyArchive } from '../../../shared/schemas/archive.ts';
import { connectClient, facilitatorWithSession, joinAs, sendOk, uid, type ClientSocket } from '../helpers.ts';
import { NO_LIMITS } from '../fuzz/scene.ts';
import { rawSend } from '../session-helpers.ts';

const SECRET = 'TOP-SECRET-outside-the-data-folder';
/** Ids that try to leave a folder, end a C string early, or name a member of every object. */
const HOSTILE = [
  '../x',
  '..%2fx',
  '..%2Fx',
  '%2e%2e%2fx',
  '%2e%2e%2f%2e%2e%2fsecret.txt',
  '..\\x',
  '..',
  '.',
  '/etc/passwd',
  '/tmp/werksessie-x',
  'C:\\Windows\\win.ini',
  'abcdefgh\u0000',
  'abcdefgh%00',
  '\u0000',
  'abcdefgh/../../../secret.txt',
  '__proto__',
  'constructor',
  'ａｂｃｄｅｆｇｈ',
  'x'.repeat(300),
];

let parent: string;
let dataDir: string;
let built: BuiltApp;
let url: string;
let owner: Awaited<ReturnType<typeof facilitatorWithSession>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'werksessie-traversal-'));
  dataDir = join(parent, 'data');
  await mkdir(join(parent, 'client', 'assets'), { recursive: true });
  await writeFile(join(parent, 'client', 'index.html'), '<!doctype html><title>Werksessie</title>');
  await writeFile(join(parent, 'client', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(parent, 'secret.txt'), SECRET);
  built = await buildApp({ dataDir, clientDir: join(parent, 'client'), limits: NO_LIMITS });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
  owner = await facilitatorWithSession(url);
  sockets.push(owner.socket);
  const sessionId = owner.session.id;
  await sendOk(owner.socket, 'session:phase', { sessionId, phase: 'collecting' });
  await sendOk(owner.socket, 'card:add', { sessionId, id: uid(), columnId: owner.snapshot.session.columns[0]!.id, text: 'Een kaart' });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await built?.app.close();
  await rm(parent, { recursive: true, force: true });
});

/** A request with the path exactly as given: fetch would tidy `..` away before sending. */
function rawRequest(path: string, options: { method?: string; key?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = options.key ? { authorization: `Bearer ${options.key}` } : {};
    const req = request(`${url}${path}`, { method: options.method ?? 'GET', headers, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The id as it may appear in a URL: escaped, and raw where an HTTP client can send it at all. */
const inUrl = (id: string) => [...new Set([encodeURIComponent(id), ...(/^[\x21-\x7e]+$/.test(id) ? [id] : [])])];

/** Nothing new beside the data folder, and in it only the files (snapshots, journals, backups) of the one study and session. */
async function dataFolderHasOnlyItsOwnFiles(): Promise<void> {
  await built.repo.flush();
  expect((await readdir(parent)).sort()).toEqual(['client', 'data', 'secret.txt']);
  const owners = [`study-${owner.studyId}.`, `session-${owner.session.id}.`];
  const names = await readdir(dataDir);
  expect(names.filter((n) => !owners.some((prefix) => n.startsWith(prefix)))).toEqual([]);
}

describe('hostile ids in API URLs', () => {
  it('are not found or refused, never a file, never a server error', async () => {
    for (const id of HOSTILE) {
      for (const segment of inUrl(id)) {
        const asStudy = ['report', 'report.md', 'cards.csv', 'report.docx', 'export', 'surveys', 'surveys/abcdefgh/figures'].map((p) => `/api/studies/${segment}/${p}`);
        const inStudy = [
          `/api/studies/${owner.studyId}/surveys/${segment}/figures`,
          `/api/studies/${owner.studyId}/report?session=${segment}`,
          `/api/studies/${owner.studyId}/cards.csv?session=${segment}`,
        ];
        for (const path of [...asStudy, ...inStudy]) {
          const { status, body } = await rawRequest(path, { key: owner.key });
          // 414: fastify refuses an over-long id in the path before any route sees it.
          expect({ path, status: [400, 401, 404, 414].includes(status) }).toEqual({ path, status: true });
          expect(body).not.toContain(SECRET);
        }
        for (const [method, path] of [
          ['DELETE', `/api/studies/${owner.studyId}/surveys/${segment}`],
          ['POST', `/api/studies/${owner.studyId}/surveys/${segment}/restore`],
        ] as const) {
          const { status } = await rawRequest(path, { method, key: owner.key });
          expect({ method, path, status: [400, 404, 414].includes(status) }).toEqual({ method, path, status: true });
        }
      }
    }
    await dataFolderHasOnlyItsOwnFiles();
  });
});

describe('hostile paths to the client files', () => {
  it('serves the client folder itself', async () => {
    expect(await rawRequest('/assets/app.js')).toEqual({ status: 200, body: 'console.log(1)' });
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/.%2e/secret.txt',
    '/assets/../../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/..\\secret.txt',
    '/%00',
    '/assets/app.js%00.html',
    '/%c0%ae%c0%ae/secret.txt',
    '//etc/passwd',
  ])('%s serves nothing from outside the client folder', async (path) => {
    const { status, body } = await rawRequest(path);
    expect(status).toBeLessThan(500);
    expect(body).not.toContain(SECRET);
    expect(body).not.toMatch(/root:.*:0:0:/);
  });
});

describe('a study file with hostile ids', () => {
  it('is refused with a clear error, writing nothing', async () => {
    const exported = await fetch(`${url}/api/studies/${owner.studyId}/export`, { headers: { authorization: `Bearer ${owner.key}` } });
    const archive = (await exported.json()) as StudyArchive;
    // The same study under new ids, so only the hostile id stands in the way.
    const fresh = (studyId: string, sessionId: string): StudyArchive => ({
      ...archive,
      study: { ...archive.study, id: studyId, sessionIds: [sessionId] },
      sessions: archive.sessions.map((s) => ({ ...s, id: sessionId, studyId })),
    });
    // Under good ids the same file would do.
    expect(StudyArchiveSchema.safeParse(fresh('fresh-study-1', 'fresh-session-1')).success).toBe(true);

    for (const id of HOSTILE) {
      const other = fresh(uid(), uid());
      const card = { ...Object.values(archive.sessions[0]!.cards)[0]!, id };
      const variants: [string, StudyArchive][] = [
        ['study id', fresh(id, uid())],
        ['session id', fresh(uid(), id)],
        ['card id', { ...other, sessions: other.sessions.map((s) => ({ ...s, cards: { [id]: card } })) }],
      ];
      for (const [what, body] of variants) {
        const response = await fetch(`${url}/api/studies/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect({ what, id: id.slice(0, 20), status: response.status }).toEqual({ what, id: id.slice(0, 20), status: 400 });
        // Fastify's own JSON parser already refuses a "__proto__" key; the schema the rest.
        expect(((await response.json()) as { message: string }).message).toMatch(/Not a Werksessie study file|not valid JSON/);
      }
    }
    await dataFolderHasOnlyItsOwnFiles();
  });
});

describe('hostile ids over the socket', () => {
  it('are refused as invalid, for the facilitator, a participant and in the handshake', async () => {
    const ann = await joinAs(url, owner.session.joinCode, 'Ann');
    sockets.push(ann.socket);
    for (const id of HOSTILE) {
      const attempts: [ClientSocket, string, unknown][] = [
        [owner.socket, 'session:open', { sessionId: id, view: 'console' }],
        [owner.socket, 'session:update', { sessionId: id, title: 'x' }],
        [owner.socket, 'followup:list', { sessionId: id }],
        [ann.socket, 'session:resume', { sessionId: id, participantId: ann.participantId, token: ann.token }],
        [ann.socket, 'session:resume', { sessionId: owner.session.id, participantId: id, token: ann.token }],
        [ann.socket, 'card:add', { sessionId: id, id: uid(), columnId: owner.snapshot.session.columns[0]!.id, text: 'x' }],
      ];
      for (const [socket, event, payload] of attempts) {
        expect({ event, id: id.slice(0, 20), ack: await rawSend(socket, event, payload) }).toMatchObject({ event, id: id.slice(0, 20), ack: { ok: false, error: 'invalid_payload' } });
      }
      await expect(connectClient(url, { studyId: id, key: owner.key })).rejects.toThrow();
    }
    // The session still works for its own people.
    await sendOk(ann.socket, 'session:resume', { sessionId: owner.session.id, participantId: ann.participantId, token: ann.token });
    await dataFolderHasOnlyItsOwnFiles();
  });
});
