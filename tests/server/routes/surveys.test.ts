import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChoiceFigures } from '../../../shared/domain/figures.ts';
import type { SurveyFigures } from '../../../shared/domain/survey-figures.ts';
import type { StudyArchive } from '../../../shared/schemas/archive.ts';
import type { SurveyColumnMapping, SurveyPreview, SurveySummary } from '../../../shared/schemas/survey-import.ts';
import type { Survey } from '../../../shared/schemas/survey.ts';
import { documentPath } from '../../../server/storage/paths.ts';
import { createStudy, startServer, tempDataDir, type TestServer } from '../helpers.ts';

const fixture = (name: string) => readFile(new URL(`../../fixtures/surveys/${name}`, import.meta.url));
const folders: { remove: () => Promise<void> }[] = [];
const servers: TestServer[] = [];

async function serverWithStudy(dir?: string) {
  const folder = dir ? { dir } : await tempDataDir();
  if (!dir) folders.push(folder as { dir: string; remove: () => Promise<void> });
  const server = await startServer({ dataDir: folder.dir });
  servers.push(server);
  const study = await createStudy(server.url);
  return { server, ...study, dir: folder.dir, studyFile: () => readFile(documentPath(folder.dir, 'study', study.studyId)) };
}

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => {});
  for (const f of folders) await f.remove();
});

type Ctx = Awaited<ReturnType<typeof serverWithStudy>>;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const base = (ctx: Pick<Ctx, 'server' | 'studyId'>) => `${ctx.server.url}/api/studies/${ctx.studyId}/surveys`;

const preview = (ctx: Ctx, body: Uint8Array | string, type = 'text/csv', key = ctx.key) =>
  fetch(`${base(ctx)}/preview`, { method: 'POST', headers: { 'content-type': type, ...auth(key) }, body: typeof body === 'string' ? body : new Uint8Array(body) });

const importSurvey = (ctx: Ctx, body: object, key = ctx.key) =>
  fetch(base(ctx), { method: 'POST', headers: { 'content-type': 'application/json', ...auth(key) }, body: JSON.stringify(body) });

const getFigures = async (ctx: Pick<Ctx, 'server' | 'studyId' | 'key'>, surveyId: string, query = '') => {
  const response = await fetch(`${base(ctx)}/${surveyId}/figures${query}`, { headers: auth(ctx.key) });
  expect(response.status).toBe(200);
  return (await response.json()) as SurveyFigures;
};

async function previewOk(ctx: Ctx, name: string, type?: string): Promise<SurveyPreview> {
  const response = await preview(ctx, await fixture(name), type);
  expect(response.status).toBe(200);
  return (await response.json()) as SurveyPreview;
}

/** Imports the BOM fixture with the guessed mapping, one question linked to a theme, and the open "Toelichting" left out. */
async function importLedenpeiling(ctx: Ctx): Promise<Survey> {
  const { columns } = await previewOk(ctx, 'ledenpeiling-2025-bom.csv');
  const mapping = columns.map((c): SurveyColumnMapping =>
    c.name === 'Toelichting' ? { column: c.name, use: 'ignore' } : c.guess.use === 'question' && c.index === 4 ? { ...c.guess, label: 'Duidelijke procedure?', themeId: 'tarieven' } : c.guess,
  );
  const file = (await fixture('ledenpeiling-2025-bom.csv')).toString('base64');
  const response = await importSurvey(ctx, { title: 'Ledenpeiling 2025', fileName: 'ledenpeiling-2025-bom.csv', file, columns: mapping });
  expect(response.status).toBe(201);
  return (await response.json()) as Survey;
}

const choice = (f: SurveyFigures, index: number, cell?: number) => {
  const q = f.questions[index]!;
  return (cell === undefined ? q.overall : q.cells![cell]) as ChoiceFigures;
};

