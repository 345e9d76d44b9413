import { fail, ok, type Result } from '../../protocol/errors.ts';
import { REPORT_DOCUMENT_LIMITS, type ReportDocument, type ReportDocumentState, type ReportEdit } from '../../schemas/report-document.ts';

/** Edits of one section within this time of each other are undone together (typing is saved live). */
export const UNDO_COALESCE_MS = 60_000;

/** A short, stable hash of a text (FNV-1a, 32 bits, hex): tells whether a draft changed since it was edited. */
export function textHash(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const stateOf = (doc: ReportDocument): ReportDocumentState => {
  const { undo: _undo, version: _version, ...state } = doc;
  return structuredClone(state);
};

/** The document's content as text, to tell an edit that changes nothing (the same style chosen again). */
const contentOf = (doc: ReportDocument): string => {
  const { undo: _undo, version: _version, ...state } = doc;
  return JSON.stringify(state);
};

// A reset has a label of its own: typing right after it must not fold into it (undo would skip the draft).
const labelOf = (edit: ReportEdit): string =>
  edit.op === 'section' ? `section:${edit.key}` : edit.op === 'section-reset' ? `reset:${edit.key}` : edit.op === 'quote' ? `quote:${edit.key}` : edit.op;

function checkChapters(chapters: NonNullable<Extract<ReportEdit, { op: 'chapters' }>['chapters']>): string | null {
  const ids = new Set<string>();
  const domains = new Map<string, string>();
  for (const chapter of chapters) {
    if (ids.has(chapter.id)) return `Chapter id ${chapter.id} appears twice`;
    ids.add(chapter.id);
    for (const domain of chapter.domains) {
      const other = domains.get(domain);
      if (other !== undefined) return `Domain ${domain} is in two chapters`;
      domains.set(domain, chapter.id);
    }
  }
  return null;
}

/** Why a document is too large to store, or null. */
function overLimits(doc: ReportDocument): string | null {
  const sections = Object.values(doc.sections);
  if (sections.length > REPORT_DOCUMENT_LIMITS.sections) return `A report holds at most ${REPORT_DOCUMENT_LIMITS.sections} edited sections`;
  if (sections.reduce((n, section) => n + section.text.length, 0) > REPORT_DOCUMENT_LIMITS.totalText) return `The edited sections hold at most ${REPORT_DOCUMENT_LIMITS.totalText} characters in all`;
  if (Object.keys(doc.quotes).length > REPORT_DOCUMENT_LIMITS.quotes) return `At most ${REPORT_DOCUMENT_LIMITS.quotes} quotes can be moved`;
  return null;
}

/**
 * One change to the report document, as a new document (the input is not touched). The state
 * before it goes on the undo stack; live typing in one section within a minute is one undo step.
 * An edit that changes nothing gives the same document back (same object, same version).
 * Errors: invalid_payload (a domain in two chapters, a chapter id twice), too_large (past REPORT_DOCUMENT_LIMITS).
 */
export function applyReportEdit(doc: ReportDocument, edit: ReportEdit, now: number): Result<ReportDocument> {
  const next: ReportDocument = structuredClone(doc);
  switch (edit.op) {
    case 'section': {
      const previous = Object.hasOwn(doc.sections, edit.key) ? doc.sections[edit.key] : undefined;
      if (previous?.text === edit.text) return ok(doc);
      next.sections[edit.key] = { text: edit.text, draftHash: previous?.draftHash ?? edit.draftHash, editedAt: now };
      break;
    }
    case 'section-reset':
      if (!Object.hasOwn(doc.sections, edit.key)) return ok(doc);
      delete next.sections[edit.key];
      break;
    case 'chapters': {
      const problem = edit.chapters ? checkChapters(edit.chapters) : null;
      if (problem) return fail('invalid_payload', problem);
      next.chapters = edit.chapters;
      break;
    }
    case 'quote':
      if (edit.slot) next.quotes[edit.key] = edit.slot;
      else delete next.quotes[edit.key];
      break;
    case 'quote-style':
      next.quoteStyle = edit.style;
      break;
    case 'cover':
      next.cover = edit.cover;
      break;
  }
  // Choosing what is already there is no change: no new version, nothing to undo, no news for the other editors.
  if (contentOf(next) === contentOf(doc)) return ok(doc);
  const problem = overLimits(next);
  if (problem) return fail('too_large', problem);
  const label = labelOf(edit);
  const last = doc.undo.at(-1);
  const coalesce = edit.op === 'section' && last?.label === label && now - last.at < UNDO_COALESCE_MS;
  next.undo = coalesce
    ? [...doc.undo.slice(0, -1), { ...last, at: now }]
    : [...doc.undo, { state: stateOf(doc), label, at: now }].slice(-REPORT_DOCUMENT_LIMITS.undo);
  next.version = doc.version + 1;
  return ok(next);
}

/** The document as it was before its last change; not_found when there is nothing to undo. */
export function undoReportEdit(doc: ReportDocument): Result<ReportDocument> {
  const last = doc.undo.at(-1);
  if (!last) return fail('not_found', 'Nothing to undo');
  return ok({ ...structuredClone(last.state), undo: doc.undo.slice(0, -1), version: doc.version + 1 });
}
