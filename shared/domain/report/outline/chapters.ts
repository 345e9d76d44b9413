import type { Chapter, ReportDocument } from '../../../schemas/report-document.ts';
import { NO_DOMAIN } from '../../study-matrix.ts';
import { byDomainOrder } from '../card-facts.ts';
import { textHash } from '../document-edits.ts';
import { listOf } from './draft-texts.ts';

/** The chapter a domain has until the analyst groups domains: its id is stable, so edits of its sections stay put. */
export const defaultChapterId = (domain: string): string => `domain-${textHash(domain)}`;

const defaultChapter = (domain: string): Chapter => ({ id: defaultChapterId(domain), title: null, domains: [domain] });

/**
 * The chapters the report has: the analyst's (limited to domains that have cards; chapters left
 * without any are dropped), and a chapter of its own for every domain with cards that no chapter
 * holds (placed in the usual domain order), so no card falls out of the report. Without the analyst's: one chapter per domain.
 */
export function resolveChapters(doc: ReportDocument, domains: string[], editable: boolean): Chapter[] {
  if (!editable || doc.chapters === null) return domains.map(defaultChapter);
  const present = new Set(domains);
  const chapters = doc.chapters.map((c) => ({ ...c, domains: c.domains.filter((d) => present.has(d)) })).filter((c) => c.domains.length > 0);
  const placed = new Set(chapters.flatMap((c) => c.domains));
  // A domain nobody placed gets its own chapter where the usual order puts it among the others.
  const first = (c: Chapter) => [...c.domains].sort(byDomainOrder)[0]!;
  for (const domain of domains.filter((d) => !placed.has(d))) {
    const before = chapters.findIndex((c) => byDomainOrder(first(c), domain) > 0);
    chapters.splice(before === -1 ? chapters.length : before, 0, defaultChapter(domain));
  }
  return chapters;
}

/** A chapter's title: the analyst's, or its domains ("Wmo en Jeugdwet"). */
export function chapterTitle(chapter: Chapter, and: string, noDomain: string): string {
  return chapter.title ?? listOf(chapter.domains.map((d) => (d === NO_DOMAIN ? noDomain : d)), and);
}
