// Poll and survey figures in the Markdown and the DOCX: the tables carry the exact counts and
// percentages of shared/domain/figures.ts, with n, the excluded category, means and the breakdown.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/domain/report/markdown.ts';
import { renderDocx } from '../../../server/report/docx.ts';
import { reportModel } from '../../fixtures/report-model.ts';
import { openDocx, paragraphsOf, tablesOf } from './docx-xml.ts';

const textOf = (node: Nodes): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '');

const EXPECTED_TABLES = [
  // Survey question, "niet van toepassing" left out of the base: 19/50, 11/50, 20/50.
  [['Antwoord', 'Aantal', '%'], ['Ja', '19', '38'], ['Nee', '11', '22'], ['Deels', '20', '40'], ['Niet van toepassing', '10', 'niet meegeteld']],
  // Its breakdown by domain, each with its own n: Wlz 10/5/15 of 30 (largest remainder gives 33, 17, 50), Wmo 9/6/5 of 20.
  [['Domein', 'n', 'Ja', 'Nee', 'Deels'], ['Wlz', '30', '33%', '17%', '50%'], ['Wmo', '20', '45%', '30%', '25%']],
  // The poll on a 5-point scale: 1, 2, 3, 2, 1 of 9 -> 11.1, 22.2, 33.3, 22.2, 11.1 -> 11, 22, 34, 22, 11 (sum 100).
  [['Antwoord', 'Aantal', '%'], ['1', '1', '11'], ['2', '2', '22'], ['3', '3', '34'], ['4', '2', '22'], ['5', '1', '11']],
];
const EXPECTED_LINES = ['n = 50 (60 antwoorden, waarvan 10 niet meegeteld)', 'Gemiddeld 65,4 (min 0, max 292), n = 5', 'n = 9 · Gemiddelde: 3', 'Peiling in Werksessie Wlz', 'Enquête: Ledenpeiling 2025'];

describe('poll and survey figures in the documents', () => {
  it('Markdown: exact tables with n, the excluded category and the breakdown', () => {
    const markdown = renderMarkdown(reportModel);
    const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    const tables = tree.children.filter((n): n is Table => n.type === 'table').map((t) => t.children.map((row) => row.children.map(textOf)));
    for (const expected of EXPECTED_TABLES) expect(tables).toContainEqual(expected);
    for (const line of EXPECTED_LINES) expect(markdown).toContain(line);
  });

  it('DOCX: the same tables and lines', async () => {
    const docx = await openDocx(await renderDocx(reportModel));
    const tables = tablesOf(docx.document);
    for (const expected of EXPECTED_TABLES) expect(tables).toContainEqual(expected);
    const text = paragraphsOf(docx.document).map((p) => p.text).join('\n');
    for (const line of EXPECTED_LINES) expect(text).toContain(line);
  });

  it('every single-answer table adds up to 100', () => {
    for (const block of reportModel.figureBlocks) {
      if (block.figures.kind !== 'choice' || block.figures.multiple) continue;
      expect(block.figures.categories.reduce((sum, c) => sum + (c.percent ?? 0), 0)).toBe(100);
    }
  });
});

describe('key figures and open answers in the documents', () => {
  const [tariffs, ...others] = reportModel.figureBlocks;
  const report = {
    ...reportModel,
    figureBlocks: [{ ...tariffs!, callouts: [{ id: 'c1', value: '38 %', percent: 38, category: 'Ja', text: 'vindt de tarieven kostendekkend', n: 50 }] }, ...others],
    surveyQuotes: [
      { id: 'q1', text: 'De indexatie komt te laat', attribution: 'Reactie van een deelnemende zorgaanbieder', themeId: 'tarieven', themeLabel: 'Tarieven', survey: 'Ledenpeiling 2025', question: 'Toelichting' },
      // A theme with quotes and no figures still gets its group.
      { id: 'q2', text: 'Eén loket zou helpen', attribution: 'Reactie van een deelnemende zorgaanbieder', themeId: 'dialoog', themeLabel: 'Dialoog', survey: 'Ledenpeiling 2025', question: 'Toelichting' },
    ],
  };

  it('Markdown: the key figure as a bold line first in its theme, the quotes after the figures in “…”', () => {
    const markdown = renderMarkdown(report);
    const start = markdown.indexOf('\n### Tarieven', markdown.indexOf('## Peilingen en enquêtes'));
    const group = markdown.slice(start, markdown.indexOf('\n### ', start + 1));
    expect(group.indexOf('**38 % vindt de tarieven kostendekkend**')).toBeLessThan(group.indexOf('#### Zijn de tarieven kostendekkend?'));
    expect(group.indexOf('> “De indexatie komt te laat”')).toBeGreaterThan(group.indexOf('Uitgesplitst naar domein'));
    expect(group).toContain('**Uit de open antwoorden**');
    expect(markdown).toContain('### Dialoog\n\n**Uit de open antwoorden**\n\n> “Eén loket zou helpen”\\\n> — Reactie van een deelnemende zorgaanbieder');
  });

  it('DOCX: the number bold at 28 pt with its sentence, the quotes in the Quote style', async () => {
    const docx = await openDocx(await renderDocx(report));
    const paragraphs = paragraphsOf(docx.document);
    expect(paragraphs.map((p) => p.text)).toContain('38 % vindt de tarieven kostendekkend');
    expect(docx.document).toMatch(/<w:b\/><w:bCs\/><w:color w:val="1F3F5F"\/><w:sz w:val="56"\/><w:szCs w:val="56"\/><\/w:rPr><w:t xml:space="preserve">38 %<\/w:t>/);
    expect(paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text)).toEqual(expect.arrayContaining(['“De indexatie komt te laat”\n— Reactie van een deelnemende zorgaanbieder', '“Eén loket zou helpen”\n— Reactie van een deelnemende zorgaanbieder']));
  });
});
