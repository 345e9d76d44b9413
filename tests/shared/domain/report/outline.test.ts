import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../shared/domain/report/build.ts';
import { columnRoles } from '../../../../shared/domain/report/card-facts.ts';
import { applyReportEdit } from '../../../../shared/domain/report/document-edits.ts';
import { renderMarkdown } from '../../../../shared/domain/report/markdown.ts';
import { defaultChapterId } from '../../../../shared/domain/report/outline/chapters.ts';
import { quoted, quoteText } from '../../../../shared/domain/report/outline/index.ts';
import { blocksToText, textToBlocks } from '../../../../shared/domain/report/outline/section-text.ts';
import type { OutlineBlock, OutlineChapter, OutlineSection, ReportOutline, Sentence } from '../../../../shared/domain/report/outline/types.ts';
import { emptyReportDocument, type Chapter, type ReportDocument, type ReportEdit } from '../../../../shared/schemas/report-document.ts';
import type { Session } from '../../../../shared/schemas/session.ts';
import { T0, unwrap } from '../../fixtures.ts';
import { SOCIAL_FINDING, WLZ_FINDING, sessions, social, study, withCards, wlz } from './outline-fixture.ts';

const WLZ = defaultChapterId('Wlz');
const SOCIAL: Chapter = { id: 'chapter-sociaal', title: 'Sociaal Domein', domains: ['Wmo', 'Jeugdwet'] };

function report(doc: Partial<ReportDocument> = {}, list: Session[] = sessions, options: { sessionId?: string; language?: 'nl' | 'en' } = {}) {
  return buildReport({ ...study, report: { ...emptyReportDocument(), ...doc } }, list, { now: T0, ...options });
}
const outlineOf = (doc: Partial<ReportDocument> = {}, list: Session[] = sessions): ReportOutline => report(doc, list).outline;

function chapterOf(outline: ReportOutline, id: string): OutlineChapter {
  const chapter = outline.chapters.find((c) => c.id === id);
  if (!chapter) throw new Error(`no chapter ${id} in ${outline.chapters.map((c) => c.id).join(', ')}`);
  return chapter;
}
const sectionOf = (chapter: OutlineChapter, part: OutlineSection['part']): OutlineSection => chapter.sections.find((s) => s.part === part)!;

const sentencesOf = (blocks: OutlineBlock[]): Sentence[] => blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences : b.kind === 'list' ? b.items : []));
const idsOf = (s: Sentence) => s.cards.map((c) => c.cardId).sort();
/** The cards of a section's card lines (its lists). */
const listedCards = (section: OutlineSection) =>
  section.blocks.flatMap((b) => (b.kind === 'list' ? b.items.flatMap((s) => s.cards.map((c) => c.cardId)) : [])).sort();
const find = (section: OutlineSection, start: string): Sentence => {
  const found = sentencesOf(section.blocks).find((s) => s.text.startsWith(start));
  if (!found) throw new Error(`no sentence "${start}…" in ${section.key}: ${sentencesOf(section.blocks).map((s) => s.text).join(' | ')}`);
  return found;
};
const allSections = (outline: ReportOutline) => [...outline.chapters.flatMap((c) => c.sections), outline.lessons];
const quoteBlocks = (outline: ReportOutline) =>
  allSections(outline).flatMap((s) => s.blocks.flatMap((b, i) => (b.kind === 'quote' ? [{ section: s, block: b, index: i }] : [])));

/** The report document after these edits, applied one minute apart. */
function edited(...edits: ReportEdit[]): ReportDocument {
  return edits.reduce((doc, edit, i) => unwrap(applyReportEdit(doc, edit, T0 + i * 61_000)), emptyReportDocument());
}

describe('columnRoles', () => {
  it('reads went well, not well and improvements from the column titles', () => {
    expect([...columnRoles(social).values()]).toEqual(['wentWell', 'notWell', 'improve']);
    const english = { ...social, columns: [{ id: 'column-aaaa', title: 'What went well?' }, { id: 'column-bbbb', title: 'What did not go well?' }, { id: 'column-cccc', title: 'What could be better?' }] };
    expect([...columnRoles(english).values()]).toEqual(['wentWell', 'notWell', 'improve']);
  });

  it('takes the should-improve cards of a board without a not-well column as what did not go well', () => {
    // "Wat ging er goed?" and "Wat kan beter?": the findings are the improvements then.
    expect([...columnRoles(wlz).values()]).toEqual(['wentWell', 'notWell']);
    const untitled = { ...wlz, columns: [{ id: 'column-aaaa', title: 'Tops' }, { id: 'column-bbbb', title: 'Tips' }, { id: 'column-cccc', title: 'Overig' }] };
    expect([...columnRoles(untitled).values()]).toEqual(['wentWell', 'notWell', 'other']);
  });
});

