import type { ChapterSection, QuoteSlot, ReportDocument } from '../../../schemas/report-document.ts';
import type { Session } from '../../../schemas/session.ts';
import { textHash } from '../document-edits.ts';
import { byDomainOrder, type CardFacts } from '../card-facts.ts';
import { themeMidSentence } from '../texts.ts';
import { chapterTitle, resolveChapters } from './chapters.ts';
import { DRAFT_TEXTS } from './draft-texts.ts';
import { differencesDraft, improvementsDraft, notWellDraft, pictureDraft, sentence, wentWellDraft, type ChapterData } from './drafts.ts';
import { lessonsDraft } from './lessons.ts';
import { quoteText } from './quote-text.ts';
import { blocksToText, textToBlocks } from './section-text.ts';
import type { OutlineBlock, OutlineChapter, OutlineQuote, OutlineSection, ReportOutline, SectionPart } from './types.ts';

export type { ReportOutline } from './types.ts';

export interface OutlineInput {
  doc: ReportDocument;
  sessions: Session[];
  facts: CardFacts[];
  language: 'nl' | 'en';
  /** A study-wide report uses the analyst's edits; a one-session report is the drafts. */
  editable: boolean;
  title: string;
  subtitle: string;
  purpose: string;
  questions: string[];
  method: string;
  people: { count: number; regional: number; national: number; small: number; mid: number; large: number; calls: number };
  /** The general picture's opening sentence (shared with the report model). */
  opening: (cards: number, good: number, bad: number, votes: number, sessions: number) => string;
  /** How a quote is attributed without naming anyone who did not consent. */
  attribution: (f: CardFacts) => string;
}

export { quoted, quoteText } from './quote-text.ts';

const DEFAULT_SECTION: Record<CardFacts['role'], ChapterSection> = { wentWell: 'wentWell', notWell: 'notWell', improve: 'improvements', other: 'quotes' };

/**
 * The report's outline: every section with its draft (generated from the data) or the analyst's
 * text, chapters as the analyst grouped them, and every quote placed once, beside the paragraph
 * of its theme. Pure, like the rest of the report model.
 */
export function buildOutline(input: OutlineInput): ReportOutline {
  const { doc, facts, language, editable } = input;
  const t = DRAFT_TEXTS[language];
  const domains = [...new Set(facts.map((f) => f.domain))].sort(byDomainOrder);
  const chapters = resolveChapters(doc, domains, editable);

  const section = (key: string, part: SectionPart, draft: OutlineBlock[]): OutlineSection => {
    const draftText = blocksToText(draft);
    const draftHash = textHash(draftText);
    const edit = editable && Object.hasOwn(doc.sections, key) ? doc.sections[key] : undefined;
    return {
      key,
      part,
      title: t.sectionTitles[part],
      edited: edit !== undefined,
      stale: edit !== undefined && edit.draftHash !== draftHash,
      text: edit?.text ?? draftText,
      draftText,
      draftHash,
      blocks: edit ? withThemes(textToBlocks(edit.text), draft, facts) : draft,
    };
  };

  const introduction = [
    section('intro.aanleiding', 'aanleiding', [{ kind: 'paragraph', themeId: null, sentences: [sentence(input.purpose, [])] }]),
    section('intro.client', 'client', doc.cover.client ? [{ kind: 'paragraph', themeId: null, sentences: [sentence(t.client(doc.cover.client), [])] }] : []),
    section('intro.questions', 'questions', input.questions.length ? [{ kind: 'list', themeId: null, items: input.questions.map((q) => sentence(q, [])) }] : []),
    section('intro.method', 'method', [{ kind: 'paragraph', themeId: null, sentences: [sentence(input.method, [])] }]),
  ];

  const outlineChapters: OutlineChapter[] = chapters.map((chapter) => {
    const here = facts.filter((f) => chapter.domains.includes(f.domain));
    const sessions = input.sessions.filter((s) => here.some((f) => f.session === s));
    const data: ChapterData = { facts: here, sessions, domains: chapter.domains, t, language };
    const key = (part: ChapterSection) => `chapter.${chapter.id}.${part}`;
    return {
      id: chapter.id,
      title: chapterTitle(chapter, t.and, t.noDomain),
      ownTitle: chapter.title,
      domains: chapter.domains,
      sections: [
        section(key('picture'), 'picture', pictureDraft(data, input.opening)),
        section(key('wentWell'), 'wentWell', wentWellDraft(data)),
        section(key('notWell'), 'notWell', notWellDraft(data)),
        section(key('differences'), 'differences', differencesDraft(data)),
        section(key('improvements'), 'improvements', improvementsDraft(data)),
        section(key('quotes'), 'quotes', []),
      ],
    };
  });

  const units =
    outlineChapters.length >= 2
      ? outlineChapters.map((c) => ({ name: c.title, facts: facts.filter((f) => c.domains.includes(f.domain)) }))
      : domains.map((d) => ({ name: d, facts: facts.filter((f) => f.domain === d) }));
  const lessons = section('lessons', 'lessons', lessonsDraft(units, input.sessions, t, language));
  const p = input.people;
  const appendix = section('appendix', 'appendix', [
    {
      kind: 'paragraph',
      themeId: null,
      sentences: [
        sentence(t.appendixPeople(p.count, input.sessions.length), []),
        ...(p.regional + p.national ? [sentence(t.appendixScope(p.regional, p.national), [])] : []),
        ...(p.small + p.mid + p.large ? [sentence(t.appendixSize(p.small, p.mid, p.large), [])] : []),
        sentence(t.appendixCalls(p.calls), []),
      ],
    },
  ]);

  const quotes = placeQuotes(input, outlineChapters);
  return {
    cover: { title: input.title, subtitle: input.subtitle, client: doc.cover.client, author: doc.cover.author, date: doc.cover.date },
    quoteStyle: doc.quoteStyle,
    introduction,
    chapters: outlineChapters,
    lessons,
    appendix,
    quotes,
    domains,
    customChapters: editable && doc.chapters !== null,
    editable,
    version: doc.version,
    undoSteps: editable ? doc.undo.length : 0,
  };
}

