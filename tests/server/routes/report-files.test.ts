// The report files as the server makes them from a real session (cards, votes, quotes, findings,
// follow-up calls), checked from the files themselves.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import { connectClient, facilitatorWithSession, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { openDocx, paragraphsOf, tablesOf, textOf } from '../report/docx-xml.ts';
import { checkFigureTables } from '../report/report-checks.ts';

let server: TestServer;
let f: Awaited<ReturnType<typeof facilitatorWithSession>>;
const sockets: ClientSocket[] = [];

/** Names that must never appear in any report: people who did not consent, and anonymous authors' links. */
const HIDDEN = ['Bob Verborgen', 'Stichting Geheim', 'Carla Belnietnoemen'];
const TEXTS = {
  open: 'De tarieven dekken de kostprijs niet en de indexering is te laag',
  anonymous: 'Het zorgkantoor luisterde echt tijdens de gesprekstafels',
  bob: 'Meerzorgaanvragen blijven maanden liggen',
  followUp: 'De hardheidsclausule wordt nooit toegepast',
};

async function join(name: string, organisation: string, consent: boolean) {
  const socket = await connectClient(server.url);
  sockets.push(socket);
  const joined = await sendOk(socket, 'session:join', { code: f.session.joinCode, profile: { name, organisation, scope: 'regionaal', size: 'groot', region: 'Noord', consent } });
  return { socket, ...joined };
}

beforeAll(async () => {
  server = await startServer();
  f = await facilitatorWithSession(server.url, { title: 'Werksessie Wlz', domains: ['Wlz'] });
  sockets.push(f.socket);
  const sessionId = f.session.id;
  const [good, better] = f.snapshot.session.columns;
  const ann = await join('Ann Openbaar', 'Zorggroep Open', true);
  const bob = await join('Bob Verborgen', 'Stichting Geheim', false);
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'collecting' });
  const ids = { open: uid(), anonymous: uid(), bob: uid() };
  await sendOk(ann.socket, 'card:add', { sessionId, id: ids.open, columnId: better!.id, text: TEXTS.open });
  await sendOk(ann.socket, 'card:add', { sessionId, id: ids.anonymous, columnId: good!.id, text: TEXTS.anonymous, anonymous: true });
  await sendOk(bob.socket, 'card:add', { sessionId, id: ids.bob, columnId: better!.id, text: TEXTS.bob });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'voting' });
  for (const voter of [ann, bob]) await sendOk(voter.socket, 'vote:cast', { sessionId, id: uid(), cardId: ids.open });
  await sendOk(bob.socket, 'vote:cast', { sessionId, id: uid(), cardId: ids.bob });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'synthesis' });
  for (const cardId of Object.values(ids)) await sendOk(f.socket, 'synthesis:quote', { sessionId, cardId, quote: true });
  await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: ids.open, themeId: 'tarieven', pinned: false });
  await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: ids.bob, themeId: 'meerzorg', pinned: false });
  await sendOk(f.socket, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: 'Tarieven volgen de kostprijs niet.' });
  // A quick show of hands: "Is de procedure duidelijk?" 2 ja on devices, 1 nee counted by hand.
  const pollId = uid();
  await sendOk(f.socket, 'poll:create', { sessionId, id: pollId, question: 'Is de procedure duidelijk?', kind: 'single', options: ['Ja', 'Nee'] });
  await sendOk(f.socket, 'poll:open', { sessionId, pollId });
  for (const voter of [ann, bob]) await sendOk(voter.socket, 'poll:answer', { sessionId, pollId, answer: { optionIds: ['option-1'] } });
  await sendOk(f.socket, 'poll:handcount', { sessionId, pollId, counts: { 'option-2': 1 } });
  await sendOk(f.socket, 'poll:close', { sessionId, pollId });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'closed' });

  // After the session: two providers called, one named with consent, one not.
  const callee = (name: string, consent: boolean) => ({ name, organisation: `${name} Zorg`, scope: 'landelijk' as const, size: 'middelgroot' as const, consent });
  const calls = [uid(), uid()];
  await sendOk(f.socket, 'followup:save', { sessionId, id: calls[0]!, callee: callee('Dirk Noembaar', true), calledOn: '2025-12-01', calledBy: 'Analist' });
  await sendOk(f.socket, 'followup:save', { sessionId, id: calls[1]!, callee: callee('Carla Belnietnoemen', false), calledOn: '2025-12-02', calledBy: 'Analist' });
  await sendOk(f.socket, 'followup:answer', { sessionId, callId: calls[0]!, themeId: 'tarieven', verdict: 'herkend' });
  await sendOk(f.socket, 'followup:answer', { sessionId, callId: calls[1]!, themeId: 'tarieven', verdict: 'deels', note: 'Alleen voor de zwaardere profielen' });
  await sendOk(f.socket, 'followup:card', { sessionId, callId: calls[0]!, id: uid(), columnId: better!.id, text: TEXTS.followUp });
});

