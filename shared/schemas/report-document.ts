import { z } from 'zod';
import { ThemeIdSchema } from './codebook.ts';
import { DateSchema, IdSchema, LIMITS } from './common.ts';
import { DomainSchema } from './session.ts';

/**
 * What the analyst made of the report inside the tool: chapters, edited sections, where quotes go,
 * the cover. Everything else in the report is generated from the study's data each time it is built.
 */

/** Bounds of what one study's report document may hold, so a study file (and its undo copies) stays small. */
export const REPORT_DOCUMENT_LIMITS = { sectionText: 20_000, totalText: 200_000, sections: 150, quotes: 500, chapters: 20, undo: 30, coverField: 200 } as const;

/** Sections of the introduction, of every chapter, and of the whole report, in reading order. */
export const INTRO_SECTIONS = ['aanleiding', 'client', 'questions', 'method'] as const;
export const CHAPTER_SECTIONS = ['picture', 'wentWell', 'notWell', 'differences', 'improvements', 'quotes'] as const;
export type IntroSection = (typeof INTRO_SECTIONS)[number];
export type ChapterSection = (typeof CHAPTER_SECTIONS)[number];

/** "intro.method", "chapter.<chapter id>.notWell", "lessons", "appendix". */
export const SectionKeySchema = z
  .string()
  .max(120)
  .regex(
    new RegExp(`^(intro\\.(${INTRO_SECTIONS.join('|')})|lessons|appendix|chapter\\.[A-Za-z0-9_-]{8,64}\\.(${CHAPTER_SECTIONS.join('|')}))$`),
    'section key must be intro.<part>, chapter.<id>.<part>, lessons or appendix',
  );
export type SectionKey = z.infer<typeof SectionKeySchema>;

export const ChapterSchema = z.object({
  id: IdSchema,
  /** Null: named after its domains ("Wmo en Jeugdwet"). */
  title: z.string().trim().min(1).max(LIMITS.title).nullable(),
  domains: z.array(DomainSchema).min(1).max(LIMITS.domains),
});
export type Chapter = z.infer<typeof ChapterSchema>;

/** An edited section: the analyst's text, and the draft it was edited from (to tell when the data moved on). */
export const SectionEditSchema = z.object({
  /** Paragraphs split by a blank line; `**…**` is bold; lines starting "- " are a list. Empty: the section is left out. */
  text: z.string().max(REPORT_DOCUMENT_LIMITS.sectionText),
  /** Hash of the draft when the analyst first changed it (see `textHash`). */
  draftHash: z.string().max(16),
  editedAt: z.number().int(),
});
export type SectionEdit = z.infer<typeof SectionEditSchema>;

/** Where a quote goes: beside the paragraph of a theme in a section, or at the end of a section. */
export const QuoteSlotSchema = z.object({
  chapterId: IdSchema,
  section: z.enum(CHAPTER_SECTIONS),
  /** The theme paragraph it stands beside; null: at the end of the section. */
  themeId: ThemeIdSchema.nullable(),
});
export type QuoteSlot = z.infer<typeof QuoteSlotSchema>;

/** "<session id>:<card id>": a quote of the synthesis. */
export const QuoteKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}:[A-Za-z0-9_-]{8,64}$/, 'quote key must be <session id>:<card id>');

export const CoverSchema = z.object({
  /** The client ("opdrachtgever"), e.g. an association of care providers. */
  client: z.string().trim().max(REPORT_DOCUMENT_LIMITS.coverField).default(''),
  author: z.string().trim().max(REPORT_DOCUMENT_LIMITS.coverField).default(''),
  /** The report's date; null: the day it is generated. */
  date: DateSchema.nullable().default(null),
});
export type Cover = z.infer<typeof CoverSchema>;

export const QUOTE_STYLES = ['double', 'single'] as const;

const DocumentShape = {
  cover: CoverSchema.default(() => CoverSchema.parse({})),
  /** Null until the analyst changes them: one chapter per domain, in the usual order. */
  chapters: z.array(ChapterSchema).max(REPORT_DOCUMENT_LIMITS.chapters).nullable().default(null),
  sections: z.record(SectionKeySchema, SectionEditSchema).default({}),
  /** “…” or ‘…’ around every quote of the report. */
  quoteStyle: z.enum(QUOTE_STYLES).default('double'),
  /** Quotes the analyst moved; the others stand beside their theme in their own chapter. */
  quotes: z.record(QuoteKeySchema, QuoteSlotSchema).default({}),
};

/** One state of the document, as kept on the undo stack. */
export const ReportDocumentStateSchema = z.object(DocumentShape);
export type ReportDocumentState = z.infer<typeof ReportDocumentStateSchema>;

export const ReportDocumentSchema = z.object({
  ...DocumentShape,
  /** Earlier states, newest last; `report:undo` takes the last one back. */
  undo: z.array(z.object({ state: ReportDocumentStateSchema, label: z.string().max(120), at: z.number().int() })).max(REPORT_DOCUMENT_LIMITS.undo).default([]),
  /** Counts every change, so two editors can tell they are looking at the same state. */
  version: z.number().int().min(0).default(0),
});
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

export const emptyReportDocument = (): ReportDocument => ReportDocumentSchema.parse({});

/** One change to the document (the payload of `report:edit`). */
export const ReportEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('section'), key: SectionKeySchema, text: z.string().max(REPORT_DOCUMENT_LIMITS.sectionText), draftHash: z.string().max(16) }),
  /** Back to the generated draft. */
  z.object({ op: z.literal('section-reset'), key: SectionKeySchema }),
  z.object({ op: z.literal('chapters'), chapters: z.array(ChapterSchema).min(1).max(REPORT_DOCUMENT_LIMITS.chapters).nullable() }),
  z.object({ op: z.literal('quote'), key: QuoteKeySchema, slot: QuoteSlotSchema.nullable() }),
  z.object({ op: z.literal('quote-style'), style: z.enum(QUOTE_STYLES) }),
  z.object({ op: z.literal('cover'), cover: CoverSchema }),
]);
export type ReportEdit = z.infer<typeof ReportEditSchema>;