describe('survey import over HTTP', () => {
  let ctx: Ctx;
  let survey: Survey;
  beforeAll(async () => {
    ctx = await serverWithStudy();
  });

  it('previews a file: columns, samples, distinct answers and a guessed mapping, storing nothing', async () => {
    const before = await ctx.studyFile();
    const p = await previewOk(ctx, 'ledenpeiling-2025-bom.csv');
    expect([p.encoding, p.delimiter, p.rows]).toEqual(['utf-8', ';', 20]);
    expect(p.columns.map((c) => [c.name, c.guess.use, 'kind' in c.guess ? c.guess.kind : null])).toEqual([
      ['Respondent', 'ignore', null],
      ['Domein', 'attribute', null],
      ['Zorgkantoor', 'attribute', null],
      ['Omzetklasse', 'attribute', null],
      ['Is de inkoopprocedure duidelijk?', 'question', 'single'],
      ['Bij hoeveel procent van uw gemeenten bent u tevreden?', 'question', 'single'],
      ['Aantal cliënten met meerzorg', 'question', 'number'],
      ['Welke knelpunten ervaart u?', 'question', 'multiple'],
      ['Toelichting', 'question', 'open'],
    ]);
    expect(p.columns[4]).toMatchObject({ distinctCount: 4, empty: 2, distinct: [{ value: 'Ja', count: 7 }, { value: 'Nee', count: 4 }, { value: 'Deels', count: 4 }, { value: 'Niet van toepassing', count: 3 }] });
    expect(p.columns[4]!.guess).toMatchObject({ missing: ['Niet van toepassing'] });
    expect(p.columns[6]!.guess).toMatchObject({ missing: ['weet niet', 'n.v.t.'] });
    expect(p.themes.map((t) => t.id)).toContain('tarieven');
    expect(await ctx.studyFile()).toEqual(before);
  });

  it('previews Windows-1252 and comma-separated files sent as octet-stream', async () => {
    const w = await previewOk(ctx, 'wlz-tevredenheid-windows-1252.csv', 'application/octet-stream');
    expect([w.encoding, w.delimiter]).toEqual(['windows-1252', ';']);
    expect(w.columns.map((c) => c.name)).toContain('Aantal cliënten');
    expect(w.columns[3]!.guess).toMatchObject({ use: 'question', kind: 'scale', missing: ['Weet niet'] });
    const c = await previewOk(ctx, 'jeugd-wmo-comma.csv', 'text/csv; charset=utf-8');
    expect([c.encoding, c.delimiter, c.rows]).toEqual(['utf-8', ',', 7]);
  });

  it('imports with a mapping, stores only the mapped columns, and answers with the survey', async () => {
    survey = await importLedenpeiling(ctx);
    expect(survey.questions.map((q) => [q.id, q.label, q.kind, q.themeId])).toEqual([
      ['col-0005', 'Duidelijke procedure?', 'single', 'tarieven'],
      ['col-0006', 'Bij hoeveel procent van uw gemeenten bent u tevreden?', 'single', null],
      ['col-0007', 'Aantal cliënten met meerzorg', 'number', null],
      ['col-0008', 'Welke knelpunten ervaart u?', 'multiple', null],
    ]);
    expect(survey.attributes.map((a) => a.label)).toEqual(['Domein', 'Zorgkantoor', 'Omzetklasse']);
    expect(survey.responses).toHaveLength(20);
    expect(Object.keys(survey.responses[0]!).sort()).toEqual(['col-0002', 'col-0003', 'col-0004', 'col-0005', 'col-0006', 'col-0007', 'col-0008']);
    const stored = JSON.parse((await ctx.studyFile()).toString('utf8')) as { surveys: Survey[] };
    expect(stored.surveys).toEqual([survey]);
    expect(JSON.stringify(stored)).not.toContain('Procedure is');

    const list = (await (await fetch(base(ctx), { headers: auth(ctx.key) })).json()) as { surveys: SurveySummary[] };
    expect(list.surveys).toEqual([{ id: survey.id, title: 'Ledenpeiling 2025', source: 'ledenpeiling-2025-bom.csv', importedAt: survey.importedAt, respondents: 20, questions: survey.questions, attributes: survey.attributes }]);
  });

  it('gives figures overall and by domain, with n per cell, with and without missing answers', async () => {
    const all = await getFigures(ctx, survey.id);
    expect(all.by).toBeNull();
    expect(choice(all, 0).categories.map((c) => [c.label, c.count, c.percent])).toEqual([['Ja', 7, 39], ['Nee', 4, 22], ['Deels', 4, 22], ['Niet van toepassing', 3, 17]]);
    expect(all.questions[2]).toMatchObject({ overall: { kind: 'number', n: 15, mean: 109.3, min: 0, max: 1234 }, missingAnswers: 2, unreadable: 1 });

    const byDomein = await getFigures(ctx, survey.id, '?by=col-0002&excludeMissing=true');
    expect(byDomein.by!.columns.map((c) => [c.label, c.respondents])).toEqual([['Wlz', 8], ['Wmo', 7], ['Jeugdwet', 5]]);
    expect([0, 1, 2].map((i) => [choice(byDomein, 0, i).n, choice(byDomein, 0, i).categories.map((c) => c.percent)])).toEqual([
      [6, [67, 17, 16, null]],
      [6, [34, 33, 33, null]],
      [3, [34, 33, 33, null]],
    ]);
    expect(choice(byDomein, 1).categories.map((c) => [c.label, c.percent])).toEqual([['0-25%', 17], ['25-50%', 28], ['50-75%', 22], ['75-100%', 33], ['Weet niet', null]]);
  });

  it('refuses bad figure requests', async () => {
    // col-0007 is a number question: no breakdown (a single-choice question such as col-0005 is one).
    for (const query of ['?by=col-0007', '?by=nope', '?excludeMissing=yes']) {
      const response = await fetch(`${base(ctx)}/${survey.id}/figures${query}`, { headers: auth(ctx.key) });
      expect(response.status).toBe(400);
    }
    expect((await fetch(`${base(ctx)}/unknown-survey/figures`, { headers: auth(ctx.key) })).status).toBe(404);
  });

  it('deletes a survey and restores it at its place once', async () => {
    const second = await importLedenpeiling(ctx);
    const removed = await fetch(`${base(ctx)}/${survey.id}`, { method: 'DELETE', headers: auth(ctx.key) });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ removed: { id: survey.id, respondents: 20 }, restorableUntil: expect.any(Number) });
    let stored = JSON.parse((await ctx.studyFile()).toString('utf8')) as { surveys: Survey[] };
    expect(stored.surveys.map((s) => s.id)).toEqual([second.id]);
    expect((await fetch(`${base(ctx)}/${survey.id}/figures`, { headers: auth(ctx.key) })).status).toBe(404);

    const restored = await fetch(`${base(ctx)}/${survey.id}/restore`, { method: 'POST', headers: auth(ctx.key) });
    expect(restored.status).toBe(200);
    stored = JSON.parse((await ctx.studyFile()).toString('utf8')) as { surveys: Survey[] };
    expect(stored.surveys).toEqual([survey, second]);
    expect((await fetch(`${base(ctx)}/${survey.id}/restore`, { method: 'POST', headers: auth(ctx.key) })).status).toBe(409);
    expect((await fetch(`${base(ctx)}/${second.id}/restore`, { method: 'POST', headers: auth(ctx.key) })).status).toBe(409);
    expect((await fetch(`${base(ctx)}/never-deleted/restore`, { method: 'POST', headers: auth(ctx.key) })).status).toBe(404);
    expect((await fetch(`${base(ctx)}/${second.id}`, { method: 'DELETE', headers: auth(ctx.key) })).status).toBe(200);
    expect((await fetch(`${base(ctx)}/${second.id}`, { method: 'DELETE', headers: auth(ctx.key) })).status).toBe(404);
  });

  it('keeps the survey across a restart, in the export, and in an import elsewhere', async () => {
    const before = await getFigures(ctx, survey.id, '?by=col-0004');
    await ctx.server.close();
    const restarted = await startServer({ dataDir: ctx.dir });
    servers.push(restarted);
    const again = { server: restarted, studyId: ctx.studyId, key: ctx.key };
    expect(await getFigures(again, survey.id, '?by=col-0004')).toEqual(before);

    const exported = await fetch(`${restarted.url}/api/studies/${ctx.studyId}/export`, { headers: auth(ctx.key) });
    const archive = (await exported.json()) as StudyArchive;
    expect(archive.study.surveys).toEqual([survey]);

    const elsewhere = await serverWithStudy();
    const imported = await fetch(`${elsewhere.server.url}/api/studies/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(archive) });
    expect(imported.status).toBe(201);
    expect(await getFigures({ server: elsewhere.server, studyId: ctx.studyId, key: ctx.key }, survey.id, '?by=col-0004')).toEqual(before);
  });
});

describe('survey files and mappings that are refused, changing nothing', () => {
  let ctx: Ctx;
  let mapping: SurveyColumnMapping[];
  beforeAll(async () => {
    ctx = await serverWithStudy();
    mapping = (await previewOk(ctx, 'jeugd-wmo-comma.csv')).columns.map((c) => c.guess);
  });

  const csv = (text: string) => Buffer.from(text, 'utf8');
  it.each<[string, Buffer, string]>([
    ['binary data', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), 'binary'],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'spreadsheet'],
    ['an empty file', Buffer.from('\ufeff', 'utf8'), 'empty'],
    ['only a header', csv('domein;Vraag\r\n'), 'no_rows'],
    ['a ragged row', csv('domein;Vraag\nWlz;ja\nWmo\n'), 'ragged_row'],
    ['a duplicate column', csv('Vraag;Vraag\nja;nee\n'), 'duplicate_column'],
    ['a __proto__ column', csv('Vraag;__proto__\nja;{"polluted":true}\n'), 'reserved_column_name'],
  ])('refuses %s in the preview and in the import', async (_name, bytes, code) => {
    const before = await ctx.studyFile();
    const previewed = await preview(ctx, bytes, 'application/octet-stream');
    expect(previewed.status).toBe(400);
    const body = (await previewed.json()) as { error: string; message: string; problem: { code: string } };
    expect(body).toMatchObject({ error: 'invalid_payload', problem: { code } });
    expect(body.message.length).toBeGreaterThan(10);

    const columns = [{ column: 'Vraag', use: 'question', label: 'Vraag', kind: 'single', missing: [], themeId: null }];
    const imported = await importSurvey(ctx, { title: 'Slecht', fileName: 'x.csv', file: bytes.toString('base64'), columns });
    expect(imported.status).toBe(400);
    expect(await imported.json()).toMatchObject({ problem: { code } });
    expect(await ctx.studyFile()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, (file: string) => object, string]>([
    ['a column the file lacks', (file) => ({ title: 'T', file, columns: [...mapping, { column: 'Omzet', use: 'attribute', label: 'Omzet' }] }), 'unknown_column'],
    ['a __proto__ column the file lacks', (file) => ({ title: 'T', file, columns: [{ column: '__proto__', use: 'attribute', label: 'x' }] }), 'unknown_column'],
    ['no question', (file) => ({ title: 'T', file, columns: mapping.filter((m) => m.use !== 'question') }), 'no_questions'],
    ['a theme the study lacks', (file) => ({ title: 'T', file, columns: mapping.map((m) => (m.use === 'question' ? { ...m, themeId: 'geen-thema' } : m)) }), 'unknown_theme'],
    ['bad base64', () => ({ title: 'T', file: 'not base64!', columns: mapping }), 'bad_base64'],
  ])('refuses a mapping with %s', async (_name, make, code) => {
    const before = await ctx.studyFile();
    const file = (await fixture('jeugd-wmo-comma.csv')).toString('base64');
    const response = await importSurvey(ctx, make(file));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string; problem: { code: string } };
    expect(body.problem.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(10);
    expect(await ctx.studyFile()).toEqual(before);
  });

  it('refuses a body that is not an import, a wrong content type, and the file sent as JSON to the preview', async () => {
    const before = await ctx.studyFile();
    expect((await importSurvey(ctx, { title: '', file: 'x', columns: [] })).status).toBe(400);
    expect((await importSurvey(ctx, { title: 'T', file: 'eA==', columns: [{ column: 'x', use: 'sometimes' }] })).status).toBe(400);
    expect((await preview(ctx, 'domein;x\n1;2\n', 'image/png')).status).toBe(415);
    expect((await preview(ctx, '{"a":1}', 'application/json')).status).toBe(415);
    expect(await ctx.studyFile()).toEqual(before);
  });

  it('imports the raw text too, when fileEncoding is text', async () => {
    const file = (await fixture('jeugd-wmo-comma.csv')).toString('utf8');
    const response = await importSurvey(ctx, { title: 'Jeugd en Wmo', file, fileEncoding: 'text', columns: mapping });
    expect(response.status).toBe(201);
    const survey = (await response.json()) as Survey;
    const f = await getFigures(ctx, survey.id, '?by=col-0002');
    expect(f.questions.map((q) => q.overall.n)).toEqual([7, 6, 6]);
    expect(f.questions[2]!.overall).toEqual({ kind: 'number', n: 6, mean: 254.2, min: 0, max: 1500 });
    await fetch(`${base(ctx)}/${survey.id}`, { method: 'DELETE', headers: auth(ctx.key) });
  });

  it('needs the facilitator key everywhere', async () => {
    const before = await ctx.studyFile();
    const bytes = await fixture('jeugd-wmo-comma.csv');
    expect((await preview(ctx, bytes, 'text/csv', 'not-the-key-at-all')).status).toBe(401);
    expect((await importSurvey(ctx, { title: 'T', file: bytes.toString('base64'), columns: mapping }, 'not-the-key-at-all')).status).toBe(401);
    for (const [method, path] of [['GET', ''], ['GET', '/some-survey/figures'], ['DELETE', '/some-survey'], ['POST', '/some-survey/restore']] as const) {
      const response = await fetch(`${base(ctx)}${path}`, { method, headers: auth('not-the-key-at-all') });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthorised' });
      expect((await fetch(`${base(ctx)}${path}`, { method })).status).toBe(401);
    }
    expect((await fetch(`${ctx.server.url}/api/studies/unknown-study/surveys`, { headers: auth(ctx.key) })).status).toBe(401);
    expect(await ctx.studyFile()).toEqual(before);
  });

  it('refuses 50 MB of garbage quickly with 413, without reading it', async () => {
    const before = await ctx.studyFile();
    const started = Date.now();
    const { status, body } = await postLarge(`${base(ctx)}/preview`, ctx.key, 50 * 1024 * 1024);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: 'too_large', problem: { code: 'too_large' } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await ctx.studyFile()).toEqual(before);
    // The server is still fine.
    expect((await fetch(`${ctx.server.url}/api/health`)).status).toBe(200);
  });

  it('refuses an import body over the limit with 413', async () => {
    const before = await ctx.studyFile();
    const response = await importSurvey(ctx, { title: 'T', file: 'A'.repeat(15 * 1024 * 1024), columns: [] });
    expect(response.status).toBe(413);
    expect(await ctx.studyFile()).toEqual(before);
  });
});

/** POSTs `size` bytes of garbage and resolves with the answer as soon as it comes, even mid-upload. */
function postLarge(url: string, key: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-length': size, ...auth(key) } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    request.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
    const chunk = Buffer.alloc(1024 * 1024, 0x5a);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}
