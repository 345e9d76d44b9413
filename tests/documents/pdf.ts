import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));

/** Fails loudly where the document tools are missing: these tests never pass by skipping. */
export function requireDocumentTools(): void {
  if (!SOFFICE) throw new Error('LibreOffice not found; install it with `apt-get install -y libreoffice-writer-nogui`');
  if (!existsSync('/usr/bin/pdftotext')) throw new Error('pdftotext not found; install it with `apt-get install -y poppler-utils`');
}

export interface Pdf {
  /** Text of each page (pdftotext -layout), first page first. */
  pages: string[];
  /** Width and height of each page in points. */
  sizes: { width: number; height: number }[];
}

/** Converts a DOCX to PDF with LibreOffice (headless, its own profile) and reads the PDF back. */
export async function docxToPdf(docx: Buffer): Promise<Pdf> {
  requireDocumentTools();
  const dir = await mkdtemp(join(tmpdir(), 'werksessie-pdf-'));
  try {
    await writeFile(join(dir, 'report.docx'), docx);
    await run(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { timeout: 110_000 });
    const pdf = join(dir, 'report.pdf');
    await readFile(pdf);
    // To look at the pages as a reader gets them: KEEP_PDF=dir keeps every PDF the tests made (and its DOCX).
    if (process.env.KEEP_PDF) {
      await mkdir(process.env.KEEP_PDF, { recursive: true });
      const name = `report-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
      await copyFile(pdf, join(process.env.KEEP_PDF, `${name}.pdf`));
      await copyFile(join(dir, 'report.docx'), join(process.env.KEEP_PDF, `${name}.docx`));
    }
    const info = (await run('pdfinfo', ['-f', '1', '-l', '9999', pdf])).stdout;
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
    const text = (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    // pdftotext ends every page with a form feed.
    const pages = text.split('\f').slice(0, sizes.length);
    return { pages, sizes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Letters that stand alone in the report's own sentences: "n = 50", "heeft u". */
export const ONE_LETTER_WORDS: ReadonlySet<string> = new Set(['n', 'u']);

/**
 * Letters standing alone in the PDF text, per page (first page 1): what a table column narrower
 * than its longest word leaves, one letter of a word on a line of its own.
 */
export function strayLetters(pages: string[]): { page: number; letters: string[] }[] {
  return pages
    .map((page, i) => ({
      page: i + 1,
      letters: page.split('\n').flatMap((line) => line.trim().split(/\s+/)).filter((token) => /^[A-Za-zÀ-ÿ]$/.test(token) && !ONE_LETTER_WORDS.has(token)),
    }))
    .filter((p) => p.letters.length > 0);
}