afterAll(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}/api/studies/${f.studyId}/${path}`, { headers: { authorization: `Bearer ${f.key}` } });
const report = async () => (await (await get('report')).json()) as ReportModel;

describe('report files of a real session', () => {
  it('DOCX: findings with their verification, the providers called, the figures adding up, nobody named without consent', async () => {
    const response = await get('report.docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"$/);
    const docx = await openDocx(Buffer.from(await response.arrayBuffer()));
    const text = paragraphsOf(docx.document).map((p) => p.text).join('\n');
    expect(text).toContain('Tarieven volgen de kostprijs niet.');
    expect(text).toContain('bevestigd door 1 van 2 nagebelde aanbieders; 1 herkende het deels');
    expect(text).toContain('zijn 2 aanbieders nagebeld');
    expect(text).toContain(TEXTS.followUp);
    // The consenting participant's quote carries her organisation; the anonymous one and the one of
    // somebody who did not consent carry none.
    expect(text).toContain('Zorggroep Open');
    expect(text).toContain('Dirk Noembaar');
    checkFigureTables(tablesOf(docx.document), await report());
    // Nowhere in any part of the file (document, metadata, styles, ...).
    for (const file of Object.values(docx.zip.files)) {
      if (file.dir || file.name.startsWith('word/media/')) continue;
      const content = await file.async('string');
      for (const hidden of HIDDEN) expect(content, `${hidden} in ${file.name}`).not.toContain(hidden);
    }
    expect(docx.media.length).toBeGreaterThanOrEqual(3);
    // The poll, as a table that adds up, with its n, and its chart.
    expect(tablesOf(docx.document)).toContainEqual([['Antwoord', 'Aantal', '%'], ['Ja', '2', '67'], ['Nee', '1', '33']]);
    expect(text).toContain('Peiling in Werksessie Wlz');
    expect([...docx.document.matchAll(/<wp:docPr [^>]*title="([^"]+)"/g)].map((m) => m[1])).toContain('Is de procedure duidelijk?');
    // The anonymous quote of the consenting participant is not attributed to her organisation.
    const paragraphs = paragraphsOf(docx.document).map((p) => p.text);
    const anonymous = paragraphs.findIndex((p) => p.includes(TEXTS.anonymous) && !p.includes('('));
    expect(anonymous).toBeGreaterThan(-1);
    expect(paragraphs.slice(anonymous, anonymous + 2).join(' ')).toMatch(/deelnemer, Wlz/);
    expect(paragraphs.slice(anonymous, anonymous + 2).join(' ')).not.toContain('Zorggroep Open');
    const quotes = (await report()).domains[0]!.quotes;
    expect(quotes.find((q) => q.text === TEXTS.anonymous)?.attribution).toBe('deelnemer, Wlz');
    expect(quotes.find((q) => q.text === TEXTS.bob)?.attribution).toBe('deelnemer, Wlz');
    expect(quotes.find((q) => q.text === TEXTS.open)?.attribution).toBe('Zorggroep Open');
  });

  it('Markdown and CSV: the same cards, nobody named without consent, formula-safe', async () => {
    const markdown = await (await get('report.md')).text();
    expect(markdown).toContain('Tarieven volgen de kostprijs niet.');
    const csvResponse = await get('cards.csv');
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await csvResponse.text();
    const rows: Record<string, string>[] = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true, bom: true });
    expect(rows).toHaveLength(4);
    const byText = new Map(rows.map((r) => [r.tekst, r]));
    expect(byText.get(TEXTS.open)).toMatchObject({ thema: 'Tarieven en kostprijs', stemmen: '2', herkomst: 'sessie', toetsing: 'herkend 1, deels 1, niet herkend 0' });
    expect(byText.get(TEXTS.followUp)).toMatchObject({ herkomst: 'nabellen' });
    expect(byText.get(TEXTS.bob)).toMatchObject({ stemmen: '1' });
    for (const content of [markdown, csv, JSON.stringify(await report())]) {
      for (const hidden of HIDDEN) expect(content).not.toContain(hidden);
    }
  });

  it('CSV: header, theme names and values in Dutch by default and in English when asked', async () => {
    const read = async (path: string) => {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const [header, ...rows] = parse(await response.text(), { delimiter: ';', bom: true }) as string[][];
      return { header: header!, rows: rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!]))) };
    };
    const dutch = await read('cards.csv');
    expect(dutch.header).toEqual(['id', 'werksessie', 'domein', 'kolom', 'thema', 'stemmen', 'citaat', 'herkomst', 'toetsing', 'tekst']);
    expect(await read('cards.csv?lang=nl')).toEqual(dutch);
    const byDutchText = new Map(dutch.rows.map((r) => [r.tekst, r]));
    expect(byDutchText.get(TEXTS.open)).toMatchObject({ thema: 'Tarieven en kostprijs', citaat: 'ja' });
    expect(byDutchText.get(TEXTS.bob)).toMatchObject({ thema: 'Meerzorg en complexe zorg' });

    const english = await read('cards.csv?lang=en');
    expect(english.header).toEqual(['id', 'session', 'domain', 'column', 'theme', 'votes', 'quote', 'origin', 'verification', 'text']);
    const byText = new Map(english.rows.map((r) => [r.text, r]));
    expect(byText.get(TEXTS.open)).toMatchObject({ theme: 'Rates and cost price', votes: '2', quote: 'yes', origin: 'session' });
    expect(byText.get(TEXTS.bob)).toMatchObject({ theme: 'Additional and complex care' });
    expect(byText.get(TEXTS.followUp)).toMatchObject({ origin: 'follow-up call' });
    const cells = english.rows.flatMap((r) => [r.theme, r.origin, r.quote]).join('\n');
    for (const dutchWord of ['Tarieven en kostprijs', 'Meerzorg en complexe zorg', 'Overig', 'sessie', 'nabellen', 'ja', 'nee']) expect(cells).not.toContain(dutchWord);
    expect((await get('cards.csv?lang=de')).status).toBe(400);
  });

  it('of one session, in English', async () => {
    const docx = await openDocx(Buffer.from(await (await get(`report.docx?session=${f.session.id}&lang=en`)).arrayBuffer()));
    expect(textOf(docx.document)).toContain('confirmed by 1 of 2 providers called; 1 partly recognised it');
    expect((await get('report.docx?lang=fr')).status).toBe(400);
    expect((await fetch(`${server.url}/api/studies/${f.studyId}/report.docx`)).status).toBe(401);
  });
});
