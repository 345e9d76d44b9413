import type { OutlineBlock, Sentence } from './types.ts';

/**
 * The text format of an edited section, plain enough to type in a text box: paragraphs split by
 * a blank line, `**…**` bold, lines starting with "- " a list. Generated drafts are written in the
 * same format, so the editor opens on exactly what the document prints.
 */

const LIST_LINE = /^\s*[-*•]\s+/;

/** A draft's paragraphs and lists as text (quotes are placed apart, never part of the text). */
export function blocksToText(blocks: OutlineBlock[]): string {
  const chunks: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') chunks.push(block.sentences.map((s, i) => (i ? separator(block.sentences[i - 1]!, s) : '') + (s.bold ? `**${s.text}**` : s.text)).join(''));
    if (block.kind === 'list') chunks.push(block.items.map((s) => `- ${s.bold ? `**${s.text}**` : s.text}`).join('\n'));
  }
  return chunks.join('\n\n');
}

/** "Een **vet** woord" as runs; an unclosed `**` stays as typed. */
function runs(line: string): Sentence[] {
  const parts = line.split('**');
  if (parts.length % 2 === 0) return [{ text: line, bold: false, cards: [] }];
  return parts
    .map((text, i) => ({ text, bold: i % 2 === 1, cards: [] }))
    .filter((s) => s.text.trim() !== '')
    .map((s, i, all) => ({ ...s, text: tidy(s.text, i === 0, i === all.length - 1) }));
}

const tidy = (text: string, first: boolean, last: boolean) => {
  let value = text.replace(/\s+/g, ' ');
  if (first) value = value.trimStart();
  if (last) value = value.trimEnd();
  return value;
};

/** The analyst's text as blocks; whitespace-only text gives none (the section is left out). */
export function textToBlocks(text: string): OutlineBlock[] {
  const blocks: OutlineBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((line) => LIST_LINE.test(line))) {
      blocks.push({ kind: 'list', themeId: null, items: lines.map((line) => ({ ...joinRuns(runs(line.replace(LIST_LINE, ''))) })) });
    } else {
      blocks.push({ kind: 'paragraph', themeId: null, sentences: runs(lines.map((l) => l.trim()).join(' ')) });
    }
  }
  return blocks;
}

/** A list item is one sentence: bold only when all of it is. */
function joinRuns(parts: Sentence[]): Sentence {
  return { text: parts.map((p) => p.text).join(''), bold: parts.length > 0 && parts.every((p) => p.bold), cards: [] };
}

/**
 * What goes between two sentences of a paragraph: a space, unless one side already has it, the
 * first ends in an opening bracket or quote mark ("(**zo**)") or the next starts with punctuation.
 */
export function separator(before: Sentence, after: Sentence): string {
  return /[\s([‘“„]$/.test(before.text) || /^[\s,.;:!?)\]’”]/.test(after.text) ? '' : ' ';
}
