import { describe, expect, it } from 'vitest';
import { applyReportEdit, textHash, UNDO_COALESCE_MS, undoReportEdit } from '../../../../shared/domain/report/document-edits.ts';
import { emptyReportDocument, REPORT_DOCUMENT_LIMITS, ReportDocumentSchema, ReportEditSchema, type ReportDocument, type ReportEdit } from '../../../../shared/schemas/report-document.ts';
import { expectFail, frozen, T0, unwrap } from '../../fixtures.ts';

const PICTURE = 'chapter.domain-8075b35c.picture';
const NOT_WELL = 'chapter.domain-8075b35c.notWell';
const SECOND = 1_000;

const type = (key: string, text: string, draftHash = 'aaaa0000'): ReportEdit => ({ op: 'section', key, text, draftHash });
const apply = (doc: ReportDocument, edit: ReportEdit, at: number) => unwrap(applyReportEdit(doc, edit, at));
/** Each edit at its time, from an empty document. */
const run = (...steps: [ReportEdit, number][]) => steps.reduce((doc, [edit, at]) => apply(doc, edit, at), emptyReportDocument());
const textOf = (doc: ReportDocument, key: string) => (Object.hasOwn(doc.sections, key) ? doc.sections[key]!.text : null);

describe('applyReportEdit', () => {
  it('refuses to grow past its limits (sections, their text, moved quotes), keeping the document as it was', () => {
    const key = (i: number) => `chapter.chapter-${String(i).padStart(4, '0')}.picture`;
    const withSections = (n: number, text: string) =>
      ReportDocumentSchema.parse({ sections: Object.fromEntries(Array.from({ length: n }, (_, i) => [key(i), { text, draftHash: 'aaaa0000', editedAt: T0 }])) });
    const full = frozen(withSections(REPORT_DOCUMENT_LIMITS.sections, 'x'));
    expectFail(applyReportEdit(full, type(key(REPORT_DOCUMENT_LIMITS.sections), 'x'), T0), 'too_large');
    // Changing a section already there is still fine.
    expect(textOf(apply(full, type(key(0), 'y'), T0), key(0))).toBe('y');

    const long = 'a'.repeat(REPORT_DOCUMENT_LIMITS.sectionText);
    const texts = withSections(REPORT_DOCUMENT_LIMITS.totalText / REPORT_DOCUMENT_LIMITS.sectionText, long);
    expectFail(applyReportEdit(texts, type(key(99), long), T0), 'too_large');
    expect(textOf(apply(texts, type(key(0), 'kort'), T0), key(0))).toBe('kort');

    const slot = { chapterId: 'chapter-0000', section: 'quotes' as const, themeId: null };
    const quoteKey = (i: number) => `session-0001:card-${String(i).padStart(5, '0')}`;
    const quotes = ReportDocumentSchema.parse({ quotes: Object.fromEntries(Array.from({ length: REPORT_DOCUMENT_LIMITS.quotes }, (_, i) => [quoteKey(i), slot])) });
    const quote = (i: number): ReportEdit => ({ op: 'quote', key: quoteKey(i), slot });
    expectFail(applyReportEdit(quotes, quote(REPORT_DOCUMENT_LIMITS.quotes), T0), 'too_large');
  });

  it('stores an edited section with the draft it was edited from, leaving the input as it was', () => {
    const empty = frozen(emptyReportDocument());
    const doc = apply(empty, type(PICTURE, 'Eigen tekst.', 'hash0001'), T0);
    expect(doc.sections[PICTURE]).toEqual({ text: 'Eigen tekst.', draftHash: 'hash0001', editedAt: T0 });
    expect(doc).toMatchObject({ version: 1, undo: [{ label: `section:${PICTURE}`, at: T0, state: { sections: {} } }] });
    expect(empty.sections).toEqual({});
    // Later typing keeps the hash of the draft it started from: that is what "stale" compares with.
    const later = apply(doc, type(PICTURE, 'Eigen tekst, langer.', 'hash0002'), T0 + 5 * SECOND);
    expect(later.sections[PICTURE]).toEqual({ text: 'Eigen tekst, langer.', draftHash: 'hash0001', editedAt: T0 + 5 * SECOND });
    expect(ReportDocumentSchema.parse(later)).toEqual(later);
  });

  it('gives the same document back for an edit that changes nothing', () => {
    const doc = run([type(PICTURE, 'Tekst.'), T0], [{ op: 'quote-style', style: 'single' }, T0 + SECOND]);
    expect(applyReportEdit(doc, type(PICTURE, 'Tekst.'), T0 + 2 * SECOND)).toEqual({ ok: true, data: doc });
    expect(applyReportEdit(doc, { op: 'quote-style', style: 'single' }, T0 + 2 * SECOND)).toEqual({ ok: true, data: doc });
    expect(applyReportEdit(doc, { op: 'section-reset', key: NOT_WELL }, T0 + 2 * SECOND)).toEqual({ ok: true, data: doc });
  });

  it('resets a section back to its draft', () => {
    const doc = run([type(PICTURE, 'Tekst.'), T0], [{ op: 'section-reset', key: PICTURE }, T0 + 2 * UNDO_COALESCE_MS]);
    expect(textOf(doc, PICTURE)).toBeNull();
    expect(doc.version).toBe(2);
    expect(textOf(unwrap(undoReportEdit(doc)), PICTURE)).toBe('Tekst.');
  });

  it('takes chapters that group domains, and refuses a domain in two chapters or a chapter id twice', () => {
    const chapters = [
      { id: 'chapter-sociaal', title: 'Sociaal Domein', domains: ['Wmo', 'Jeugdwet'] },
      { id: 'chapter-wlz-fz', title: null, domains: ['Wlz', 'Forensische Zorg'] },
    ];
    const doc = frozen(apply(emptyReportDocument(), { op: 'chapters', chapters }, T0));
    expect(doc.chapters).toEqual(chapters);
    const twice = applyReportEdit(doc, { op: 'chapters', chapters: [chapters[0]!, { id: 'chapter-jeugd', title: 'Jeugd', domains: ['Jeugdwet'] }] }, T0 + SECOND);
    expectFail(twice, 'invalid_payload');
    expect(twice.ok ? '' : twice.message).toContain('Jeugdwet');
    expectFail(applyReportEdit(doc, { op: 'chapters', chapters: [chapters[0]!, { ...chapters[1]!, id: 'chapter-sociaal' }] }, T0 + SECOND), 'invalid_payload');
    // Back to one chapter per domain.
    expect(apply(doc, { op: 'chapters', chapters: null }, T0 + SECOND).chapters).toBeNull();
  });

  it('moves a quote, and puts it back beside its theme', () => {
    const key = 'session-soc1:card-s005';
    const slot = { chapterId: 'domain-8075b35c', section: 'quotes' as const, themeId: null };
    const moved = apply(emptyReportDocument(), { op: 'quote', key, slot }, T0);
    expect(moved.quotes).toEqual({ [key]: slot });
    expect(apply(moved, { op: 'quote', key, slot: null }, T0 + SECOND).quotes).toEqual({});
  });

  it('sets the house style of quotes and the cover', () => {
    const doc = run([{ op: 'quote-style', style: 'single' }, T0], [{ op: 'cover', cover: { client: 'Branchevereniging Zorg', author: 'Bureau Evaluatie', date: '2025-12-15' } }, T0 + SECOND]);
    expect(doc).toMatchObject({ quoteStyle: 'single', cover: { client: 'Branchevereniging Zorg', author: 'Bureau Evaluatie', date: '2025-12-15' }, version: 2 });
  });
});

