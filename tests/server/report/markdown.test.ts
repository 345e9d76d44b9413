import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, reportTree } from '../../../shared/domain/report/markdown.ts';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import { AWKWARD_TEXT, englishReportModel, FORMULA_TEXTS, MARKUP_TEXT, reportModel, UNNAMED_PERSON } from '../../fixtures/report-model.ts';
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

/** Paragraph texts and list item texts under a heading, up to the next heading. */
function linesUnder(heading: string): string[] {
  const at = parsed.children.findIndex((node) => node.type === 'heading' && textOf(node) === heading);
  const end = parsed.children.findIndex((node, i) => i > at && node.type === 'heading');
  return parsed.children
    .slice(at + 1, end === -1 ? undefined : end)
    .flatMap((node: RootContent) => (node.type === 'list' ? node.children.map((item) => textOf(item.children[0]!)) : [textOf(node)]));
}

describe('renderMarkdown', () => {
  it('has the structure of an evaluation report', () => {
    expect(headings).toEqual(DUTCH_OUTLINE);
    expect(markdown.startsWith('# Evaluatie zorginkoop 2025\n')).toBe(true);
  });

  it('tells how the sessions went and how many providers were called', () => {
    expect(linesUnder('Werkwijze')[0]).toBe(
      'Er zijn 2 werksessies gehouden, 1 fysiek en 1 digitaal, met in totaal 16 deelnemers. Na afloop zijn 5 aanbieders nagebeld om de uitkomsten te toetsen.',
    );
    expect(linesUnder('Centrale vragen')).toEqual(reportModel.introduction.questions);
  });

  it('lists the cards, findings with their verification, and quotes of each domain', () => {
    const text = textOf(parsed);
    for (const section of reportModel.domains) {
      for (const card of [...section.wentWell, ...section.toImprove]) expect(text).toContain(asRendered(card.text));
      for (const finding of section.improvements) {
        expect(text).toContain(`${finding.label}: ${finding.finding}`);
        if (finding.verification.summary) expect(text).toContain(finding.verification.summary);
      }
    }
    expect(linesUnder('Wat kan beter')[2]).toBe('Beslistermijn meerzorg is onduidelijk (Meerzorg; 3 stemmen; uit het nabellen)');
    expect(text).toContain('Niet voorgelegd bij het nabellen.');
    const quotes = parsed.children.filter((node) => node.type === 'blockquote').map(textOf);
    expect(quotes).toEqual(['“De tarieven dekken de loonkosten niet”\n— Zorggroep De Linde', '“Gemeenten organiseerden een goede marktconsultatie”\n— deelnemer, Wmo']);
  });

  it('shows the figures in tables that add up to the model', () => {
    const tables = allNodes(parsed)
      .filter((node) => node.type === 'table')
      .map((table) => table.children.map((row) => row.children.map(textOf)));
    checkFigureTables(tables, reportModel);
  });

  it('counts the participants in the appendix and names only who consented', () => {
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
    const report: ReportModel = {
      ...reportModel,
      title: evil,
      introduction: { ...reportModel.introduction, purpose: evil, questions: [evil] },
      domains: reportModel.domains.map((section) => ({ ...section, domain: evil, generalPicture: evil, quotes: [{ text: evil, attribution: evil }] })),
      figures: { ...reportModel.figures, votesPerTheme: [{ themeId: 't', label: evil, votes: 1, cards: 1 }] },
    };
    const tree = fromMarkdown(renderMarkdown(report), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    expect(allNodes(tree).filter((node) => ['html', 'link', 'image', 'definition'].includes(node.type))).toEqual([]);
    // As many headings and tables as the tree the renderer meant to write.
    const meant = reportTree(report);
    for (const type of ['heading', 'table', 'blockquote'] as const) {
      expect(allNodes(tree).filter((node) => node.type === type)).toHaveLength(allNodes(meant).filter((node) => node.type === type).length);
    }
  });

  it('writes English headings for an English report', () => {
    const english = renderMarkdown(englishReportModel);
    for (const heading of ['## Introduction', '### Central questions', '### What went well', '### What could be better', '## Cross-cutting lessons', '## Figures', '## Appendix: participants']) {
      expect(english).toContain(`\n${heading}\n`);
    }
    expect(english).toContain('Afterwards 5 providers were called to verify the outcomes.');
  });

  it('marks the headings that a chart belongs under', () => {
    const charts = reportTree(reportModel).children.flatMap((node) => (node.type === 'heading' && node.data?.reportChart ? [node.data.reportChart] : []));
    expect(charts).toEqual(['figure-1', 'figure-3', 'votesPerTheme', 'matrix', 'balance']);
  });
});