/**
 * The analyst's paragraphs get the theme of the draft paragraph they came from (same bold lead,
 * or the theme's name in the text), so quotes still stand beside them; a list after a paragraph
 * belongs to it.
 */
function withThemes(blocks: OutlineBlock[], draft: OutlineBlock[], facts: CardFacts[]): OutlineBlock[] {
  const leads = new Map<string, string>();
  const themes: { id: string; name: string }[] = [];
  for (const block of draft) {
    if (block.kind !== 'paragraph' || block.themeId === null) continue;
    const lead = block.sentences.find((s) => s.bold);
    if (lead) leads.set(lead.text.trim(), block.themeId);
    const label = facts.find((f) => f.themeId === block.themeId)?.themeLabel;
    if (label && !themes.some((th) => th.id === block.themeId)) themes.push({ id: block.themeId, name: themeMidSentence(label).toLowerCase() });
  }
  let previous: string | null = null;
  return blocks.map((block) => {
    if (block.kind === 'paragraph') {
      const lead = block.sentences.find((s) => s.bold)?.text.trim();
      const text = block.sentences.map((s) => s.text).join(' ').toLowerCase();
      previous = (lead && leads.get(lead)) ?? themes.find((th) => text.includes(th.name))?.id ?? null;
      return { ...block, themeId: previous };
    }
    if (block.kind === 'list') return { ...block, themeId: previous };
    return block;
  });
}

/** Every quote once: where the analyst put it, else beside its theme in its own chapter, in the section of its column. */
function placeQuotes(input: OutlineInput, chapters: OutlineChapter[]): OutlineQuote[] {
  const placed: OutlineQuote[] = [];
  for (const f of input.facts.filter((fact) => fact.quote)) {
    const key = `${f.session.id}:${f.card.id}`;
    const home = chapters.find((c) => c.domains.includes(f.domain));
    if (!home) continue;
    const fallback: QuoteSlot = { chapterId: home.id, section: DEFAULT_SECTION[f.role], themeId: f.themeId };
    const chosen = input.editable && Object.hasOwn(input.doc.quotes, key) ? input.doc.quotes[key]! : null;
    const slot = chosen && chapters.some((c) => c.id === chosen.chapterId) ? chosen : fallback;
    const quote: OutlineQuote = { key, text: quoteText(f.card.text), attribution: input.attribution(f), themeId: f.themeId, themeLabel: f.themeLabel, slot, moved: slot === chosen };
    placed.push(quote);
    const target = chapters.find((c) => c.id === slot.chapterId)!.sections.find((s) => s.part === slot.section)!;
    const block: OutlineBlock = { kind: 'quote', key, text: quote.text, attribution: quote.attribution, themeId: f.themeId };
    const after = slot.themeId === null ? -1 : target.blocks.findLastIndex((b) => b.kind !== 'quote' && b.themeId === slot.themeId);
    // Beside its theme's paragraph (after quotes already there), else at the end of the section.
    let at = after === -1 ? target.blocks.length : after + 1;
    while (after !== -1 && target.blocks[at]?.kind === 'quote') at++;
    target.blocks = [...target.blocks.slice(0, at), block, ...target.blocks.slice(at)];
  }
  return placed;
}