describe('undoReportEdit', () => {
  it('restores the state before the last change', () => {
    const doc = run([type(PICTURE, 'Eerst.'), T0], [{ op: 'quote-style', style: 'single' }, T0 + SECOND], [{ op: 'chapters', chapters: [{ id: 'chapter-sociaal', title: null, domains: ['Wmo', 'Jeugdwet'] }] }, T0 + 2 * SECOND]);
    const once = unwrap(undoReportEdit(frozen(doc)));
    expect(once).toMatchObject({ chapters: null, quoteStyle: 'single', version: 4 });
    const twice = unwrap(undoReportEdit(once));
    expect(twice).toMatchObject({ chapters: null, quoteStyle: 'double', version: 5 });
    expect(textOf(twice, PICTURE)).toBe('Eerst.');
    const empty = unwrap(undoReportEdit(twice));
    expect(empty).toEqual({ ...emptyReportDocument(), version: 6 });
    expectFail(undoReportEdit(empty), 'not_found');
  });

  it('undoes live typing in one section within a minute as one step', () => {
    const doc = run([type(PICTURE, 'D'), T0], [type(PICTURE, 'De'), T0 + 20 * SECOND], [type(PICTURE, 'De tarieven'), T0 + 50 * SECOND]);
    expect(doc.undo).toHaveLength(1);
    expect(doc.version).toBe(3);
    expect(textOf(unwrap(undoReportEdit(doc)), PICTURE)).toBeNull();
    // A pause of more than a minute starts a new step.
    const paused = apply(doc, type(PICTURE, 'De tarieven zijn te laag.'), T0 + 50 * SECOND + UNDO_COALESCE_MS + SECOND);
    expect(paused.undo).toHaveLength(2);
    expect(textOf(unwrap(undoReportEdit(paused)), PICTURE)).toBe('De tarieven');
  });

  it('never folds typing in two sections into one step', () => {
    const doc = run([type(PICTURE, 'Beeld.'), T0], [type(NOT_WELL, 'Niet goed.'), T0 + SECOND], [type(PICTURE, 'Beeld, langer.'), T0 + 2 * SECOND]);
    expect(doc.undo.map((u) => u.label)).toEqual([`section:${PICTURE}`, `section:${NOT_WELL}`, `section:${PICTURE}`]);
    const back = unwrap(undoReportEdit(doc));
    expect([textOf(back, PICTURE), textOf(back, NOT_WELL)]).toEqual(['Beeld.', 'Niet goed.']);
  });

  it('keeps a reset as its own step, even when typing follows at once', () => {
    const doc = run([type(PICTURE, 'Eigen tekst.'), T0], [{ op: 'section-reset', key: PICTURE }, T0 + 10 * SECOND], [type(PICTURE, 'Opnieuw'), T0 + 20 * SECOND]);
    expect(doc.undo).toHaveLength(3);
    // Undo the new typing: the draft (the reset) again, not the text from before the reset.
    expect(textOf(unwrap(undoReportEdit(doc)), PICTURE)).toBeNull();
  });

  it('keeps at most the last steps', () => {
    let doc = emptyReportDocument();
    for (let i = 0; i < REPORT_DOCUMENT_LIMITS.undo + 5; i++) doc = apply(doc, type(PICTURE, `Versie ${i}`), T0 + i * 2 * UNDO_COALESCE_MS);
    expect(doc.undo).toHaveLength(REPORT_DOCUMENT_LIMITS.undo);
    expect(doc.undo[0]!.state.sections[PICTURE]!.text).toBe('Versie 4');
    expect(ReportDocumentSchema.safeParse(doc).success).toBe(true);
  });
});

