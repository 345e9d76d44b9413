import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, reportTree } from '../../../shared/domain/report/markdown.ts';
import type { OutlineBlock, OutlineSection } from '../../../shared/domain/report/outline/types.ts';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import { AWKWARD_TEXT, englishReportModel, FORMULA_TEXTS, MARKUP_TEXT, reportModel, reportOutline, UNNAMED_PERSON } from '../../fixtures/report-model.ts';
import { asRendered, checkAppendix, checkFigureTables, DUTCH_OUTLINE } from './report-checks.ts';

const markdown = renderMarkdown(reportModel);
/** The Markdown as a reader (a Markdown renderer) sees it. */
const parsed: Root = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function allNodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap(allNodes) : [])];
}

const headings = parsed.children.filter((node) => node.type === 'heading').map((node) => [node.depth, textOf(node)]);

const lineTexts = (nodes: RootContent[]): string[] =>
  nodes.flatMap((node) => (node.type === 'list' ? node.children.map((item) => textOf(item.children[0]!)) : [textOf(node)]));

/** Paragraph texts and list item texts under a heading, up to the next heading; `within` a chapter (a level-2 heading) when given. */
function linesUnder(heading: string, within?: string): string[] {
  const nodes = parsed.children;
  const from = within === undefined ? -1 : nodes.findIndex((node) => node.type === 'heading' && node.depth === 2 && textOf(node) === within);
  const at = nodes.findIndex((node, i) => i > from && node.type === 'heading' && textOf(node) === heading);
  if (at === -1) throw new Error(`no heading ${heading}${within ? ` in ${within}` : ''}`);
  const end = nodes.findIndex((node, i) => i > at && node.type === 'heading');
  return lineTexts(nodes.slice(at + 1, end === -1 ? undefined : end));
}

/** What a reader should see of an outline section: its paragraphs, card lines and quotes, in order. */
function expectedLines(section: OutlineSection): string[] {
  return section.blocks.flatMap((block: OutlineBlock) => {
    if (block.kind === 'paragraph') return [block.sentences.map((s) => asRendered(s.text)).join(' ')];
    if (block.kind === 'list') return block.items.map((s) => asRendered(s.text));
    return [`“${block.text}”\n— ${block.attribution}`];
  });
}

