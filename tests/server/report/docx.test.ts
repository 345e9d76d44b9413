import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../server/report/docx.ts';
import type { OutlineSection } from '../../../shared/domain/report/outline/types.ts';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import { AWKWARD_TEXT, englishReportModel, FORMULA_TEXTS, MARKUP_TEXT, reportModel, reportOutline, UNNAMED_PERSON } from '../../fixtures/report-model.ts';
import { openDocx, paragraphsOf, PNG_SIGNATURE, tablesOf, unnumbered, withoutContents, type DocxParagraph } from './docx-xml.ts';
import { asRendered, checkAppendix, checkFigureTables, DUTCH_OUTLINE } from './report-checks.ts';

const HEADING_STYLES = { 1: 'Title', 2: 'Heading1', 3: 'Heading2', 4: 'Heading3' } as const;
const isHeading = (p: DocxParagraph) => p.style === 'Title' || /^Heading\d$/.test(p.style ?? '');

/** The paragraphs a section should print: its paragraphs (sentences joined by a space), card lines and quotes. */
const expectedLines = (section: OutlineSection): string[] =>
  section.blocks.flatMap((block) =>
    block.kind === 'paragraph' ? [block.sentences.map((s) => asRendered(s.text)).join(' ')] : block.kind === 'list' ? block.items.map((s) => asRendered(s.text)) : [`“${block.text}”\n— ${block.attribution}`],
  );
const xmlEscaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function render(report: ReportModel) {
  const docx = await openDocx(await renderDocx(report));
  const paragraphs = paragraphsOf(docx.document);
  return { ...docx, paragraphs, text: paragraphs.map((p) => p.text).join('\n') };
}