describe('ReportEditSchema', () => {
  it('takes the sections of the outline only', () => {
    for (const key of ['intro.method', 'lessons', 'appendix', 'chapter.domain-8075b35c.notWell', 'chapter.chapter-sociaal.improvements']) {
      expect(ReportEditSchema.safeParse({ op: 'section', key, text: '', draftHash: '' }).success, key).toBe(true);
    }
    for (const key of ['__proto__', 'intro.other', 'chapter.short.notWell', 'chapter.domain-8075b35c.constructor', 'chapter.domain/../x.picture', 'lessons ']) {
      expect(ReportEditSchema.safeParse({ op: 'section', key, text: '', draftHash: '' }).success, key).toBe(false);
    }
    expect(ReportEditSchema.safeParse({ op: 'section', key: 'lessons', text: 'x'.repeat(REPORT_DOCUMENT_LIMITS.sectionText + 1), draftHash: '' }).success).toBe(false);
    expect(ReportEditSchema.safeParse({ op: 'chapters', chapters: [] }).success).toBe(false);
    expect(ReportEditSchema.safeParse({ op: 'quote', key: 'session-soc1:card-s005', slot: { chapterId: 'chapter-sociaal', section: 'lessons', themeId: null } }).success).toBe(false);
  });
});

describe('textHash', () => {
  it('is short, stable and tells texts apart', () => {
    expect(textHash('')).toMatch(/^[0-9a-f]{8}$/);
    expect(textHash('Over tarieven zijn aanbieders ontevreden.')).toBe(textHash('Over tarieven zijn aanbieders ontevreden.'));
    expect(textHash('Over tarieven zijn aanbieders ontevreden.')).not.toBe(textHash('Over tarieven zijn aanbieders ontevreden!'));
  });
});
