import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../server/report/docx.ts';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import { AWKWARD_TEXT, englishReportModel, FORMULA_TEXTS, MARKUP_TEXT, reportModel, UNNAMED_PERSON } from '../../fixtures/report-model.ts';
import { openDocx, paragraphsOf, PNG_SIGNATURE, tablesOf, unnumbered, withoutContents, type DocxParagraph } from './docx-xml.ts';
import { asRendered, checkAppendix, checkFigureTables, DUTCH_OUTLINE } from './report-checks.ts';

const HEADING_STYLES = { 1: 'Title', 2: 'Heading1', 3: 'Heading2', 4: 'Heading3' } as const;
const isHeading = (p: DocxParagraph) => p.style === 'Title' || /^Heading\d$/.test(p.style ?? '');

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

  it('holds every card of each domain with its theme and votes', () => {
    for (const section of reportModel.domains) {
      for (const card of [...section.wentWell, ...section.toImprove]) {
        const line = docx.paragraphs.find((p) => p.text.startsWith(asRendered(card.text)));
        expect(line?.text, card.text).toContain(card.themeLabel);
        expect(line?.text).toContain(`${card.votes} ${card.votes === 1 ? 'stem' : 'stemmen'}`);
      }
    }
    expect(docx.text).toContain('Beslistermijn meerzorg is onduidelijk (Meerzorg; 3 stemmen; uit het nabellen)');
  });

  it('lists each finding with how the follow-up calls received it', () => {
    for (const finding of reportModel.domains.flatMap((section) => section.improvements)) {
      const at = docx.paragraphs.findIndex((p) => p.text === `${finding.label}: ${finding.finding}`);
      expect(at, finding.finding).toBeGreaterThan(0);
      const verification = docx.paragraphs[at + 1]!.text;
      if (finding.verification.summary) expect(verification).toContain(finding.verification.summary);
      else expect(verification).toBe('Niet voorgelegd bij het nabellen.');
    }
    expect(docx.text).toContain('bevestigd door 1 van 2 nagebelde aanbieders (herkend 1, deels 0, niet herkend 1)');
  });

  it('sets quotes in the Quote style with their attribution', () => {
    const quotes = docx.paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text);
    expect(quotes).toEqual(reportModel.domains.flatMap((s) => s.quotes.map((q) => `“${q.text}”\n— ${q.attribution}`)));
    expect(docx.styles).toContain('w:styleId="Quote"');
  });

  it('names the cross-cutting lessons with their findings', () => {
    expect(docx.text).toContain('Tarieven — speelt in Wlz, Wmo (7 kaarten, 18 stemmen)');
    for (const finding of reportModel.lessons.flatMap((lesson) => lesson.findings)) expect(docx.text).toContain(finding);
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
    expect(headings).toEqual(expect.arrayContaining(['Introduction', 'What went well', 'Concrete improvements', 'Cross-cutting lessons', 'Figures', 'Appendix: participants']));
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
    };
    const result = await render(empty);
    expect(result.media).toHaveLength(0);
    expect(result.text).toContain('Geen gegevens.');
    expect(result.text).toContain('Geen thema’s die in meer dan één domein terugkomen.');
  });
});
