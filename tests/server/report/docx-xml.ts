import JSZip from 'jszip';

/** The PNG signature: every valid PNG file starts with these eight bytes. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface DocxParagraph {
  style: string | null;
  text: string;
}

const decode = (xml: string) =>
  xml.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');

/** The text of a piece of WordprocessingML: its w:t runs, with w:br as a line break and w:tab as a tab. */
export function textOf(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(br|tab)\/>/g)) {
    text += match[1] !== undefined ? decode(match[1]) : match[2] === 'tab' ? '\t' : '\n';
  }
  return text;
}

/** A heading's text without its chapter or section number ("2.3\tWat ging goed" -> "Wat ging goed"). */
export const unnumbered = (text: string): string => text.replace(/^\d+(\.\d+)*\t/, '');

/** The document without its table of contents (a content control holding the TOC field and its entries). */
export const withoutContents = (xml: string): string => xml.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '');

/** Every paragraph (in tables too) with its style id and text. */
export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((match) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(match[1]!)?.[1] ?? null,
    text: textOf(match[1]!),
  }));
}

/** Every table as rows of cell texts. */
export function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<w:tc(?:\s[^>]*)?>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1]!)),
    ),
  );
}

/** Opens a DOCX and reads its main parts. */
export async function openDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} missing from the DOCX`);
    return file.async('string');
  };
  const media = await Promise.all(zip.file(/^word\/media\//).map(async (file) => ({ name: file.name, data: await file.async('nodebuffer') })));
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), core: await read('docProps/core.xml'), media, zip };
}
