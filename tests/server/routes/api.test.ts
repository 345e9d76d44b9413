import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/schemas/common.ts';
import { connectClient, sendOk, startServer, type TestServer } from '../helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const post = (body: BodyInit | null, contentType = 'application/json') =>
  fetch(`${server.url}/api/studies`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('POST /api/studies', () => {
  it('creates a study whose key opens it, shown once', async () => {
    const response = await post(JSON.stringify({ title: '  Evaluatie Wmo 2025  ' }));
    expect(response.status).toBe(201);
    const { studyId, key } = (await response.json()) as { studyId: string; key: string };
    expect(server.repo.studies.get(studyId)?.data).toMatchObject({ id: studyId, title: 'Evaluatie Wmo 2025', sessionIds: [] });
    // Only the hash is kept.
    expect(JSON.stringify(server.repo.studies.get(studyId)?.data)).not.toContain(key);
    const socket = await connectClient(server.url, { studyId, key });
    expect(await sendOk(socket, 'study:open', {})).toMatchObject({ id: studyId, title: 'Evaluatie Wmo 2025' });
    socket.disconnect();
  });

  it.each<[string, number, () => Promise<Response>]>([
    ['bad JSON', 400, () => post('{"title": "x",')],
    ['no body', 400, () => post(null)],
    ['JSON null', 400, () => post('null')],
    ['JSON array', 400, () => post('["title"]')],
    ['JSON string', 400, () => post('"title"')],
    ['title missing', 400, () => post('{}')],
    ['title a number', 400, () => post('{"title": 12}')],
    ['title an object', 400, () => post('{"title": {"$ne": null}}')],
    ['blank title', 400, () => post('{"title": "   "}')],
    ['title too long', 400, () => post(JSON.stringify({ title: 'x'.repeat(LIMITS.title + 1) }))],
    ['wrong content type', 415, () => post('title=x', 'application/x-www-form-urlencoded')],
    ['text body', 400, () => post('{"title": "x"}', 'text/plain')],
    ['unknown codebook', 400, () => post('{"title": "x", "codebook": "mine"}')],
    ['codebook an object', 400, () => post('{"title": "x", "codebook": {"themes": []}}')],
    ['huge body', 413, () => post(JSON.stringify({ title: 'x', padding: 'y'.repeat(100 * 1024) }))],
  ])('%s -> %i with a JSON error, nothing created', async (_name, status, request) => {
    const before = server.repo.studies.size;
    const response = await request();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual(expect.objectContaining({ message: expect.any(String) }));
    expect(server.repo.studies.size).toBe(before);
  });

  it('starts from the built-in codebook, or from an empty one when asked', async () => {
    const byDefault = (await (await post(JSON.stringify({ title: 'Standaard' }))).json()) as { studyId: string };
    expect(server.repo.studies.get(byDefault.studyId)!.data.codebook.themes.map((t) => t.id)).toContain('meerzorg');
    const empty = await post(JSON.stringify({ title: 'Leeg', codebook: 'empty' }));
    expect(empty.status).toBe(201);
    const { studyId } = (await empty.json()) as { studyId: string };
    expect(server.repo.studies.get(studyId)!.data.codebook).toEqual({ themes: [] });
  });

  it('ignores fields a client should not set', async () => {
    const response = await post(JSON.stringify({ title: 'Studie', id: 'chosen-id-123', keyHash: 'a'.repeat(64), sessionIds: ['x'.repeat(10)] }));
    expect(response.status).toBe(201);
    const { studyId, key } = (await response.json()) as { studyId: string; key: string };
    expect(studyId).not.toBe('chosen-id-123');
    const study = server.repo.studies.get(studyId)!.data;
    expect(study).toMatchObject({ title: 'Studie', sessionIds: [] });
    expect(study.keyHash).not.toBe('a'.repeat(64));
    expect(Object.keys(study).sort()).toEqual(['codebook', 'createdAt', 'id', 'keyHash', 'report', 'reportSettings', 'schemaVersion', 'sessionIds', 'surveys', 'title', 'updatedAt']);
    expect(key.length).toBeGreaterThanOrEqual(32);
  });
});

describe('GET /api/health', () => {
  it('answers with the number of broken files and of files recovered from their previous version', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, brokenFiles: 0, recoveredFiles: 0 });
  });
});
