import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, facilitatorWithSession, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../server/helpers.ts';
import { docxToPdf, requireDocumentTools, type Pdf } from './pdf.ts';

/*
 * The Word report in the language asked for, as a reader gets it: the DOCX that the server sends,
 * converted by LibreOffice to PDF and read back with pdftotext. Built-in theme names and dates
 * follow the report's language; the names the facilitator gave stay as written in both.
 */

const CARDS = {
  tarieven: 'De tarieven dekken de kostprijs niet',
  meerzorg: 'Meerzorgaanvragen blijven maanden liggen',
  kwaliteit: 'Er wordt te weinig gesproken over wat goede zorg is',
  wachtlijst: 'Cliënten wachten maanden op een plek',
  overig: 'De koffie was koud',
} as const;
const RENAMED = 'Zorgkwaliteit volgens cliënten';
const ADDED = 'Wachtlijsten';
const BUILTIN = {
  nl: ['Tarieven en kostprijs', 'Meerzorg en complexe zorg', 'Overig'],
  en: ['Rates and cost price', 'Additional and complex care', 'Other'],
};

let server: TestServer;
const sockets: ClientSocket[] = [];
const pdfs: Partial<Record<'nl' | 'en', Pdf>> = {};

/** The PDF's text with its line breaks and the layout's runs of spaces as single spaces. */
const flat = (pdf: Pdf) => pdf.pages.join('\n').replace(/\s+/g, ' ');

beforeAll(async () => {
  requireDocumentTools();
  server = await startServer();
  const f = await facilitatorWithSession(server.url, { title: 'Werksessie Wlz', date: '2025-11-20', domains: ['Wlz'] });
  sockets.push(f.socket);
  const sessionId = f.session.id;
  const columnId = f.snapshot.session.columns[1]!.id;
  const ann = await connectClient(server.url);
  sockets.push(ann);
  await sendOk(ann, 'session:join', { code: f.session.joinCode, profile: { name: 'Ann', consent: false } });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'collecting' });
  const ids = Object.fromEntries(Object.keys(CARDS).map((k) => [k, uid()])) as Record<keyof typeof CARDS, string>;
  for (const [key, text] of Object.entries(CARDS)) await sendOk(ann, 'card:add', { sessionId, id: ids[key as keyof typeof CARDS], columnId, text });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'voting' });
  for (const key of ['tarieven', 'meerzorg', 'kwaliteit', 'wachtlijst'] as const) await sendOk(ann, 'vote:cast', { sessionId, id: uid(), cardId: ids[key] });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'synthesis' });
  for (const [key, themeId] of [['tarieven', 'tarieven'], ['meerzorg', 'meerzorg'], ['kwaliteit', 'kwaliteit'], ['overig', 'overig']] as const) {
    await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: ids[key], themeId, pinned: false });
  }
  await sendOk(f.socket, 'theme:rename', { sessionId, themeId: 'kwaliteit', name: RENAMED });
  await sendOk(f.socket, 'theme:add', { sessionId, name: ADDED, cardIds: [ids.wachtlijst] });
  await sendOk(f.socket, 'report:edit', { op: 'cover', cover: { client: 'Branchevereniging Zorg', author: 'Bureau Evaluatie', date: '2026-02-13' } });
  for (const language of ['nl', 'en'] as const) {
    const response = await fetch(`${server.url}/api/studies/${f.studyId}/report.docx?lang=${language}`, { headers: { authorization: `Bearer ${f.key}` } });
    expect(response.status).toBe(200);
    pdfs[language] = await docxToPdf(Buffer.from(await response.arrayBuffer()));
  }
}, 240_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.close();
});

describe('the Word report in its language', () => {
  it('in English: English built-in theme names, no Dutch one, and English dates', () => {
    const text = flat(pdfs.en!);
    for (const name of BUILTIN.en) expect(text, name).toContain(name);
    for (const name of BUILTIN.nl) expect(text.toLowerCase(), name).not.toContain(name.toLowerCase());
    expect(pdfs.en!.pages[0]).toContain('13 February 2026');
    expect(text).toContain('20 November 2025');
    expect(text).not.toMatch(/februari|november 2025/);
  });

  it('sets a session date in the method table on one line', () => {
    for (const [language, date] of [['nl', '20 november 2025'], ['en', '20 November 2025']] as const) {
      const row = pdfs[language]!.pages.join('\n').split('\n').find((line) => /Werksessie Wlz\s+20/.test(line));
      expect(row?.replace(/\u00a0/g, ' '), language).toContain(date);
    }
  });

  it('in Dutch: Dutch built-in theme names, no English one, and Dutch dates', () => {
    const text = flat(pdfs.nl!);
    for (const name of BUILTIN.nl) expect(text, name).toContain(name);
    for (const name of BUILTIN.en) expect(text.toLowerCase(), name).not.toContain(name.toLowerCase());
    expect(pdfs.nl!.pages[0]).toContain('13 februari 2026');
    expect(text).toContain('20 november 2025');
    expect(text).not.toMatch(/February|November/);
  });

  it('keeps the facilitator’s own theme names, a renamed built-in and an added theme, in both', () => {
    for (const language of ['nl', 'en'] as const) {
      const text = flat(pdfs[language]!);
      expect(text, language).toContain(RENAMED);
      expect(text, language).toContain(ADDED);
      expect(text.toLowerCase(), language).not.toContain(language === 'en' ? 'quality of care' : 'kwaliteit van zorg');
    }
  });
});
