import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutlineSection } from '../../../shared/domain/report/outline/types.ts';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import type { StudyArchive } from '../../../shared/schemas/archive.ts';
import { REPORT_DOCUMENT_LIMITS } from '../../../shared/schemas/report-document.ts';
import { readStoredStudy } from '../../../server/storage/repository.ts';
import { connectClient, createStudy, facilitatorWithSession, joinAs, recordTraffic, send, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, rawSend, sync } from '../session-helpers.ts';

/*
 * The analyst's report document over the socket: every change stored before its ack, shown in
 * the report (JSON and Markdown) instead of the draft, undone step by step, announced to the
 * study's other editors only, and refused (with nothing changed) for anyone without the key and
 * for any payload that is not a change the document can take.
 */

let server: TestServer;
beforeAll(async () => {
  // Every test makes a study or two: more than one address makes in a minute by default.
  server = await startServer({ limits: { creates: { max: 10_000 } } });
});
afterAll(() => server.close());

type Auth = { studyId: string; key: string };

const EDITED_PICTURE =
  '**In het sociaal domein overheerst de zorg over de tarieven.** Aanbieders waarderen de marktconsultatie, maar de indexatie loopt achter.\n\nDe regio’s vragen **elk** andere documenten op.';
const QUOTE_TEXT = 'Elke regio vraagt weer andere documenten op, ook als ze dezelfde zorg inkopen';

/** A physical session on Wmo and Jeugdwet: a card of each domain in each column, themes decided, one quote. */
async function studyWithCards(target: TestServer = server) {
  const { studyId, key, socket, session, snapshot } = await facilitatorWithSession(target.url, { title: 'Werksessie Sociaal Domein', mode: 'fysiek', domains: ['Wmo', 'Jeugdwet'] });
  const sessionId = session.id;
  const [good, better] = snapshot.session.columns;
  await sendOk(socket, 'session:phase', { sessionId, phase: 'collecting' });
  const cards = [
    { column: good!.id, domain: 'Wmo', theme: 'dialoog', text: 'De gemeente organiseerde een goede marktconsultatie' },
    { column: better!.id, domain: 'Wmo', theme: 'tarieven', text: 'Indexatie van de tarieven loopt achter op de cao' },
    { column: good!.id, domain: 'Jeugdwet', theme: 'dialoog', text: 'Korte lijnen met de regionale inkooporganisatie' },
    { column: better!.id, domain: 'Jeugdwet', theme: 'administratieve_lasten', text: QUOTE_TEXT },
  ].map((c) => ({ ...c, id: uid() }));
  for (const c of cards) await sendOk(socket, 'card:add', { sessionId, id: c.id, columnId: c.column, domain: c.domain, text: c.text, attribution: { kind: 'room' } });
  await sendOk(socket, 'session:phase', { sessionId, phase: 'voting' });
  await sendOk(socket, 'card:hand-votes', { sessionId, id: cards[1]!.id, count: 6 });
  await sendOk(socket, 'session:phase', { sessionId, phase: 'synthesis' });
  for (const c of cards) await sendOk(socket, 'synthesis:decide', { sessionId, cardId: c.id, themeId: c.theme, pinned: true });
  await sendOk(socket, 'synthesis:quote', { sessionId, cardId: cards[3]!.id, quote: true });
  return { auth: { studyId, key } as Auth, facilitator: socket, sessionId, joinCode: session.joinCode, quoteKey: `${sessionId}:${cards[3]!.id}` };
}