describe('buildOutline: drafts from the data', () => {
  const outline = outlineOf();
  const grouped = outlineOf({ chapters: [SOCIAL] });
  const wlzChapter = chapterOf(outline, WLZ);
  const socialChapter = chapterOf(grouped, SOCIAL.id);

  it('has a chapter per domain until the analyst groups them', () => {
    expect(outline.chapters.map((c) => [c.id, c.title, c.domains])).toEqual([
      [WLZ, 'Wlz', ['Wlz']],
      [defaultChapterId('Wmo'), 'Wmo', ['Wmo']],
      [defaultChapterId('Jeugdwet'), 'Jeugdwet', ['Jeugdwet']],
    ]);
    expect(outline.customChapters).toBe(false);
    expect(wlzChapter.sections.map((s) => s.key)).toEqual(['picture', 'wentWell', 'notWell', 'differences', 'improvements', 'quotes'].map((part) => `chapter.${WLZ}.${part}`));
    // The analyst's chapter, and Wlz (in no chapter of the analyst) in its own, in the usual order.
    expect(grouped.chapters.map((c) => [c.id, c.title])).toEqual([
      [WLZ, 'Wlz'],
      [SOCIAL.id, 'Sociaal Domein'],
    ]);
    expect(chapterOf(outlineOf({ chapters: [{ ...SOCIAL, title: null }] }), SOCIAL.id).title).toBe('Wmo en Jeugdwet');
  });

  it('splits the cards into went well, not well and improvements by their columns', () => {
    // Two columns: "Wat kan beter?" is what did not go well; quotes are not listed as card lines.
    expect(listedCards(sectionOf(wlzChapter, 'wentWell'))).toEqual(['card-w005']);
    expect(listedCards(sectionOf(wlzChapter, 'notWell'))).toEqual(['card-w002', 'card-w004']);
    expect(listedCards(sectionOf(wlzChapter, 'improvements'))).toEqual([]);
    // Three columns: "Wat ging niet goed?" to not well, "Verbeterpunten" to the improvements.
    const withImprovement = outlineOf({ chapters: [SOCIAL] }, [wlz, withCards(social, [{ id: 'card-s009', column: 2, theme: 'dialoog', domain: 'Jeugdwet', votes: 1, text: 'Organiseer gesprekstafels per regio' }])]);
    const chapter = chapterOf(withImprovement, SOCIAL.id);
    expect(listedCards(sectionOf(chapter, 'wentWell'))).toEqual(['card-s001', 'card-s002']);
    expect(listedCards(sectionOf(chapter, 'notWell'))).toEqual(['card-s003', 'card-s004', 'card-s006', 'card-s007', 'card-s008']);
    expect(listedCards(sectionOf(chapter, 'improvements'))).toEqual(['card-s009']);
    expect(find(sectionOf(chapter, 'improvements'), 'Organiseer gesprekstafels per regio').text).toBe('Organiseer gesprekstafels per regio (1 stem)');
  });

  it('counts cards and votes, and names the cards every counted sentence stands on', () => {
    const notWell = sectionOf(wlzChapter, 'notWell');
    const tariffs = find(notWell, 'Over tarieven en kostprijs');
    expect(tariffs).toMatchObject({ text: 'Over tarieven en kostprijs is het beeld gemengd.', bold: true });
    expect(idsOf(tariffs)).toEqual(['card-w001', 'card-w004']);
    const evidence = find(notWell, 'Dit kwam terug op 2 kaarten');
    expect(evidence.text).toBe('Dit kwam terug op 2 kaarten met samen 3 stemmen.');
    expect(idsOf(evidence)).toEqual(['card-w001', 'card-w004']);
    expect(idsOf(find(notWell, 'Daartegenover stond 1 kaart'))).toEqual(['card-w003']);
    // Digital votes and hand votes both count.
    expect(find(notWell, 'Meerzorgaanvragen')).toMatchObject({ text: 'Meerzorgaanvragen blijven maanden liggen (2 stemmen)', cards: [{ cardId: 'card-w002', votes: 2 }] });
    expect(find(notWell, 'Het gesprek over tarieven').text).toBe('Het gesprek over tarieven komt te laat (0 stemmen; uit het nabellen)');
    const picture = sectionOf(wlzChapter, 'picture');
    expect(picture.blocks[0]).toMatchObject({ kind: 'paragraph' });
    const opening = sentencesOf(picture.blocks)[0]!;
    expect(opening.text).toBe('In één sessie zijn 5 punten ingebracht: 2 over wat goed ging en 3 over wat beter kan, met samen 6 stemmen.');
    expect(idsOf(opening)).toEqual(['card-w001', 'card-w002', 'card-w003', 'card-w004', 'card-w005']);
  });

  it('links every sentence that counts cards or votes to exactly those cards', () => {
    const votesOf = (cards: Sentence['cards']) => cards.reduce((n, c) => n + c.votes, 0);
    for (const o of [outline, grouped]) {
      for (const section of allSections(o)) {
        for (const s of sentencesOf(section.blocks)) {
          // Sentences on the follow-up calls count callers, not cards.
          if (!/\d/.test(s.text) || /nabellen is dit bevestigd|nagebeld/.test(s.text)) continue;
          expect(s.cards.length, `${section.key}: ${s.text}`).toBeGreaterThan(0);
          const cards = /(\d+) (kaart|kaarten|punten|punt)\b/.exec(s.text);
          // "werd in Wmo vooral als positief punt genoemd (2 van 2 kaarten), in Jeugdwet … (2 van 2)" names two groups.
          if (cards && !/ van \d+ kaarten/.test(s.text)) expect(s.cards.length, `${section.key}: ${s.text}`).toBe(Number(cards[1]));
          const votes = /(\d+) (stem|stemmen)\b/.exec(s.text);
          if (votes) expect(votesOf(s.cards), `${section.key}: ${s.text}`).toBe(Number(votes[1]));
          if (/, zonder stemmen/.test(s.text)) expect(votesOf(s.cards)).toBe(0);
        }
      }
    }
  });

  it('leads the improvements with the facilitator’s finding in bold, with what it rests on', () => {
    const improvements = sectionOf(wlzChapter, 'improvements');
    const [first, basis, verification] = (improvements.blocks[0] as Extract<OutlineBlock, { kind: 'paragraph' }>).sentences;
    expect(improvements.blocks[0]).toMatchObject({ kind: 'paragraph', themeId: 'tarieven' });
    expect(first).toMatchObject({ text: `${WLZ_FINDING}.`, bold: true });
    expect(idsOf(first!)).toEqual(['card-w001', 'card-w004']);
    expect(basis!.text).toBe('Dit verbeterpunt rust op 2 kaarten over tarieven en kostprijs met samen 3 stemmen.');
    expect(verification!.text).toBe('Bij het nabellen is dit bevestigd door 4 van 5 nagebelde aanbieders; 1 niet.');
    expect(sentencesOf(sectionOf(socialChapter, 'improvements').blocks)[0]).toMatchObject({ text: SOCIAL_FINDING, bold: true });
    expect(renderMarkdown(report()).includes(`**${WLZ_FINDING}.** Dit verbeterpunt rust op 2 kaarten`)).toBe(true);
  });

  it('says once per theme and chapter what the follow-up calls made of it', () => {
    const count = (chapter: OutlineChapter, text: string) => chapter.sections.flatMap((s) => sentencesOf(s.blocks)).filter((s) => s.text.includes(text)).length;
    const confirmed = 'bevestigd door 4 van 5 nagebelde aanbieders';
    expect(count(wlzChapter, confirmed)).toBe(1);
    // One chapter for everything: tariffs are in all three sections, the calls are named once.
    const all = chapterOf(outlineOf({ chapters: [{ id: 'chapter-allemaal', title: 'Alles', domains: ['Wlz', 'Wmo', 'Jeugdwet'] }] }), 'chapter-allemaal');
    expect(['wentWell', 'notWell', 'improvements'].every((part) => sentencesOf(sectionOf(all, part as 'wentWell').blocks).some((s) => s.text.includes('tarieven en kostprijs')))).toBe(true);
    expect(count(all, confirmed)).toBe(1);
    // Without a finding, beside what did not go well.
    const noFindings = chapterOf(outlineOf({}, [{ ...wlz, synthesis: { ...wlz.synthesis, findings: {} } }, social]), WLZ);
    expect(count(noFindings, confirmed)).toBe(1);
    expect(sentencesOf(sectionOf(noFindings, 'notWell').blocks).some((s) => s.text.includes(confirmed))).toBe(true);
  });

  it('claims no verification for a theme from calls on another session’s finding', () => {
    // Wlz and Wmo in one chapter, the Wmo card on dialogue deleted: the social session's calls on
    // dialogue were about its Jeugdwet and Wmo cards, not about the Wlz card on it.
    const withoutWmoDialogue: Session = { ...social, cards: { ...social.cards, 'card-s005': { ...social.cards['card-s005']!, deletedAt: T0 } } };
    const chapter = chapterOf(outlineOf({ chapters: [{ id: 'chapter-wlz-wmo', title: null, domains: ['Wlz', 'Wmo'] }] }, [wlz, withoutWmoDialogue]), 'chapter-wlz-wmo');
    expect(find(sectionOf(chapter, 'wentWell'), 'Over dialoog')).toBeDefined();
    expect(chapter.sections.flatMap((s) => sentencesOf(s.blocks)).filter((s) => s.text.includes('nagebelde aanbieders; 1 herkende het deels'))).toEqual([]);
  });

  it('sets the Wmo against the Jeugdwet in a chapter that groups both', () => {
    const differences = sectionOf(socialChapter, 'differences');
    const contrast = find(differences, 'Over tarieven en kostprijs waren');
    expect(contrast.text).toBe('Over tarieven en kostprijs waren de kaarten in de Wmo vooral positief (2 van 2), in de Jeugdwet vooral kritisch (2 van 2).');
    expect(idsOf(contrast)).toEqual(['card-s001', 'card-s002', 'card-s003', 'card-s004']);
    const wmoTop = find(differences, 'In de Wmo gingen de meeste stemmen naar');
    expect(wmoTop.text).toBe('In de Wmo gingen de meeste stemmen naar tarieven en kostprijs en dialoog, vertrouwen en samenwerking (4 kaarten in totaal).');
    expect(idsOf(wmoTop)).toEqual(['card-s001', 'card-s002', 'card-s005', 'card-s007']);
    // Where the chapter spreads over domains, the evidence says how.
    expect(find(sectionOf(socialChapter, 'notWell'), 'Dit kwam terug op 2 kaarten met samen 1 stem').text).toBe('Dit kwam terug op 2 kaarten met samen 1 stem (Wmo 1, Jeugdwet 1).');
    // One domain of one session: nothing to compare, so the section is left out.
    expect(sectionOf(wlzChapter, 'differences').blocks).toEqual([]);
    expect(renderMarkdown(report()).split('## Wmo')[0]).not.toContain('### Verschillen');
  });

  it('draws the lessons from themes that recur across chapters', () => {
    const leads = (o: ReportOutline) => o.lessons.blocks.map((b) => (b.kind === 'paragraph' ? [b.themeId, b.sentences[0]!.text] : []));
    expect(leads(grouped)).toEqual([
      ['tarieven', 'Een wisselend beeld in de Wlz en Sociaal Domein over tarieven en kostprijs.'],
      ['dialoog', 'Een terugkerend knelpunt in de Wlz en Sociaal Domein: dialoog, vertrouwen en samenwerking.'],
    ]);
    // Administrative burden came up in the Wmo and the Jeugdwet: a lesson only while they are two chapters.
    expect(leads(outline).map(([themeId]) => themeId)).toEqual(['tarieven', 'dialoog', 'administratieve_lasten']);
    const tariffs = sentencesOf(grouped.lessons.blocks.slice(0, 1));
    expect(tariffs[1]!.text).toBe('Samen 7 kaarten en 11 stemmen: 3 over wat goed ging, 4 over wat niet goed ging of beter kan.');
    expect(idsOf(tariffs[1]!)).toEqual(['card-s001', 'card-s002', 'card-s003', 'card-s004', 'card-w001', 'card-w003', 'card-w004']);
    expect(tariffs[2]!.text).toBe(`Het verbeterpunt uit de sessies: ${WLZ_FINDING.charAt(0).toLowerCase()}${WLZ_FINDING.slice(1)}.`);
    // Meerzorg is a Wlz matter only.
    expect(grouped.lessons.blocks.some((b) => b.themeId === 'meerzorg')).toBe(false);
  });

  it('writes the cards that fit no theme as separate points, last, never as a theme called "overig"', () => {
    const stray = [
      { id: 'card-w090', column: 1, theme: 'overig', votes: 9, text: 'De koffie was koud' },
      { id: 'card-w091', column: 1, theme: 'overig', text: 'Het zaaltje was te klein' },
    ];
    for (const [language, lead, never] of [
      ['nl', "Daarnaast kwamen 2 losse punten over wat niet goed ging naar voren, buiten de thema's (9 stemmen).", /over overig|overig zijn/i],
      ['en', 'Besides the themes, 2 separate points came up on what did not go well (9 votes).', /with other\b|on other\b/i],
    ] as const) {
      const outline = report({}, [withCards(wlz, stray), social], { language }).outline;
      const notWell = sectionOf(chapterOf(outline, WLZ), 'notWell');
      const paragraphs = notWell.blocks.filter((b) => b.kind === 'paragraph');
      // Nine votes outweigh every theme, yet the separate points come after them.
      expect(paragraphs.at(-1)!.themeId).toBe('overig');
      expect(paragraphs.at(-1)!.kind === 'paragraph' && paragraphs.at(-1)!.sentences.map((x) => x.text)).toEqual([lead]);
      expect(idsOf(find(notWell, lead.slice(0, 20)))).toEqual(['card-w090', 'card-w091']);
      expect(listedCards(notWell)).toEqual(expect.arrayContaining(['card-w090', 'card-w091']));
      for (const section of allSections(outline)) for (const x of sentencesOf(section.blocks)) expect(x.text).not.toMatch(never);
    }

    // An improvement that fits no theme: named as such, not "Voor overig noemden deelnemers …".
    const improvement = withCards(social, [{ id: 'card-s090', column: 2, theme: 'overig', domain: 'Wmo', text: 'Zorg voor een grotere zaal' }]);
    const improvements = sectionOf(chapterOf(outlineOf({ chapters: [SOCIAL] }, [wlz, improvement]), SOCIAL.id), 'improvements');
    expect(find(improvements, 'Daarnaast noemden').text).toBe("Daarnaast noemden deelnemers deze losse verbeterpunten, buiten de thema's.");
    expect(idsOf(find(improvements, 'Daarnaast noemden'))).toEqual(['card-s090']);
  });
});