describe('renderMarkdown', () => {
  it('has the structure of an evaluation report', () => {
    expect(headings).toEqual(DUTCH_OUTLINE);
    // The cover lines under the title: client, author, the report's own date.
    expect(markdown.startsWith('# Evaluatie zorginkoop 2025\n\nIn opdracht van Branchevereniging Zorg\n\nAuteur: Bureau Evaluatie\n\n15 december 2025\n\n## Inleiding\n')).toBe(true);
  });

  it('tells why, for whom and how the evaluation was done', () => {
    expect(linesUnder('Aanleiding')).toEqual([reportModel.introduction.purpose]);
    expect(linesUnder('Opdrachtgever')).toEqual(['Deze evaluatie is uitgevoerd in opdracht van Branchevereniging Zorg.']);
    expect(linesUnder('Centrale vragen')).toEqual(reportModel.introduction.questions);
    expect(linesUnder('Werkwijze')[0]).toBe(
      'Er zijn 2 werksessies gehouden, 1 fysiek en 1 digitaal, met in totaal 16 deelnemers. Na afloop zijn 5 aanbieders nagebeld om de uitkomsten te toetsen.',
    );
  });

  it('prints every section of every chapter under its heading, as the outline has it', () => {
    for (const chapter of reportOutline.chapters) {
      for (const section of chapter.sections.filter((s) => s.blocks.length > 0)) {
        expect(linesUnder(section.title, chapter.title), `${chapter.title}: ${section.title}`).toEqual(expectedLines(section));
      }
    }
    // The analyst's own text, where the Wmo's general picture was edited.
    expect(linesUnder('Algemeen beeld', 'Wmo')).toEqual(['Zelf geschreven beeld van de Wmo door de analist.']);
    expect(linesUnder('Wat ging niet goed', 'Wlz')).toContain('Beslistermijn meerzorg is onduidelijk (3 stemmen; uit het nabellen)');
  });

  it('leaves out the sections that hold nothing', () => {
    // No differences within one domain, no quotes moved to the quotes section.
    expect(markdown).not.toContain('### Verschillen');
    expect(markdown).not.toContain('### Citaten');
    const emptied: ReportModel = {
      ...reportModel,
      outline: { ...reportOutline, chapters: reportOutline.chapters.map((c) => ({ ...c, sections: c.sections.map((s) => (s.part === 'picture' ? { ...s, blocks: [] } : s)) })) },
    };
    expect(renderMarkdown(emptied)).not.toContain('### Algemeen beeld');
  });

  it('sets the lead sentences in bold, a finding leading its improvement', () => {
    const strongTexts = allNodes(parsed).filter((node) => node.type === 'strong').map(textOf);
    for (const section of reportOutline.chapters.flatMap((c) => c.sections)) {
      for (const block of section.blocks) {
        if (block.kind === 'paragraph' && block.sentences[0]!.bold) expect(strongTexts, section.key).toContain(block.sentences[0]!.text);
      }
    }
    for (const finding of reportModel.domains.flatMap((d) => d.improvements)) expect(strongTexts).toContain(finding.finding);
    expect(markdown).toContain('**Tarieven sluiten niet aan op de loonontwikkeling; aanbieders vragen om een tussentijdse indexatie.** Dit verbeterpunt rust op 1 kaart');
    expect(linesUnder('Concrete verbeterpunten', 'Wlz')[0]).toContain('Bij het nabellen is dit bevestigd door 2 van 3 nagebelde aanbieders; 1 herkende het deels.');
  });

  it('holds every card of each domain and every finding', () => {
    const text = textOf(parsed);
    for (const section of reportModel.domains) {
      for (const card of [...section.wentWell, ...section.toImprove]) expect(text).toContain(asRendered(card.text));
      for (const finding of section.improvements) expect(text).toContain(finding.finding);
    }
  });

  it('sets each quote once, beside its theme, in the study’s house style', () => {
    const quotes = (tree: Root) => tree.children.filter((node) => node.type === 'blockquote').map(textOf);
    expect(quotes(parsed)).toEqual(['“De tarieven dekken de loonkosten niet”\n— Zorggroep De Linde', '“Gemeenten organiseerden een goede marktconsultatie”\n— deelnemer, Wmo']);
    // Right after the paragraph of its theme.
    const notWell = linesUnder('Wat ging niet goed', 'Wlz');
    expect(notWell[notWell.indexOf('“De tarieven dekken de loonkosten niet”\n— Zorggroep De Linde') - 1]).toMatch(/^Over tarieven is het beeld gemengd\./);
    const single = fromMarkdown(renderMarkdown({ ...reportModel, outline: { ...reportOutline, quoteStyle: 'single' } }));
    expect(quotes(single)).toEqual(['‘De tarieven dekken de loonkosten niet’\n— Zorggroep De Linde', '‘Gemeenten organiseerden een goede marktconsultatie’\n— deelnemer, Wmo']);
  });

  it('draws the cross-cutting lessons with their evidence and findings', () => {
    expect(linesUnder('Overkoepelende lessen')).toEqual(expectedLines(reportOutline.lessons));
    const lessons = linesUnder('Overkoepelende lessen').join('\n');
    for (const finding of reportModel.lessons.flatMap((lesson) => lesson.findings)) expect(lessons).toContain(finding.replace(/[.!?]+$/, ''));
    const none: ReportModel = { ...reportModel, outline: { ...reportOutline, lessons: { ...reportOutline.lessons, blocks: [] } } };
    expect(renderMarkdown(none)).toContain('## Overkoepelende lessen\n\nGeen thema’s die in meer dan één domein terugkomen.\n');
  });

  it('shows the figures in tables that add up to the model', () => {
    const tables = allNodes(parsed)
      .filter((node) => node.type === 'table')
      .map((table) => table.children.map((row) => row.children.map(textOf)));
    checkFigureTables(tables, reportModel);
  });

  it('counts the participants in the appendix and names only who consented', () => {
    expect(linesUnder('Bijlage: deelnemers')).toEqual(expectedLines(reportOutline.appendix));
    checkAppendix(linesUnder, reportModel);
    expect(markdown).not.toContain(UNNAMED_PERSON);
  });

  it('escapes card text so it cannot add a heading, HTML, a link or a list', () => {
    const hostile = allNodes(parsed).filter((node) => ['html', 'link', 'image', 'linkReference', 'definition', 'code', 'inlineCode', 'thematicBreak'].includes(node.type));
    expect(hostile).toEqual([]);
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
    expect(markdown).not.toMatch(/(^|[^\\])\[link\]/);
    // Only the report's own headings start a line with '#'.
    const headingLines = markdown.split('\n').filter((line) => line.trimStart().startsWith('#'));
    expect(headingLines).toEqual(DUTCH_OUTLINE.map(([level, text]) => `${'#'.repeat(level)} ${text}`));
    // The reader still sees exactly what was written.
    for (const text of [MARKUP_TEXT, AWKWARD_TEXT, ...FORMULA_TEXTS]) expect(textOf(parsed)).toContain(asRendered(text));
  });

  it('cannot be broken out of by text in any field', () => {
    const evil = '# x\n\n<img src=x onerror=alert(1)>\n\n| a | b |\n[y]: http://evil';
    const said = { text: evil, bold: false, cards: [] };
    const evilBlocks: OutlineBlock[] = [
      { kind: 'paragraph', themeId: null, sentences: [{ ...said, bold: true }, said] },
      { kind: 'list', themeId: null, items: [said] },
      { kind: 'quote', key: 'k', text: evil, attribution: evil, themeId: null },
    ];
    const report: ReportModel = {
      ...reportModel,
      title: evil,
      introduction: { ...reportModel.introduction, questions: [evil] },
      figures: { ...reportModel.figures, votesPerTheme: [{ themeId: 't', label: evil, votes: 1, cards: 1 }] },
      outline: {
        ...reportOutline,
        cover: { ...reportOutline.cover, client: evil, author: evil },
        chapters: reportOutline.chapters.map((c) => ({ ...c, title: evil, sections: c.sections.map((s) => ({ ...s, title: evil, blocks: evilBlocks })) })),
        lessons: { ...reportOutline.lessons, blocks: evilBlocks },
      },
    };
    const tree = fromMarkdown(renderMarkdown(report), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    expect(allNodes(tree).filter((node) => ['html', 'link', 'image', 'definition'].includes(node.type))).toEqual([]);
    // As many headings, tables and quotes as the tree the renderer meant to write.
    const meant = reportTree(report);
    for (const type of ['heading', 'table', 'blockquote', 'list'] as const) {
      expect(allNodes(tree).filter((node) => node.type === type), type).toHaveLength(allNodes(meant).filter((node) => node.type === type).length);
    }
  });

  it('writes English headings for an English report', () => {
    const english = renderMarkdown(englishReportModel);
    for (const heading of [
      '## Introduction',
      '### Background',
      '### Client',
      '### Central questions',
      '### Method',
      '### Overall picture',
      '### What went well',
      '### What did not go well',
      '### Concrete improvements',
      '## Cross-cutting lessons',
      '## Figures',
      '## Appendix: participants',
    ]) {
      expect(english).toContain(`\n${heading}\n`);
    }
    for (const dutch of ['### Aanleiding', '### Wat ging goed', '### Wat ging niet goed', '## Overkoepelende lessen', '## Bijlage: deelnemers']) expect(english).not.toContain(`\n${dutch}\n`);
    expect(english).not.toMatch(/\d stem(men)?\b/);
    expect(english).toContain('Commissioned by Branchevereniging Zorg');
    expect(english).toContain('Afterwards 5 providers were called to verify the outcomes.');
    expect(english).toContain('**The picture on tarieven is mixed.** This came up on 1 card with 8 votes.');
  });

  it('marks the headings that a chart belongs under', () => {
    const charts = reportTree(reportModel).children.flatMap((node) => (node.type === 'heading' && node.data?.reportChart ? [node.data.reportChart] : []));
    expect(charts).toEqual(['figure-1', 'figure-3', 'votesPerTheme', 'matrix', 'balance']);
  });
});