const fetchReport = (url: string, auth: Auth, path: string) => fetch(`${url}/api/studies/${auth.studyId}/${path}`, { headers: { authorization: `Bearer ${auth.key}` } });
async function reportOf(auth: Auth, query = '', target: TestServer = server): Promise<ReportModel> {
  const response = await fetchReport(target.url, auth, `report${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ReportModel;
}
async function markdownOf(auth: Auth, target: TestServer = server): Promise<string> {
  const response = await fetchReport(target.url, auth, 'report.md');
  expect(response.status).toBe(200);
  return response.text();
}

const sectionOf = (report: ReportModel, part: OutlineSection['part'], chapter = 0): OutlineSection => report.outline.chapters[chapter]!.sections.find((s) => s.part === part)!;
/** The first sentence of a text in the section format, without its bold marks. */
const firstSentence = (text: string) => /^[^.!?]*[.!?]/.exec(text.replace(/\*\*/g, ''))![0];
const storedReport = (auth: Auth, target: TestServer = server) => structuredClone(target.repo.studies.get(auth.studyId)!.data.report);
/** The Markdown between one heading and the next of the same or a higher level. */
function underHeading(markdown: string, heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end === -1 ? rest : rest.slice(0, end);
}

describe('report:edit', () => {
  it('stores an edited section before the ack; the report and its Markdown print the edit, not the draft', async () => {
    const { auth, facilitator, sessionId } = await studyWithCards();
    try {
      const before = await reportOf(auth);
      const picture = sectionOf(before, 'picture');
      expect(before.outline).toMatchObject({ editable: true, version: 0, undoSteps: 0, customChapters: false });
      expect(picture).toMatchObject({ edited: false, stale: false, text: picture.draftText });
      expect(picture.draftText.length).toBeGreaterThan(0);

      const ack = await sendOk(facilitator, 'report:edit', { op: 'section', key: picture.key, text: EDITED_PICTURE, draftHash: picture.draftHash });
      expect(ack).toEqual({ version: 1, undoSteps: 1, undoLabel: `section:${picture.key}` });
      // Stored by the time of the ack.
      expect(storedReport(auth).sections[picture.key]).toEqual({ text: EDITED_PICTURE, draftHash: picture.draftHash, editedAt: expect.any(Number) });

      const after = await reportOf(auth);
      expect(sectionOf(after, 'picture')).toMatchObject({ key: picture.key, edited: true, stale: false, text: EDITED_PICTURE, draftText: picture.draftText });
      expect(sectionOf(after, 'picture').blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
      expect(after.outline).toMatchObject({ version: 1, undoSteps: 1 });

      const markdown = await markdownOf(auth);
      const printed = underHeading(markdown, '### Algemeen beeld');
      expect(printed).toContain('**In het sociaal domein overheerst de zorg over de tarieven.** Aanbieders waarderen de marktconsultatie, maar de indexatie loopt achter.');
      // Bold inside a sentence keeps the spaces around it.
      expect(printed).toContain('De regio’s vragen **elk** andere documenten op.');
      expect(markdown).not.toContain(firstSentence(picture.draftText));

      // The same text again is no change: same version, nothing new to undo.
      expect(await sendOk(facilitator, 'report:edit', { op: 'section', key: picture.key, text: EDITED_PICTURE, draftHash: picture.draftHash })).toEqual(ack);
      // A one-session report is always the drafts.
      expect(sectionOf(await reportOf(auth, `?session=${sessionId}`), 'picture')).toMatchObject({ edited: false, text: picture.draftText });
    } finally {
      closeAll(facilitator);
    }
  });

  it('groups domains into a chapter, sets the cover and the quote style, and moves a quote; the Markdown follows each', async () => {
    const { auth, facilitator, quoteKey } = await studyWithCards();
    try {
      expect((await reportOf(auth)).outline.chapters.map((c) => c.title)).toEqual(['Wmo', 'Jeugdwet']);
      await sendOk(facilitator, 'report:edit', { op: 'chapters', chapters: [{ id: 'sociaal-domein', title: 'Sociaal Domein', domains: ['Jeugdwet', 'Wmo'] }] });
      let report = await reportOf(auth);
      expect(report.outline.chapters.map((c) => [c.id, c.title, c.domains])).toEqual([['sociaal-domein', 'Sociaal Domein', ['Jeugdwet', 'Wmo']]]);
      let markdown = await markdownOf(auth);
      expect(markdown).toMatch(/^## Sociaal Domein$/m);
      expect(markdown).not.toMatch(/^## (Wmo|Jeugdwet)$/m);
      expect(underHeading(markdown, '## Sociaal Domein')).toContain('Indexatie van de tarieven loopt achter op de cao');
      expect(underHeading(markdown, '## Sociaal Domein')).toContain('Korte lijnen met de regionale inkooporganisatie');

      await sendOk(facilitator, 'report:edit', { op: 'cover', cover: { client: 'Vereniging Zorgaanbieders Midden-Nederland', author: 'M. de Vries', date: '2026-02-13' } });
      await sendOk(facilitator, 'report:edit', { op: 'quote-style', style: 'single' });
      const slot = { chapterId: 'sociaal-domein', section: 'picture' as const, themeId: null };
      const moved = await sendOk(facilitator, 'report:edit', { op: 'quote', key: quoteKey, slot });
      expect(moved).toEqual({ version: 4, undoSteps: 4, undoLabel: `quote:${quoteKey}` });

      report = await reportOf(auth);
      expect(report.outline.cover).toMatchObject({ client: 'Vereniging Zorgaanbieders Midden-Nederland', author: 'M. de Vries', date: '2026-02-13' });
      expect(report.outline.quotes).toEqual([expect.objectContaining({ key: quoteKey, slot, moved: true })]);
      markdown = await markdownOf(auth);
      expect(markdown).toContain('13 februari 2026');
      expect(markdown).toContain('Vereniging Zorgaanbieders Midden-Nederland');
      expect(markdown).toContain('M. de Vries');
      expect(underHeading(markdown, '### Algemeen beeld')).toContain(`> ‘${QUOTE_TEXT}’`);
      expect(markdown.split(QUOTE_TEXT)).toHaveLength(2);
      expect(markdown).not.toContain(`“${QUOTE_TEXT}”`);

      // Back beside its theme, and back to one chapter per domain.
      await sendOk(facilitator, 'report:edit', { op: 'quote', key: quoteKey, slot: null });
      await sendOk(facilitator, 'report:edit', { op: 'chapters', chapters: null });
      report = await reportOf(auth);
      expect(report.outline.quotes).toEqual([expect.objectContaining({ key: quoteKey, moved: false, slot: expect.objectContaining({ themeId: 'administratieve_lasten' }) })]);
      expect(report.outline.chapters.map((c) => c.title)).toEqual(['Wmo', 'Jeugdwet']);
      expect(report.outline.customChapters).toBe(false);
    } finally {
      closeAll(facilitator);
    }
  });
});

describe('report:undo', () => {
  it('takes changes back one at a time, back to the drafts; with nothing left it answers not_found', async () => {
    const { auth, facilitator } = await studyWithCards();
    try {
      const picture = sectionOf(await reportOf(auth), 'picture');
      await sendOk(facilitator, 'report:edit', { op: 'section', key: picture.key, text: 'Eerste versie.', draftHash: picture.draftHash });
      // Typing on in the same section within a minute is one step.
      await sendOk(facilitator, 'report:edit', { op: 'section', key: picture.key, text: EDITED_PICTURE, draftHash: picture.draftHash });
      expect(await sendOk(facilitator, 'report:edit', { op: 'quote-style', style: 'single' })).toEqual({ version: 3, undoSteps: 2, undoLabel: 'quote-style' });

      expect(await sendOk(facilitator, 'report:undo', {})).toEqual({ version: 4, undoSteps: 1, undoLabel: `section:${picture.key}` });
      let report = await reportOf(auth);
      expect(report.outline.quoteStyle).toBe('double');
      expect(sectionOf(report, 'picture')).toMatchObject({ edited: true, text: EDITED_PICTURE });

      expect(await sendOk(facilitator, 'report:undo', {})).toEqual({ version: 5, undoSteps: 0, undoLabel: null });
      report = await reportOf(auth);
      expect(sectionOf(report, 'picture')).toMatchObject({ edited: false, text: picture.draftText });
      expect(storedReport(auth)).toMatchObject({ sections: {}, quoteStyle: 'double', undo: [], version: 5 });
      expect(await markdownOf(auth)).toContain(firstSentence(picture.draftText));

      expect(await send(facilitator, 'report:undo', {})).toMatchObject({ ok: false, error: 'not_found' });
      expect(storedReport(auth).version).toBe(5);
    } finally {
      closeAll(facilitator);
    }
  });
});

describe('report:updated', () => {
  it("reaches the study's other editors, not the sender, a participant of its session or another study's facilitator", async () => {
    const { auth, facilitator, joinCode } = await studyWithCards();
    const editor = await connectClient(server.url, auth);
    const other = await connectClient(server.url, await createStudy(server.url, 'Een ander onderzoek'));
    const participant = await joinAs(server.url, joinCode, 'Ann');
    try {
      await sendOk(facilitator, 'study:open', {});
      await sendOk(editor, 'study:open', {});
      await sendOk(other, 'study:open', {});
      const traffic = { sender: recordTraffic(facilitator), editor: recordTraffic(editor), other: recordTraffic(other), participant: recordTraffic(participant.socket) };

      await sendOk(facilitator, 'report:edit', { op: 'quote-style', style: 'single' });
      await sendOk(facilitator, 'report:edit', { op: 'quote-style', style: 'single' }); // no change: no news
      await sendOk(facilitator, 'report:undo', {});
      await sync(facilitator, editor, other, participant.socket);

      expect(traffic.editor.events).toEqual([
        { event: 'report:updated', args: [{ version: 1, undoSteps: 1, undoLabel: 'quote-style' }] },
        { event: 'report:updated', args: [{ version: 2, undoSteps: 0, undoLabel: null }] },
      ]);
      expect(traffic.sender.events).toEqual([]);
      expect(traffic.other.events).toEqual([]);
      expect(traffic.participant.events).toEqual([]);
    } finally {
      closeAll(facilitator, editor, other, participant.socket);
    }
  });
});

/** Payloads that are no change the document can take; each refused as invalid_payload. */
const BAD_EDITS: [string, unknown][] = [
  ['an unknown op', { op: 'delete-everything' }],
  ['no op', { key: 'intro.method', text: 'x', draftHash: '' }],
  ['no object', 'section'],
  ['null', null],
  ['a key climbing out of the chapter', { op: 'section', key: 'chapter.../../x', text: 'x', draftHash: '' }],
  ['a key with a path in its chapter id', { op: 'section', key: 'chapter.../../x.picture', text: 'x', draftHash: '' }],
  ['a key with a slash', { op: 'section', key: 'chapter.domain-1234/../../study.picture', text: 'x', draftHash: '' }],
  ['a key naming a built-in property', { op: 'section', key: '__proto__', text: 'x', draftHash: '' }],
  ['an unknown part of a chapter', { op: 'section', key: 'chapter.domain-12345678.cover', text: 'x', draftHash: '' }],
  ['an unknown introduction part', { op: 'section', key: 'intro.toString', text: 'x', draftHash: '' }],
  ['a text too long', { op: 'section', key: 'intro.method', text: 'x'.repeat(REPORT_DOCUMENT_LIMITS.sectionText + 1), draftHash: '' }],
  ['a draft hash too long', { op: 'section', key: 'intro.method', text: 'x', draftHash: 'f'.repeat(17) }],
  ['no text', { op: 'section', key: 'intro.method', draftHash: '' }],
  ['a text that is no string', { op: 'section', key: 'intro.method', text: ['x'], draftHash: '' }],
  ['a reset of no section', { op: 'section-reset', key: 'chapter' }],
  ['a domain in two chapters', { op: 'chapters', chapters: [{ id: 'hoofdstuk-een', title: 'Een', domains: ['Wmo'] }, { id: 'hoofdstuk-twee', title: 'Twee', domains: ['Jeugdwet', 'Wmo'] }] }],
  ['a chapter id twice', { op: 'chapters', chapters: [{ id: 'hoofdstuk-een', title: 'Een', domains: ['Wmo'] }, { id: 'hoofdstuk-een', title: 'Twee', domains: ['Jeugdwet'] }] }],
  ['no chapters', { op: 'chapters', chapters: [] }],
  ['a chapter without domains', { op: 'chapters', chapters: [{ id: 'hoofdstuk-een', title: 'Een', domains: [] }] }],
  ['a chapter id with a path', { op: 'chapters', chapters: [{ id: '../../../etc', title: 'Een', domains: ['Wmo'] }] }],
  ['a chapter id naming a built-in property', { op: 'chapters', chapters: [{ id: '__proto__', title: 'Een', domains: ['Wmo'] }] }],
  ['too many chapters', { op: 'chapters', chapters: Array.from({ length: REPORT_DOCUMENT_LIMITS.chapters + 1 }, (_, i) => ({ id: `hoofdstuk-${i}`, title: null, domains: [`Domein ${i}`] })) }],
  ['a quote key with a path', { op: 'quote', key: '../../session-x:card-1234', slot: null }],
  ['a quote key without a card', { op: 'quote', key: 'session-12345678', slot: null }],
  ['a quote slot in no section', { op: 'quote', key: 'session-12345678:card-12345678', slot: { chapterId: 'sociaal-domein', section: 'cover', themeId: null } }],
  ['a quote slot in a chapter id with a path', { op: 'quote', key: 'session-12345678:card-12345678', slot: { chapterId: '../x', section: 'picture', themeId: null } }],
  ['an unknown quote style', { op: 'quote-style', style: 'guillemets' }],
  ['a cover client too long', { op: 'cover', cover: { client: 'x'.repeat(REPORT_DOCUMENT_LIMITS.coverField + 1), author: '', date: null } }],
  ['a cover date not a date', { op: 'cover', cover: { client: '', author: '', date: '13-02-2026' } }],
];

describe('refusals', () => {
  it.each(BAD_EDITS)('refuses %s as invalid_payload, changing nothing', async (_name, payload) => {
    const { auth, facilitator } = await studyWithCards();
    try {
      const before = structuredClone(server.repo.studies.get(auth.studyId)!.data);
      expect(await rawSend(facilitator, 'report:edit', payload)).toMatchObject({ ok: false, error: 'invalid_payload' });
      expect(server.repo.studies.get(auth.studyId)!.data).toEqual(before);
      // The server goes on: the same socket makes a change that is allowed.
      expect(await sendOk(facilitator, 'report:edit', { op: 'quote-style', style: 'single' })).toMatchObject({ version: 1 });
    } finally {
      closeAll(facilitator);
    }
  });

  it('refuses a command without its one payload', async () => {
    const { auth, facilitator } = await studyWithCards();
    try {
      const before = storedReport(auth);
      expect(await rawSend(facilitator, 'report:edit', { op: 'quote-style', style: 'single' }, 'extra')).toMatchObject({ ok: false, error: 'invalid_payload' });
      expect(await rawSend(facilitator, 'report:undo')).toMatchObject({ ok: false, error: 'invalid_payload' });
      expect(storedReport(auth)).toEqual(before);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      closeAll(facilitator);
    }
  });

  it("refuses sockets without the study's key; another study's facilitator changes only their own", async () => {
    const { auth, facilitator, joinCode } = await studyWithCards();
    const stranger = await connectClient(server.url);
    const participant = await joinAs(server.url, joinCode, 'Ann');
    const otherAuth = await createStudy(server.url, 'Een ander onderzoek');
    const other = await connectClient(server.url, otherAuth);
    try {
      await sendOk(facilitator, 'report:edit', { op: 'quote-style', style: 'single' });
      const before = storedReport(auth);
      for (const socket of [stranger, participant.socket]) {
        expect(await send(socket, 'report:edit', { op: 'quote-style', style: 'double' })).toMatchObject({ ok: false, error: 'unauthorised' });
        expect(await send(socket, 'report:undo', {})).toMatchObject({ ok: false, error: 'unauthorised' });
      }
      // Another study's key does not open this one.
      await expect(connectClient(server.url, { studyId: auth.studyId, key: otherAuth.key })).rejects.toThrow('unauthorised');

      expect(await sendOk(other, 'report:edit', { op: 'cover', cover: { client: 'Een andere opdrachtgever', author: '', date: null } })).toMatchObject({ version: 1 });
      expect(await send(other, 'report:undo', {})).toMatchObject({ ok: true });
      expect(await send(other, 'report:undo', {})).toMatchObject({ ok: false, error: 'not_found' });
      expect(storedReport(auth)).toEqual(before);
      expect(storedReport(otherAuth)).toMatchObject({ version: 2, undo: [] });
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      closeAll(facilitator, stranger, participant.socket, other);
    }
  });
});

describe('the report document on disk', () => {
  it('is in the study file once acked, survives a restart, and can still be undone after it', async () => {
    const data = await tempDataDir();
    let first: TestServer | undefined = await startServer({ dataDir: data.dir });
    let second: TestServer | undefined;
    let sockets: ClientSocket[] = [];
    try {
      const { auth, facilitator } = await studyWithCards(first);
      sockets.push(facilitator);
      const picture = sectionOf(await reportOf(auth, '', first), 'picture');
      await sendOk(facilitator, 'report:edit', { op: 'chapters', chapters: [{ id: 'sociaal-domein', title: 'Sociaal Domein', domains: ['Wmo', 'Jeugdwet'] }] });
      const key = 'chapter.sociaal-domein.picture';
      await sendOk(facilitator, 'report:edit', { op: 'section', key, text: EDITED_PICTURE, draftHash: picture.draftHash });
      const ack = await sendOk(facilitator, 'report:edit', { op: 'cover', cover: { client: 'Vereniging Zorgaanbieders Midden-Nederland', author: 'M. de Vries', date: '2026-02-13' } });
      expect(ack).toEqual({ version: 3, undoSteps: 3, undoLabel: 'cover' });

      // On disk by the time of the ack, read the way the server loads it.
      const onDisk = (await readStoredStudy(data.dir, auth.studyId))!.report;
      expect(onDisk).toEqual(storedReport(auth, first));
      expect(onDisk.sections[key]!.text).toBe(EDITED_PICTURE);
      expect(onDisk.undo.map((u) => u.label)).toEqual(['chapters', `section:${key}`, 'cover']);

      closeAll(...sockets);
      sockets = [];
      await first.close();
      first = undefined;
      second = await startServer({ dataDir: data.dir });
      expect(second.broken).toEqual([]);
      const report = await reportOf(auth, '', second);
      expect(report.outline.chapters.map((c) => c.title)).toEqual(['Sociaal Domein']);
      expect(sectionOf(report, 'picture')).toMatchObject({ key, edited: true, text: EDITED_PICTURE });
      expect(report.outline.cover).toMatchObject({ client: 'Vereniging Zorgaanbieders Midden-Nederland', date: '2026-02-13' });
      expect(underHeading(await markdownOf(auth, second), '## Sociaal Domein')).toContain('**In het sociaal domein overheerst de zorg over de tarieven.**');

      // The undo history came along.
      const again = await connectClient(second.url, auth);
      sockets.push(again);
      expect(await sendOk(again, 'report:undo', {})).toEqual({ version: 4, undoSteps: 2, undoLabel: `section:${key}` });
      expect((await readStoredStudy(data.dir, auth.studyId))!.report.cover).toEqual({ client: '', author: '', date: null });
    } finally {
      closeAll(...sockets);
      await first?.close();
      await second?.close();
      await data.remove();
    }
  });
});

describe('the study export', () => {
  it('carries the report document without its undo history, and an import elsewhere prints the edits', async () => {
    const { auth, facilitator } = await studyWithCards();
    const elsewhere = await startServer();
    try {
      const picture = sectionOf(await reportOf(auth), 'picture');
      await sendOk(facilitator, 'report:edit', { op: 'section', key: picture.key, text: EDITED_PICTURE, draftHash: picture.draftHash });
      await sendOk(facilitator, 'report:edit', { op: 'quote-style', style: 'single' });
      expect(storedReport(auth).undo).toHaveLength(2);

      const response = await fetchReport(server.url, auth, 'export');
      expect(response.status).toBe(200);
      const archive = (await response.json()) as StudyArchive;
      expect(archive.study.report).toEqual({ ...storedReport(auth), undo: [] });
      // Earlier states of the document, with texts the analyst threw away, are not in the file.
      expect(JSON.stringify(archive)).not.toContain('"undo":[{');
      // The server keeps its own history.
      expect(storedReport(auth).undo).toHaveLength(2);

      const imported = await fetch(`${elsewhere.url}/api/studies/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(archive) });
      expect(imported.status).toBe(201);
      const report = await reportOf(auth, '', elsewhere);
      expect(sectionOf(report, 'picture')).toMatchObject({ edited: true, text: EDITED_PICTURE });
      expect(report.outline).toMatchObject({ quoteStyle: 'single', undoSteps: 0 });
      const there = await connectClient(elsewhere.url, auth);
      try {
        expect(await send(there, 'report:undo', {})).toMatchObject({ ok: false, error: 'not_found' });
      } finally {
        closeAll(there);
      }
      // Exported again, the same document.
      const again = (await (await fetchReport(elsewhere.url, auth, 'export')).json()) as StudyArchive;
      expect(again.study.report).toEqual(archive.study.report);
    } finally {
      closeAll(facilitator);
      await elsewhere.close();
    }
  });
});
