import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_HEADERS } from '../../server/report/csv.ts';
import type { ReportModel } from '../../shared/domain/report/types.ts';
import { buildFullStudy, COVER, COVER_DATE_DUTCH, SESSIONS, STUDY_TITLE, type FullStudy, type SessionKey } from '../fixtures/full-study.ts';
import { openDocx, paragraphsOf, textOf, unnumbered, withoutContents, type DocxParagraph } from '../server/report/docx-xml.ts';
import { startServer, type TestServer } from '../server/helpers.ts';
import { docxToPdf, requireDocumentTools, strayLetters, type Pdf } from './pdf.ts';

/*
 * A whole evaluation, entered through the server as it would be used, rendered in every format,
 * and read back from the files themselves: the report data, the Markdown, the DOCX unzipped, the
 * PDF that LibreOffice makes of it (via pdftotext) and the cards CSV.
 */

const CHAPTERS = ['Inleiding', 'Wlz', 'Sociaal Domein', 'Forensische Zorg', 'Overkoepelende lessen', 'Peilingen en enquêtes', 'Cijfers', 'Bijlage: deelnemers'];

let server: TestServer;
let study: FullStudy;
let report: ReportModel;
let markdown: string;
let docx: { document: string; paragraphs: DocxParagraph[]; contents: string };
let csv: Buffer;
let pdf: Pdf;

beforeAll(async () => {
  requireDocumentTools();
  server = await startServer();
  study = await buildFullStudy(server.url);
  const get = async (path: string) => {
    const response = await fetch(`${server.url}/api/studies/${study.studyId}/${path}`, { headers: { authorization: `Bearer ${study.key}` } });
    expect(response.status, path).toBe(200);
    return response;
  };
  report = (await (await get('report')).json()) as ReportModel;
  markdown = await (await get('report.md')).text();
  // The bytes: `text()` would drop the byte order mark that Excel needs.
  csv = Buffer.from(await (await get('cards.csv')).arrayBuffer());
  const file = Buffer.from(await (await get('report.docx')).arrayBuffer());
  const opened = await openDocx(file);
  docx = {
    document: opened.document,
    paragraphs: paragraphsOf(withoutContents(opened.document)),
    contents: [...opened.document.matchAll(/<w:sdt>[\s\S]*?<\/w:sdt>/g)].map((m) => textOf(m[0])).join('\n'),
  };
  pdf = await docxToPdf(file);
}, 240_000);
afterAll(() => server?.close());

// ---- reading the files ----------------------------------------------------------------------

/** Every card of a session: those of the session itself, then those added from its calls. */
const liveCards = (key: SessionKey) => [
  ...SESSIONS[key].cards.map((card) => ({ ...card, fromCall: false })),
  ...SESSIONS[key].calls.flatMap((call) => (call.cards ?? []).map((card) => ({ ...card, votes: 0, quote: false, anonymous: false, fromCall: true }))),
];
const allCards = () => (Object.keys(SESSIONS) as SessionKey[]).flatMap((key) => liveCards(key).map((card) => ({ ...card, key })));
/** What the documents print of a text in the editor's format: paragraphs and list items, without the bold marks. */
const printedParts = (text: string) => text.split(/\n\s*\n/).flatMap((chunk) => (chunk.startsWith('- ') ? chunk.split('\n').map((l) => l.slice(2)) : [chunk])).map((p) => p.replace(/\*\*/g, ''));
const firstSentence = (text: string) => /^[^.!?]*[.!?]/.exec(text.replace(/\*\*/g, ''))![0];
const squash = (text: string) => text.replace(/\s+/g, '');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** The Markdown from a heading to the next one of its level or higher. */
function mdSection(text: string, heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = text.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + heading.length + 1);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end === -1 ? rest : rest.slice(0, end);
}
const mdHeadings = (depth: number) => [...markdown.matchAll(new RegExp(`^${'#'.repeat(depth)} (.+)$`, 'gm'))].map((m) => m[1]!);

const isHeading = (p: DocxParagraph, level?: number) => (level === undefined ? /^Heading\d$/.test(p.style ?? '') : p.style === `Heading${level}`);
const docxHeadings = (level: number) => docx.paragraphs.filter((p) => isHeading(p, level)).map((p) => unnumbered(p.text));
/** The DOCX paragraphs of a chapter (Heading 1), or of one section (Heading 2) in it, up to the next heading of that level or higher. */
function docxSection(chapter: string, section?: string): DocxParagraph[] {
  const ps = docx.paragraphs;
  let start = ps.findIndex((p) => isHeading(p, 1) && unnumbered(p.text) === chapter);
  expect(start, chapter).toBeGreaterThanOrEqual(0);
  if (section !== undefined) {
    start = ps.findIndex((p, i) => i > start && isHeading(p, 2) && unnumbered(p.text) === section);
    expect(start, `${chapter} / ${section}`).toBeGreaterThanOrEqual(0);
  }
  const stop = ps.findIndex((p, i) => i > start && (isHeading(p, 1) || (section !== undefined && isHeading(p, 2))));
  return ps.slice(start + 1, stop === -1 ? undefined : stop);
}

