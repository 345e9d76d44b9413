// Names every JavaScript object already has ("__proto__", "constructor", "toString") as ordinary
// user text: domains, theme names, regions, poll options. Plain records keyed by such text used to
// hand back Object.prototype or Object itself: the study matrix and every report failed, and the
// counts (and echarts' text cache) were written onto Object.prototype, polluting the process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../shared/domain/report/types.ts';
import { connectClient, facilitatorWithSession, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from './helpers.ts';

const NAMES = ['__proto__', 'constructor', 'toString'] as const;
const members = () => [Object.prototype, Object, Array.prototype].map((o) => Object.getOwnPropertyNames(o).sort().join());

let server: TestServer;
let f: Awaited<ReturnType<typeof facilitatorWithSession>>;
const sockets: ClientSocket[] = [];
let pristine: string[];

beforeAll(async () => {
  pristine = members();
  server = await startServer();
  f = await facilitatorWithSession(server.url, { domains: [...NAMES] });
  sockets.push(f.socket);
  const sessionId = f.session.id;
  const columnId = f.snapshot.session.columns[0]!.id;
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'collecting' });
  const pollId = uid();
  await sendOk(f.socket, 'poll:create', { sessionId, id: pollId, question: 'Welke?', kind: 'single', options: [...NAMES] });
  await sendOk(f.socket, 'poll:open', { sessionId, pollId });
  for (const [i, name] of NAMES.entries()) {
    const socket = await connectClient(server.url);
    sockets.push(socket);
    await sendOk(socket, 'session:join', { code: f.session.joinCode, profile: { name: `Deelnemer ${i}`, region: name, consent: false } });
    await sendOk(socket, 'card:add', { sessionId, id: uid(), columnId, domain: name, text: `De tarieven in ${name} zijn te laag` });
    await sendOk(socket, 'poll:answer', { sessionId, pollId, answer: { optionIds: [`option-${i + 1}`] } });
  }
  await sendOk(f.socket, 'poll:close', { sessionId, pollId });
  for (const phase of ['voting', 'synthesis'] as const) await sendOk(f.socket, 'session:phase', { sessionId, phase });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}/api/studies/${f.studyId}/${path}`, { headers: { authorization: `Bearer ${f.key}` } });

describe('built-in property names as user text', () => {
  it('make ordinary themes, with ids of their own, and findings that stick', async () => {
    const sessionId = f.session.id;
    for (const name of ['Constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const view = await sendOk(f.socket, 'theme:add', { sessionId, name });
      const theme = view.themes.find((t) => t.label === name);
      expect(theme, name).toBeDefined();
      expect(Object.prototype).not.toHaveProperty(theme!.id);
      await sendOk(f.socket, 'synthesis:finding', { sessionId, themeId: theme!.id, text: `Bevinding over ${name}` });
    }
    const view = await sendOk(f.socket, 'synthesis:open', { sessionId });
    for (const theme of view.themes) expect(theme.finding === null || typeof theme.finding === 'string', theme.id).toBe(true);
    // A theme id that names a built-in is no theme id.
    for (const themeId of ['constructor', '__proto__']) {
      expect(await send(f.socket, 'synthesis:finding', { sessionId, themeId, text: 'x' })).toMatchObject({ ok: false, error: 'invalid_payload' });
    }
    expect(members()).toEqual(pristine);
  });

  it('are domains like any other in the study matrix', async () => {
    const matrix = await sendOk(f.socket, 'study:matrix', {});
    expect([...matrix.domains].sort()).toEqual([...NAMES].sort());
    const cards = Object.values(matrix.cells).flatMap((row) => NAMES.filter((d) => Object.hasOwn(row, d)).map((d) => row[d]!.cards));
    expect(cards.reduce((a, b) => a + b, 0)).toBe(3);
    expect(members()).toEqual(pristine);
    expect(({} as Record<string, unknown>).cards).toBeUndefined();
  });

  it('give a report in every format, counting the regions as regions', async () => {
    const report = (await (await get('report')).json()) as ReportModel;
    const regions = report.appendix.sessions[0]!.regions;
    expect(NAMES.map((name) => [name, Object.hasOwn(regions, name) && regions[name]])).toEqual(NAMES.map((name) => [name, 1]));
    for (const [path, type] of [['report.md', /markdown/], ['cards.csv', /csv/], ['report.docx', /wordprocessingml/]] as const) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toMatch(type);
    }
    expect(await (await get('report.md')).text()).toContain('constructor');
    // echarts drew the poll options and domains into the DOCX charts without touching Object.prototype.
    expect(members()).toEqual(pristine);
    expect(({} as Record<string, unknown>).prev).toBeUndefined();
  });
});