describe('buildOutline: the analyst’s edits', () => {
  const key = `chapter.${WLZ}.notWell`;
  const draft = sectionOf(chapterOf(outlineOf(), WLZ), 'notWell');
  const TEXT = '**Tarieven blijven het grootste knelpunt.** In de Wlz dekken de tarieven de kostprijs niet, en het gesprek erover komt te laat.\n\n- Meer ruimte voor een tussentijdse indexatie\n- Een tariefgesprek vóór de inschrijving';
  const doc = edited({ op: 'section', key, text: TEXT, draftHash: draft.draftHash });
  const newCard = withCards(wlz, [{ id: 'card-w006', column: 1, theme: 'tarieven', votes: 4, text: 'Het tarief houdt geen rekening met de cao' }]);

  it('prints an edited section as the analyst wrote it', () => {
    const section = sectionOf(chapterOf(outlineOf(doc), WLZ), 'notWell');
    expect(section).toMatchObject({ edited: true, stale: false, text: TEXT, draftText: draft.draftText, draftHash: draft.draftHash });
    expect(blocksToText(section.blocks.filter((b) => b.kind !== 'quote'))).toBe(TEXT);
    const markdown = renderMarkdown(report(doc));
    const printed = markdown.split('### Wat ging niet goed\n')[1]!.split('\n### ')[0]!;
    expect(printed).toContain('**Tarieven blijven het grootste knelpunt.** In de Wlz dekken de tarieven de kostprijs niet, en het gesprek erover komt te laat.\n\n- Meer ruimte voor een tussentijdse indexatie\n- Een tariefgesprek vóór de inschrijving\n');
    expect(printed).not.toContain('beeld gemengd');
    // The other sections are still the drafts.
    expect(markdown).toContain('**Over dialoog, vertrouwen en samenwerking zijn aanbieders tevreden.** Dit kwam terug op 1 kaart met 1 stem.');
  });

  it('keeps the edited text when the data moves on, and says the draft changed', () => {
    const after = sectionOf(chapterOf(outlineOf(doc, [newCard, social]), WLZ), 'notWell');
    expect(after.draftText).not.toBe(draft.draftText);
    expect(after.draftText).toContain('Het tarief houdt geen rekening met de cao (4 stemmen)');
    expect(after).toMatchObject({ edited: true, stale: true, text: TEXT });
    expect(renderMarkdown(report(doc, [newCard, social]))).not.toContain('Het tarief houdt geen rekening met de cao (4 stemmen)');
    // Editing on does not make it current: the analyst has not seen the new draft.
    const more = unwrap(applyReportEdit(doc, { op: 'section', key, text: `${TEXT}\n\nNog een alinea.`, draftHash: after.draftHash }, T0 + 10_000));
    expect(sectionOf(chapterOf(outlineOf(more, [newCard, social]), WLZ), 'notWell').stale).toBe(true);
  });

  it('goes back to the draft on a reset', () => {
    const reset = unwrap(applyReportEdit(doc, { op: 'section-reset', key }, T0 + 120_000));
    const section = sectionOf(chapterOf(outlineOf(reset, [newCard, social]), WLZ), 'notWell');
    expect(section).toMatchObject({ edited: false, stale: false });
    expect(section.text).toBe(section.draftText);
    expect(section.text).toContain('Het tarief houdt geen rekening met de cao (4 stemmen)');
  });

  it('leaves a section the analyst emptied out of the documents', () => {
    const emptied = edited({ op: 'section', key: `chapter.${WLZ}.picture`, text: '  \n\n ', draftHash: '00000000' });
    expect(sectionOf(chapterOf(outlineOf(emptied), WLZ), 'picture').blocks).toEqual([]);
    expect(renderMarkdown(report(emptied)).split('## Wmo')[0]!.split('## Wlz')[1]).not.toContain('### Algemeen beeld');
  });

  it('ignores the edits in a report of one session', () => {
    const everything = edited(
      { op: 'section', key, text: TEXT, draftHash: draft.draftHash },
      { op: 'chapters', chapters: [SOCIAL] },
      { op: 'quote', key: 'session-wlz1:card-w001', slot: { chapterId: WLZ, section: 'quotes', themeId: null } },
    );
    const one = buildReport({ ...study, report: everything }, sessions, { now: T0, sessionId: wlz.id }).outline;
    expect(one).toMatchObject({ editable: false, customChapters: false, undoSteps: 0 });
    expect(one.chapters.map((c) => c.id)).toEqual([WLZ]);
    expect(allSections(one).some((s) => s.edited)).toBe(false);
    expect(one.quotes.find((q) => q.key === 'session-wlz1:card-w001')).toMatchObject({ moved: false, slot: { chapterId: WLZ, section: 'notWell', themeId: 'tarieven' } });
    // The study's own report does use them.
    const all = outlineOf(everything);
    expect(all).toMatchObject({ editable: true, customChapters: true, undoSteps: 3, version: 3 });
  });

  it('keeps the edits of a default chapter when other domains are grouped', () => {
    const both = edited({ op: 'section', key, text: TEXT, draftHash: draft.draftHash }, { op: 'chapters', chapters: [SOCIAL] });
    expect(sectionOf(chapterOf(outlineOf(both), WLZ), 'notWell').text).toBe(TEXT);
  });
});