/** Page text without the running header (the title) and footer ("Pagina 3 van 12"). */
const withoutFrame = (page: string) =>
  page
    .split('\n')
    .filter((line) => line.trim() !== STUDY_TITLE && !/^\s*Pagina \d+ van \d+\s*$/.test(line))
    .join('\n');
/** The PDF after the contents: the first page that opens chapter 1. */
const bodyPages = () => {
  const first = pdf.pages.findIndex((page, i) => i > 0 && /^\s*1\s+Inleiding\s*$/m.test(page));
  expect(first).toBeGreaterThan(1);
  return pdf.pages.slice(first).map(withoutFrame).join('\n');
};
/** The PDF text of chapter `n` (its numbered heading line up to the next chapter's). */
function pdfChapter(n: number): string {
  const body = bodyPages();
  const start = body.search(new RegExp(`^\\s*${n}\\s+${escape(CHAPTERS[n - 1]!)}\\s*$`, 'm'));
  const next = n < CHAPTERS.length ? body.search(new RegExp(`^\\s*${n + 1}\\s+${escape(CHAPTERS[n]!)}\\s*$`, 'm')) : body.length;
  expect([start, next].every((at) => at >= 0), `chapter ${n}`).toBe(true);
  return body.slice(start, next);
}
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where an edited section stands: under which chapter heading, and which section heading (none: the chapter is the section). */
function placeOf(key: string): { chapter: string; section: string | null } {
  const { outline } = report;
  if (key === 'lessons') return { chapter: outline.lessons.title, section: null };
  const intro = outline.introduction.find((s) => s.key === key);
  if (intro) return { chapter: 'Inleiding', section: intro.title };
  const chapter = outline.chapters.find((c) => c.sections.some((s) => s.key === key))!;
  return { chapter: chapter.title, section: chapter.sections.find((s) => s.key === key)!.title };
}

// ---- the checks -------------------------------------------------------------------------------

describe('the full study, as entered', () => {
  it('holds four sessions, every card, the calls, the polls and the survey', () => {
    expect(report.introduction.method.sessions.map((s) => [s.title, s.mode, s.domains])).toEqual(
      (['wlz', 'wmo', 'jeugd', 'fz'] as const).map((key) => [SESSIONS[key].title, SESSIONS[key].mode, [SESSIONS[key].domain]]),
    );
    expect(report.cards).toHaveLength(allCards().length);
    expect(report.cards.length).toBeGreaterThanOrEqual(60);
    expect(report.introduction.method.providersVerified).toBe(13);
    expect(report.figureBlocks.filter((b) => b.source.kind === 'poll')).toHaveLength(5);
    const survey = report.figureBlocks.filter((b) => b.source.kind === 'survey');
    expect(survey.map((b) => b.figures.kind === 'choice' && b.figures.n)).toEqual(expect.arrayContaining([207]));
    expect(report.outline).toMatchObject({ customChapters: true, editable: true, quoteStyle: 'single', cover: { ...COVER, title: STUDY_TITLE } });
    expect(report.outline.chapters.map((c) => [c.title, c.domains])).toEqual([['Wlz', ['Wlz']], ['Sociaal Domein', ['Wmo', 'Jeugdwet']], ['Forensische Zorg', ['Forensische Zorg']]]);
  });

  it('names no one in a quote who wrote anonymously', () => {
    const anonymous = allCards().filter((c) => c.quote && c.anonymous);
    expect(anonymous.length).toBeGreaterThanOrEqual(2);
    for (const card of anonymous) {
      const quote = report.outline.quotes.find((q) => q.text === card.text)!;
      expect(quote.attribution, card.text).toBe(`deelnemer, ${SESSIONS[card.key].domain}`);
    }
  });
});

describe('the cover', () => {
  it('has the title, the client, the author and the date in Dutch, in every format', () => {
    const lead = [`In opdracht van ${COVER.client}`, `Auteur: ${COVER.author}`, COVER_DATE_DUTCH];
    expect(markdown.startsWith(`# ${STUDY_TITLE}\n\n${lead.join('\n\n')}\n`)).toBe(true);

    const title = docx.paragraphs.findIndex((p) => p.style === 'Title');
    expect(docx.paragraphs[title]!.text).toBe(STUDY_TITLE);
    expect(docx.paragraphs.slice(title + 1, title + 5).map((p) => p.text)).toEqual(['Rapportage werksessies', ...lead]);

    const cover = pdf.pages[0]!;
    for (const line of [STUDY_TITLE, 'Rapportage werksessies', ...lead]) expect(cover).toMatch(new RegExp(`^\\s*${escape(line)}\\s*$`, 'm'));
    expect(cover).not.toMatch(/Pagina \d/);
    expect(cover).not.toContain('Inleiding');
  });
});