describe('renderDocx', () => {
  let docx: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    docx = await render(reportModel);
  });

  it('is an A4 document with the title and creator in its properties', () => {
    expect(docx.core).toContain('<dc:title>Evaluatie zorginkoop 2025</dc:title>');
    expect(docx.core).toContain('<dc:creator>Werksessie</dc:creator>');
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('puts the title in the Title style and the sections in Heading 1 and 2, in order', () => {
    const headings = docx.paragraphs.filter(isHeading).map((p) => [p.style, unnumbered(p.text)]);
    expect(headings).toEqual(DUTCH_OUTLINE.map(([level, text]) => [HEADING_STYLES[level], text]));
    expect(docx.styles).toContain('w:styleId="Heading1"');
    expect(docx.styles).toContain('w:styleId="Heading2"');
  });

  it('tells how the sessions went and how many providers were called', () => {
    expect(docx.text).toContain('Er zijn 2 werksessies gehouden, 1 fysiek en 1 digitaal, met in totaal 16 deelnemers.');
    expect(docx.text).toContain('zijn 5 aanbieders nagebeld');
    for (const question of reportModel.introduction.questions) expect(docx.text).toContain(question);
  });

  it('numbers the chapters and their sections', () => {
    const headings = docx.paragraphs.filter((p) => p.style === 'Heading1' || p.style === 'Heading2').map((p) => p.text);
    const wlz = headings.indexOf('2\tWlz');
    expect(headings.slice(wlz, wlz + 6)).toEqual(['2\tWlz', '2.1\tAlgemeen beeld', '2.2\tWat ging goed', '2.3\tWat ging niet goed', '2.4\tConcrete verbeterpunten', '3\tWmo']);
    expect(headings).toContain('4\tOverkoepelende lessen');
  });

  it('prints every section of every chapter under its heading, as the outline has it', () => {
    for (const [c, chapter] of reportOutline.chapters.entries()) {
      const from = docx.paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === `${c + 2}\t${chapter.title}`);
      const to = docx.paragraphs.findIndex((p, i) => i > from && p.style === 'Heading1');
      const inChapter = docx.paragraphs.slice(from + 1, to);
      for (const section of chapter.sections.filter((s) => s.blocks.length > 0)) {
        const at = inChapter.findIndex((p) => p.style === 'Heading2' && unnumbered(p.text) === section.title);
        const end = inChapter.findIndex((p, i) => i > at && isHeading(p));
        expect(at, `${chapter.title}: ${section.title}`).toBeGreaterThanOrEqual(0);
        expect(inChapter.slice(at + 1, end === -1 ? undefined : end).map((p) => p.text), `${chapter.title}: ${section.title}`).toEqual(expectedLines(section));
      }
    }
    // The analyst's own text for the Wmo's general picture.
    const picture = docx.paragraphs.findIndex((p) => p.text === '3.1\tAlgemeen beeld');
    expect(docx.paragraphs[picture + 1]!.text).toBe('Zelf geschreven beeld van de Wmo door de analist.');
  });

  it('sets every card line as a list item, with its votes', () => {
    const items = docx.paragraphs.filter((p) => p.style === 'ListParagraph').map((p) => p.text);
    for (const section of reportModel.domains) {
      for (const card of [...section.wentWell, ...section.toImprove].filter((c) => !reportOutline.quotes.some((q) => q.text === c.text))) {
        expect(items.find((line) => line.startsWith(asRendered(card.text))), card.text).toBe(`${asRendered(card.text)} (${card.votes} ${card.votes === 1 ? 'stem' : 'stemmen'}${card.fromFollowUp ? '; uit het nabellen' : ''})`);
      }
    }
    expect(items).toContain('Beslistermijn meerzorg is onduidelijk (3 stemmen; uit het nabellen)');
  });

  it('leads each improvement with its finding in bold, and says how the calls received it', () => {
    for (const finding of reportModel.domains.flatMap((section) => section.improvements)) {
      const line = docx.paragraphs.find((p) => p.text.startsWith(finding.finding));
      expect(line, finding.finding).toBeDefined();
      const { asked, herkend } = finding.verification;
      if (asked > 0) expect(line!.text).toContain(`Bij het nabellen is dit bevestigd door ${herkend} van ${asked} nagebelde`);
      else expect(line!.text).not.toContain('nabellen');
    }
    // The lead sentences are bold runs of their own.
    const leads = reportOutline.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' && b.sentences[0]!.bold ? [b.sentences[0]!.text] : []))));
    expect(leads.length).toBeGreaterThan(10);
    for (const lead of leads) expect(docx.document, lead).toContain(`<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">${xmlEscaped(lead)}</w:t>`);
  });

  it('sets quotes in the Quote style with their attribution, each once, beside its theme', async () => {
    const quotes = docx.paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text);
    expect(quotes).toEqual(['“De tarieven dekken de loonkosten niet”\n— Zorggroep De Linde', '“Gemeenten organiseerden een goede marktconsultatie”\n— deelnemer, Wmo']);
    const at = docx.paragraphs.findIndex((p) => p.style === 'Quote');
    expect(docx.paragraphs[at - 1]!.text).toMatch(/^Over tarieven is het beeld gemengd\./);
    expect(docx.styles).toContain('w:styleId="Quote"');
    const single = await render({ ...reportModel, outline: { ...reportOutline, quoteStyle: 'single' } });
    expect(single.paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text)).toEqual(['‘De tarieven dekken de loonkosten niet’\n— Zorggroep De Linde', '‘Gemeenten organiseerden een goede marktconsultatie’\n— deelnemer, Wmo']);
  });

  it('names the cross-cutting lessons with their evidence and findings', () => {
    const at = docx.paragraphs.findIndex((p) => p.text === '4\tOverkoepelende lessen');
    expect(docx.paragraphs.slice(at + 1, at + 3).map((p) => p.text)).toEqual(expectedLines(reportOutline.lessons));
    expect(docx.text).toContain('Tarieven speelt in Wlz en Wmo, met een wisselend beeld. Samen 7 kaarten en 18 stemmen');
    for (const finding of reportModel.lessons.flatMap((lesson) => lesson.findings)) expect(docx.text).toContain(finding.replace(/[.!?]+$/, ''));
  });

  it('shows the figures in tables that add up to the model', () => {
    checkFigureTables(tablesOf(docx.document), reportModel);
  });

  it('embeds the three charts and those of the poll and survey questions as PNG images under their headings', () => {
    expect(docx.media).toHaveLength(5);
    for (const image of docx.media) {
      expect(image.name).toMatch(/^word\/media\/.+\.png$/);
      expect(image.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(image.data.length).toBeGreaterThan(5000);
    }
    expect(docx.document.match(/<a:blip r:embed=/g)).toHaveLength(5);
    const chartTitles = [...docx.document.matchAll(/<wp:docPr [^>]*title="([^"]+)"/g)].map((m) => m[1]);
    // The number question has a table only.
    expect(chartTitles).toEqual([
      'Zijn de tarieven kostendekkend?',
      'Hoe tevreden bent u over het contact met de inkoper?',
      'Stemmen per thema',
      'Kaarten per thema en domein',
      'Ging goed en kan beter per domein',
    ]);
  });

  it('counts the participants of each session and of the calls, naming only who consented', () => {
    const linesUnder = (heading: string) => {
      const at = docx.paragraphs.findIndex((p) => isHeading(p) && unnumbered(p.text) === heading);
      const end = docx.paragraphs.findIndex((p, i) => i > at && isHeading(p));
      return docx.paragraphs.slice(at + 1, end === -1 ? undefined : end).map((p) => p.text);
    };
    checkAppendix(linesUnder, reportModel);
  });

  it('never prints a person who did not consent to be named', async () => {
    for (const file of Object.values(docx.zip.files)) {
      if (file.dir || file.name.startsWith('word/media/')) continue;
      expect(await file.async('string'), file.name).not.toContain(UNNAMED_PERSON);
    }
  });

  it('writes card text as literal text, never as a field, markup or a control character', () => {
    // The only fields are the table of contents' own (its entries link to the headings).
    expect(docx.document).toContain('TOC \\');
    expect(withoutContents(docx.document)).not.toMatch(/w:fldSimple|w:instrText|w:fldChar|w:hyperlink/);
    for (const hostile of [...FORMULA_TEXTS, MARKUP_TEXT, AWKWARD_TEXT]) expect(docx.text).toContain(asRendered(hostile));
    expect(docx.document).not.toContain('<script>');
    expect(docx.document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('writes English headings and metadata for an English report', async () => {
    const english = await render({ ...englishReportModel, scope: { kind: 'session', sessionId: 's-wlz', sessionTitle: 'Werksessie Wlz' } });
    const headings = english.paragraphs.filter(isHeading).map((p) => unnumbered(p.text));
    expect(headings).toEqual(
      expect.arrayContaining(['Introduction', 'Background', 'Method', 'Overall picture', 'What went well', 'What did not go well', 'Concrete improvements', 'Cross-cutting lessons', 'Figures', 'Appendix: participants']),
    );
    for (const dutch of ['Aanleiding', 'Wat ging goed', 'Wat ging niet goed', 'Concrete verbeterpunten', 'Overkoepelende lessen', 'Bijlage: deelnemers']) expect(headings).not.toContain(dutch);
    expect(english.text).toContain('Commissioned by Branchevereniging Zorg');
    expect(english.text).toContain('Afterwards 5 providers were called to verify the outcomes.');
    expect(english.core).toContain('<dc:description>Report of workshop Werksessie Wlz</dc:description>');
    expect(english.styles).toContain('w:val="en-GB"');
  });

  it('still renders a report without cards, leaving out the empty charts', async () => {
    const empty: ReportModel = {
      ...reportModel,
      domains: [],
      lessons: [],
      cards: [],
      figures: { votesPerTheme: [], matrix: { domains: [], rows: [] }, balance: [] },
      figureBlocks: [],
      outline: { ...reportOutline, chapters: [], quotes: [], domains: [], lessons: { ...reportOutline.lessons, blocks: [] } },
    };
    const result = await render(empty);
    expect(result.media).toHaveLength(0);
    expect(result.text).toContain('Geen gegevens.');
    expect(result.text).toContain('Geen thema’s die in meer dan één domein terugkomen.');
  });
});