describe('buildOutline: quotes', () => {
  const all = (o: ReportOutline) => quoteBlocks(o).map((q) => q.block.key).sort();
  const KEYS = ['session-soc1:card-s005', 'session-wlz1:card-w001', 'session-wlz1:card-w003'];

  it('places every quote once, beside its theme’s paragraph', () => {
    for (const doc of [{}, { chapters: [SOCIAL] }, { chapters: [{ id: 'chapter-allemaal', title: 'Alles', domains: ['Wlz', 'Wmo', 'Jeugdwet'] }] }]) {
      const outline = outlineOf(doc);
      expect(all(outline)).toEqual(KEYS);
      expect(outline.quotes.map((q) => q.key).sort()).toEqual(KEYS);
      for (const { section, block, index } of quoteBlocks(outline)) {
        // The nearest text block above the quote is its theme's.
        const above = section.blocks.slice(0, index).filter((b) => b.kind !== 'quote').at(-1);
        expect(above?.themeId, `${block.key} in ${section.key}`).toBe(block.themeId);
      }
    }
    const outline = outlineOf();
    const where = Object.fromEntries(quoteBlocks(outline).map((q) => [q.block.key, q.section.key]));
    expect(where).toEqual({
      'session-wlz1:card-w001': `chapter.${WLZ}.notWell`,
      'session-wlz1:card-w003': `chapter.${WLZ}.wentWell`,
      'session-soc1:card-s005': `chapter.${defaultChapterId('Wmo')}.improvements`,
    });
  });

  it('sets quotes in the house style, without the marks the writer typed', () => {
    const lines = (doc: Partial<ReportDocument>) => renderMarkdown(report(doc)).split('\n').filter((l) => l.startsWith('> ') && !l.startsWith('> —'));
    expect(lines({})).toEqual(['> “Het tariefgesprek was open en eerlijk”\\', '> “De tarieven dekken de kostprijs niet”\\', '> “Betrek aanbieders eerder bij het bestek”\\']);
    const single = lines({ quoteStyle: 'single' });
    expect(single).toHaveLength(3);
    expect(single).toContain('> ‘Het tariefgesprek was open en eerlijk’\\');
    for (const line of single) expect(line).toMatch(/^> ‘[^"“”‘]+’\\$/);
  });

  it('strips only the marks around a quote', () => {
    expect(quoted('"Het tariefgesprek was open"', 'single')).toBe('‘Het tariefgesprek was open’');
    expect(quoted('  „Te laag”  ', 'double')).toBe('“Te laag”');
    expect(quoted('‘Zo’n tarief is te laag’', 'double')).toBe('“Zo’n tarief is te laag”');
    expect(quoted('"Het is te laag".', 'double')).toBe('“Het is te laag.”');
    expect(quoted('“Onvolledig', 'double')).toBe('“Onvolledig”');
    // Marks inside the quote are the writer's words.
    expect(quoted("Ze noemen het 'maatwerk'", 'double')).toBe("“Ze noemen het 'maatwerk'”");
    expect(quoted('"Maatwerk" is het woord, zei de "inkoper"', 'single')).toBe('‘"Maatwerk" is het woord, zei de "inkoper"’');
    expect(quoted('Auto’s en \'s avonds', 'double')).toBe('“Auto’s en \'s avonds”');
    expect(quoted("'s Avonds belt niemand terug", 'single')).toBe("‘'s Avonds belt niemand terug’");
    expect(quoteText('"‘Dubbel’"')).toBe('Dubbel');
    for (const text of ['"Het is te laag".', "Ze noemen het 'maatwerk'", '„Te laag”']) expect(quoteText(quoteText(text))).toBe(quoteText(text));
  });

  it('attributes a quote by name only to an author who consented, never on an anonymous card', () => {
    const outline = outlineOf();
    const by = Object.fromEntries(outline.quotes.map((q) => [q.key, q.attribution]));
    expect(by).toEqual({
      // Ann consented and wrote it under her name.
      'session-wlz1:card-w001': 'Zorggroep Noord',
      // Ann again, but anonymously.
      'session-wlz1:card-w003': 'deelnemer, Wlz',
      // Bob did not consent.
      'session-soc1:card-s005': 'deelnemer, Wmo',
    });
    for (const hidden of ['Ann Open', 'Bob Geheim', 'Stichting Stil']) expect(JSON.stringify(outline)).not.toContain(hidden);
    // Ann is named in the appendix (she consented); Bob nowhere.
    for (const hidden of ['Bob Geheim', 'Stichting Stil']) expect(renderMarkdown(report())).not.toContain(hidden);
  });

  it('puts a moved quote where the analyst moved it, and nowhere else', () => {
    const socialQuote = 'session-soc1:card-s005';
    const moved = outlineOf({ quotes: { [socialQuote]: { chapterId: WLZ, section: 'quotes', themeId: null } } });
    expect(all(moved)).toEqual(KEYS);
    expect(quoteBlocks(moved).find((q) => q.block.key === socialQuote)!.section.key).toBe(`chapter.${WLZ}.quotes`);
    expect(moved.quotes.find((q) => q.key === socialQuote)).toMatchObject({ moved: true, attribution: 'deelnemer, Wmo' });
    expect(renderMarkdown(report({ quotes: { [socialQuote]: { chapterId: WLZ, section: 'quotes', themeId: null } } })).split('## Wmo')[0]).toContain('### Citaten\n\n> “Betrek aanbieders eerder bij het bestek”');

    // Beside another theme's paragraph: after that theme's blocks, before the next theme.
    const beside = outlineOf({ chapters: [SOCIAL], quotes: { [socialQuote]: { chapterId: SOCIAL.id, section: 'notWell', themeId: 'tarieven' } } });
    const notWell = sectionOf(chapterOf(beside, SOCIAL.id), 'notWell');
    const at = notWell.blocks.findIndex((b) => b.kind === 'quote' && b.key === socialQuote);
    expect(notWell.blocks.slice(0, at).map((b) => b.themeId)).toEqual(['tarieven', 'tarieven']);
    expect(notWell.blocks[at + 1]?.themeId).not.toBe('tarieven');
    expect(all(beside)).toEqual(KEYS);

    // Moved into a chapter that is gone: back beside its theme at home.
    const gone = outlineOf({ quotes: { [socialQuote]: { chapterId: 'chapter-gone', section: 'quotes', themeId: null } } });
    expect(gone.quotes.find((q) => q.key === socialQuote)).toMatchObject({ moved: false, slot: { chapterId: defaultChapterId('Wmo'), section: 'improvements', themeId: 'dialoog' } });
  });

  it('keeps a quote beside its theme in a section the analyst rewrote', () => {
    const key = `chapter.${WLZ}.notWell`;
    const doc = edited({ op: 'section', key, text: 'Tarieven en kostprijs blijven een knelpunt.\n\n- De indexering is te laag\n\nOver meerzorg en complexe zorg valt weinig goeds te melden.', draftHash: '00000000' });
    const section = sectionOf(chapterOf(outlineOf(doc), WLZ), 'notWell');
    expect(section.blocks.map((b) => (b.kind === 'quote' ? b.key : b.themeId))).toEqual(['tarieven', 'tarieven', 'session-wlz1:card-w001', 'meerzorg']);
  });
});

describe('the text format of a section', () => {
  const roundTrip = (text: string) => blocksToText(textToBlocks(text));

  it('reads paragraphs, bold and lists, and writes them back as typed', () => {
    for (const text of [
      '**Tarieven blijven het knelpunt.** Aanbieders vragen om indexatie.',
      'Een **vet** woord, en (**zo**). Daarna: **dit**; dat!',
      '‘**Citaat**’ en auto’s.',
      'Eerste alinea.\n\nTweede alinea.',
      '- Een punt\n- **Een vet punt**\n\nEn een alinea erna.',
    ]) {
      expect(roundTrip(text), text).toBe(text);
    }
    const runs = (b: OutlineBlock) => (b.kind === 'quote' ? [] : b.kind === 'paragraph' ? b.sentences : b.items).map((s) => [s.text.trim(), s.bold]);
    expect(textToBlocks('**Kop.** Tekst.\n\n- een\n- twee').map((b) => [b.kind, runs(b)])).toEqual([
      ['paragraph', [['Kop.', true], ['Tekst.', false]]],
      ['list', [['een', false], ['twee', false]]],
    ]);
  });

  it('tidies what a text box lets through', () => {
    expect(roundTrip('Een regel\nloopt door.\r\n\r\n\r\nNieuwe   alinea.')).toBe('Een regel loopt door.\n\nNieuwe alinea.');
    expect(roundTrip('* een\n• twee')).toBe('- een\n- twee');
    // An unclosed ** stays as typed.
    expect(textToBlocks('Een **open eind')).toEqual([{ kind: 'paragraph', themeId: null, sentences: [{ text: 'Een **open eind', bold: false, cards: [] }] }]);
    expect(textToBlocks(' \n\n\t')).toEqual([]);
  });

  it('writes the drafts in the same format the editor reads', () => {
    const section = sectionOf(chapterOf(outlineOf(), WLZ), 'notWell');
    const draftBlocks = section.blocks.filter((b) => b.kind !== 'quote');
    expect(section.text).toBe(blocksToText(draftBlocks));
    expect(roundTrip(section.text)).toBe(section.text);
    expect(section.text.startsWith('**Over tarieven en kostprijs is het beeld gemengd.** Dit kwam terug op 2 kaarten')).toBe(true);
  });
});