describe('contents and page numbers', () => {
  it('lists every chapter with the page it starts on', () => {
    expect(docx.paragraphs.find((p) => p.style === 'ContentsHeading')?.text).toBe('Inhoud');
    for (const chapter of CHAPTERS) expect(docx.contents, chapter).toContain(chapter);
    const bodyStart = pdf.pages.findIndex((page, i) => i > 0 && /^\s*1\s+Inleiding\s*$/m.test(page));
    const contents = pdf.pages.slice(1, bodyStart).join('\n');
    expect(contents).toContain('Inhoud');
    CHAPTERS.forEach((title, i) => {
      const entry = new RegExp(`^\\s*${i + 1}\\s+${escape(title)}[ .]*?(\\d+)\\s*$`, 'm').exec(contents);
      expect(entry, `contents entry of ${title}`).not.toBeNull();
      expect(pdf.pages[Number(entry![1]) - 1], `${title} on page ${entry![1]}`).toMatch(new RegExp(`^\\s*${i + 1}\\s+${escape(title)}\\s*$`, 'm'));
    });
  });

  it('numbers every page after the cover, "Pagina N van M"', () => {
    const total = pdf.pages.length;
    expect(total).toBeGreaterThanOrEqual(15);
    pdf.pages.slice(1).forEach((page, i) => expect(page, `page ${i + 2}`).toMatch(new RegExp(`^\\s*Pagina ${i + 2} van ${total}\\s*$`, 'm')));
  });
});

describe('chapters', () => {
  it('run Inleiding, Wlz, Sociaal Domein, Forensische Zorg, the lessons and the rest, the same in Markdown, DOCX and PDF', () => {
    expect(mdHeadings(2)).toEqual(CHAPTERS);
    expect(docxHeadings(1)).toEqual(CHAPTERS);
    expect(docxHeadings(2)).toEqual(mdHeadings(3));
    const body = bodyPages();
    let from = 0;
    CHAPTERS.forEach((title, i) => {
      const at = body.slice(from).search(new RegExp(`^\\s*${i + 1}\\s+${escape(title)}\\s*$`, 'm'));
      expect(at, `chapter ${i + 1} ${title}`).toBeGreaterThanOrEqual(0);
      from += at + 1;
    });
  });

  it('put the cards of Wmo and of Jeugdwet both under Sociaal Domein, and no other card there', () => {
    const social = allCards().filter((c) => (c.key === 'wmo' || c.key === 'jeugd') && !c.quote);
    const others = allCards().filter((c) => c.key === 'wlz' || c.key === 'fz');
    expect(social.some((c) => c.key === 'wmo') && social.some((c) => c.key === 'jeugd')).toBe(true);
    expect(mdHeadings(2)).not.toContain('Wmo');
    expect(mdHeadings(2)).not.toContain('Jeugdwet');

    const md = mdSection(markdown, '## Sociaal Domein');
    const word = docxSection('Sociaal Domein').map((p) => p.text).join('\n');
    const printed = squash(pdfChapter(3));
    for (const card of social) {
      expect(md, card.text).toContain(card.text);
      expect(word, card.text).toContain(card.text);
      expect(printed, card.text).toContain(squash(card.text));
    }
    for (const card of others) {
      expect(md, card.text).not.toContain(card.text);
      expect(word, card.text).not.toContain(card.text);
    }
    for (const card of social) expect(mdSection(markdown, '## Wlz') + mdSection(markdown, '## Forensische Zorg'), card.text).not.toContain(card.text);
  });
});

