import type { ChapterSection, IntroSection, QuoteSlot } from '../../../schemas/report-document.ts';

/** A card a generated sentence stands on: enough for the analyst to check it. */
export interface CardRef {
  sessionId: string;
  cardId: string;
  text: string;
  votes: number;
}

/** A sentence of the report; generated ones name their cards, edited ones none. */
export interface Sentence {
  text: string;
  /** Printed bold: the lead ("kop") sentence of a paragraph, or a `**…**` of the analyst. */
  bold: boolean;
  cards: CardRef[];
}

export type OutlineBlock =
  | { kind: 'paragraph'; themeId: string | null; sentences: Sentence[] }
  | { kind: 'list'; themeId: string | null; items: Sentence[] }
  | { kind: 'quote'; key: string; text: string; attribution: string; themeId: string | null };

export type SectionPart = IntroSection | ChapterSection | 'lessons' | 'appendix';

/** One editable section: what the documents print (`blocks`) and what the editor needs. */
export interface OutlineSection {
  key: string;
  part: SectionPart;
  title: string;
  /** The analyst's text is used instead of the draft. */
  edited: boolean;
  /** Edited, and the data gave a different draft since: the editor offers the new draft, never forces it. */
  stale: boolean;
  /** The text in the editor: the analyst's, or the draft's. */
  text: string;
  /** The draft as text, and its hash (sent with the first edit). */
  draftText: string;
  draftHash: string;
  /** Paragraphs, lists and the quotes placed here, in order. Empty: left out of the documents. */
  blocks: OutlineBlock[];
}

export interface OutlineChapter {
  id: string;
  title: string;
  /** The analyst's name for it; null: named after its domains. */
  ownTitle: string | null;
  domains: string[];
  sections: OutlineSection[];
}

/** A quote of the synthesis, where it stands, and whether the analyst moved it there. */
export interface OutlineQuote {
  key: string;
  text: string;
  attribution: string;
  themeId: string;
  themeLabel: string;
  slot: QuoteSlot;
  moved: boolean;
}

export interface ReportOutline {
  cover: { title: string; subtitle: string; client: string; author: string; date: string | null };
  quoteStyle: 'double' | 'single';
  introduction: OutlineSection[];
  chapters: OutlineChapter[];
  lessons: OutlineSection;
  appendix: OutlineSection;
  quotes: OutlineQuote[];
  /** Every domain with cards, for grouping domains into chapters. */
  domains: string[];
  /** The analyst's chapters are in use (not one per domain). */
  customChapters: boolean;
  /** Edits are ignored: a one-session report is always the drafts. */
  editable: boolean;
  /** The document's version and the number of steps that can be undone. */
  version: number;
  undoSteps: number;
}
