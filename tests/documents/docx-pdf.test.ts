import type { Heading } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../server/report/docx.ts';
import { choiceFigures } from '../../shared/domain/figures.ts';
import { reportBody } from '../../shared/domain/report/markdown.ts';
import type { FigureBlock, ReportModel } from '../../shared/domain/report/types.ts';
import { reportModel } from '../fixtures/report-model.ts';
import { docxToPdf, requireDocumentTools, strayLetters, type Pdf } from './pdf.ts';

/*
 * The Word report as the client reads it: converted by LibreOffice to PDF and read back with
 * pdftotext. Cover, contents with the right page numbers, page numbers, every chapter, and
 * tables whose words are never broken over lines.
 */

const headingsOf = (report: ReportModel, depth: 2 | 3) =>
  reportBody(report)
    .filter((node): node is Heading => node.type === 'heading' && node.depth === depth)
    .map((node) => node.children.map((c) => ('value' in c ? c.value : '')).join(''));

/** A member survey question on the zorgkantoor regions, broken down by a dozen long answers: wider than an upright page. */
const ZORGKANTOREN = [
  'Zilveren Kruis', 'Menzis', 'VGZ Zorgkantoor', 'CZ Zorgkantoor', 'Zorgkantoor Friesland', 'DSW Zorgkantoor',
  'Zorg en Zekerheid', 'Salland Zorgkantoor', 'Onbekend',
].map((label, i) => ({ key: `k${i}`, label }));
const wideBlock: FigureBlock = {
  id: 'figure-wide',
  source: { kind: 'survey', survey: 'Ledenpeiling 2025' },
  question: 'Met welk zorgkantoor heeft u het meest te maken?',
  themeId: 'uniformering',
  themeLabel: 'Uniformering',
  figures: choiceFigures(ZORGKANTOREN, ZORGKANTOREN.flatMap((c, i) => Array.from({ length: i + 2 }, () => [c.key])), { multiple: false, excludeMissing: false }),
  breakdowns: [
    {
      attribute: 'Omzetklasse',
      groups: ['Klein', 'Middelgroot', 'Groot'].map((value, g) => ({
        value,
        figures: choiceFigures(ZORGKANTOREN, ZORGKANTOREN.flatMap((c, i) => Array.from({ length: ((i + g) % 4) + 1 }, () => [c.key])), { multiple: false, excludeMissing: false }),
      })),
    },
  ],
  callouts: [],
};

describe('the Word report in LibreOffice', () => {
  let pdf: Pdf;
  const report: ReportModel = { ...reportModel, figureBlocks: [...reportModel.figureBlocks, wideBlock] };
  beforeAll(async () => {
    requireDocumentTools();
    pdf = await docxToPdf(await renderDocx(report));
  });

  it('starts with a cover of its own: title, kind of document, client, author and the Dutch date, no page number', () => {
    const cover = pdf.pages[0]!;
    expect(cover).toContain(report.title);
    expect(cover).toContain('Rapportage werksessies');
    expect(cover).toContain('In opdracht van Branchevereniging Zorg');
    expect(cover).toContain('Auteur: Bureau Evaluatie');
    expect(cover).toContain('15 december 2025');
    expect(cover).not.toContain('Gegenereerd op');
    expect(cover).not.toMatch(/Pagina \d/);
    expect(cover).not.toContain('Inleiding');
  });

  it('numbers every page after the cover, "Pagina N van M"', () => {
    const total = pdf.pages.length;
    expect(total).toBeGreaterThanOrEqual(6);
    expect(total).toBeLessThan(25);
    pdf.pages.slice(1).forEach((page, i) => expect(page, `page ${i + 2}`).toContain(`Pagina ${i + 2} van ${total}`));
  });

  it('has contents listing every chapter and section with the page it is on', () => {
    const contents = pdf.pages[1]!;
    expect(contents).toContain('Inhoud');
    const chapters = headingsOf(report, 2);
    expect(chapters).toEqual(expect.arrayContaining(['Inleiding', 'Wlz', 'Wmo', 'Overkoepelende lessen', 'Cijfers', 'Bijlage: deelnemers']));
    chapters.forEach((title, i) => {
      const entry = new RegExp(`^\\s*${i + 1}\\s+${escape(title)}[ .]*?(\\d+)\\s*$`, 'm').exec(contents);
      expect(entry, `contents entry of ${title}`).not.toBeNull();
      const page = Number(entry![1]);
      // The chapter heading stands on that page, with its number. The numbers are estimated from a
      // model of Word's layout when the file is written; LibreOffice may set a page a line or two
      // longer, which pushes a chapter at most one page on (README, "Word report").
      const heading = new RegExp(`^\\s*${i + 1}\\s+${escape(title)}\\s*$`, 'm');
      const on = [page, page + 1].filter((p) => heading.test(pdf.pages[p - 1] ?? ''));
      expect(on, `${title} on page ${page} (or the next)`).toHaveLength(1);
    });
  });

  it('holds every chapter heading, numbered, in order', () => {
    const text = pdf.pages.slice(2).join('\n');
    let from = 0;
    headingsOf(report, 2).forEach((title, i) => {
      const at = text.slice(from).search(new RegExp(`^\\s*${i + 1}\\s+${escape(title)}\\s*$`, 'm'));
      expect(at, `chapter ${i + 1} ${title}`).toBeGreaterThanOrEqual(0);
      from += at + 1;
    });
  });

  it('turns the page for a table too wide to stand upright, with the line that introduces it', () => {
    const landscape = pdf.sizes.findIndex((s) => s.width > s.height);
    expect(landscape, 'a landscape page').toBeGreaterThan(1);
    expect(pdf.pages[landscape]).toContain('Uitgesplitst naar omzetklasse');
    expect(pdf.pages[landscape]).toContain('Middelgroot');
    expect(pdf.sizes.filter((s) => s.width > s.height)).toHaveLength(1);
  });

  it('breaks no word in any table', () => {
    // A column narrower than its longest word leaves one letter, or a few, on a line of their own.
    expect(strayLetters(pdf.pages)).toEqual([]);
    for (const word of ['Zorgkantoor', 'Middelgroot', 'Omzetklasse', 'Deelnemers', 'Nagebeld', 'Domeinen']) {
      expect(pdf.pages.join('\n'), word).toContain(word);
    }
  });
});

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