describe('edited sections', () => {
  it('appear exactly as the analyst wrote them, where they belong, and their drafts nowhere', () => {
    expect(study.edits).toHaveLength(4);
    const wordText = docx.paragraphs.map((p) => p.text).join('\n');
    const pdfText = squash(bodyPages());
    for (const edit of study.edits) {
      const { chapter, section } = placeOf(edit.key);
      // Markdown: the editor's format is Markdown, so the text stands there as typed.
      const md = section ? mdSection(mdSection(markdown, `## ${chapter}`), `### ${section}`) : mdSection(markdown, `## ${chapter}`);
      expect(md, edit.key).toContain(edit.text);
      // DOCX: each paragraph and list item as a paragraph of its own, in order.
      const paragraphs = docxSection(chapter, section ?? undefined).map((p) => p.text);
      const parts = printedParts(edit.text);
      const at = parts.map((part) => paragraphs.indexOf(part));
      expect(at.every((i) => i >= 0), `${edit.key}: ${JSON.stringify(parts)} in ${JSON.stringify(paragraphs)}`).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // PDF: the same words in the same order (line breaks aside).
      for (const part of parts) expect(pdfText, part).toContain(squash(part));

      const draft = firstSentence(edit.draftText);
      expect(draft.length, edit.key).toBeGreaterThan(20);
      expect(markdown, draft).not.toContain(draft);
      expect(wordText, draft).not.toContain(draft);
      expect(pdfText, draft).not.toContain(squash(draft));
    }
  });

  it('keep the bold lead sentence bold in the DOCX', () => {
    const lead = /^\*\*(.+?)\*\*/.exec(study.edits.find((e) => e.key.endsWith('.picture'))!.text)![1]!;
    expect(docx.document).toMatch(new RegExp(`<w:r><w:rPr><w:b/>(?:<w:bCs/>)?</w:rPr><w:t(?: [^>]*)?>${escape(lead)}</w:t></w:r>`));
  });
});

describe('quotes', () => {
  it('stand once each, in ‘…’, and the moved quote at the end of the Wlz general picture', () => {
    const { text } = study.movedQuote;
    expect(report.outline.quotes.filter((q) => q.moved).map((q) => q.key)).toEqual([study.movedQuote.key]);
    const wordText = docx.paragraphs.map((p) => p.text).join('\n');
    const pdfText = squash(bodyPages());
    for (const quote of report.outline.quotes) {
      expect(count(markdown, quote.text), quote.text).toBe(1);
      expect(markdown).toContain(`> ‘${quote.text}’`);
      expect(count(wordText, quote.text), quote.text).toBe(1);
      expect(docx.paragraphs.find((p) => p.text.includes(quote.text))).toMatchObject({ style: 'Quote', text: `‘${quote.text}’\n— ${quote.attribution}` });
      expect(count(pdfText, squash(`‘${quote.text}’`)), quote.text).toBe(1);
      expect(markdown + wordText).not.toContain(`“${quote.text}”`);
    }

    const picture = mdSection(mdSection(markdown, '## Wlz'), '### Algemeen beeld');
    expect(picture.trimEnd().endsWith(`> ‘${text}’\\\n> — Stichting De Linde`)).toBe(true);
    expect(mdSection(mdSection(markdown, '## Wlz'), '### Wat ging niet goed')).not.toContain(text);
    const section = docxSection('Wlz', 'Algemeen beeld');
    expect(section.at(-1)).toMatchObject({ style: 'Quote', text: `‘${text}’\n— Stichting De Linde` });
    const wlz = squash(pdfChapter(2));
    const editedEnd = squash(printedParts(study.edits.find((e) => e.key.endsWith('.picture'))!.text).at(-1)!);
    expect(wlz.indexOf(editedEnd)).toBeLessThan(wlz.indexOf(squash(`‘${text}’`)));
    expect(wlz.indexOf(squash(`‘${text}’`))).toBeLessThan(wlz.indexOf('2.2Watginggoed'));
  });
});

describe('the PDF print', () => {
  it('has no line in a table holding a single letter of a word', () => {
    expect(strayLetters(pdf.pages)).toEqual([]);
  });

  it('shows no interface labels', () => {
    const text = pdf.pages.join('\n') + markdown;
    for (const label of ['Zonder thema', 'Naar Domein', 'Gegenereerd op', 'dit jaar']) expect(text, label).not.toContain(label);
  });
});

describe('the cards CSV', () => {
  it('has every card once, with its session, domain, column, votes, quote and origin', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    let header: string[] = [];
    // The Dutch header row, read as the columns' keys.
    const rows = parse(csv.toString('utf8'), { bom: true, delimiter: ';', columns: (names: string[]) => ((header = names), [...CSV_COLUMNS]) }) as Record<(typeof CSV_COLUMNS)[number], string>[];
    expect(header).toEqual(CSV_COLUMNS.map((c) => CSV_HEADERS.nl[c]));
    expect(rows).toHaveLength(allCards().length);
    for (const card of allCards()) {
      const found = rows.filter((r) => r.text === card.text);
      expect(found, card.text).toHaveLength(1);
      expect(found[0]).toMatchObject({ session: SESSIONS[card.key].title, domain: SESSIONS[card.key].domain, column: card.column === 'goed' ? 'Wat ging er goed?' : 'Wat kan beter?', quote: card.quote ? 'ja' : 'nee' });
      expect(found[0]!.origin, card.text).toBe(card.fromCall ? 'nabellen' : 'sessie');
      expect(Number(found[0]!.votes), card.text).toBe(card.votes);
    }
    expect(rows.filter((r) => r.verification !== '').length).toBeGreaterThan(20);
  });
});
