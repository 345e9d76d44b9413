import { describe, expect, it } from 'vitest';
import { buildReport, procurementYear } from '../../../../shared/domain/report/build.ts';
import { DEFAULT_CODEBOOK } from '../../../../shared/domain/themes/default-codebook.ts';
import type { FollowUpCall } from '../../../../shared/schemas/followup.ts';
import type { Card, Participant, Session } from '../../../../shared/schemas/session.ts';
import type { Study } from '../../../../shared/schemas/study.ts';
import { defaultQuestionReport } from '../../../../shared/schemas/survey.ts';
import { STUDY_ID, T0, makeSession } from '../../fixtures.ts';
import { emptyReportDocument } from '../../../../shared/schemas/report-document.ts';

const study: Study = {
  schemaVersion: 1,
  id: STUDY_ID,
  title: 'Evaluatie zorginkoop 2025',
  keyHash: 'a'.repeat(64),
  report: emptyReportDocument(),
  reportSettings: { rounding: 'largest-remainder', smallGroup: 10 },
  sessionIds: [],
  codebook: structuredClone(DEFAULT_CODEBOOK),
  surveys: [],
  createdAt: T0,
  updatedAt: T0,
};

const person = (id: string, name: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  name,
  consent: false,
  addedByFacilitator: false,
  joinedAt: T0,
  ...extra,
});

let n = 0;
function card(session: Session, column: 0 | 1, text: string, extra: Partial<Card> = {}): Card {
  n++;
  return {
    id: `card-${String(n).padStart(4, '0')}`,
    columnId: session.columns[column]!.id,
    domain: null,
    text,
    author: { kind: 'room' },
    anonymous: false,
    handVotes: 0,
    createdAt: T0 + n,
    updatedAt: T0 + n,
    deletedAt: null,
    mergedInto: null,
    origin: { kind: 'session' },
    ...extra,
  };
}

const call = (id: string, name: string, answers: Record<string, 'herkend' | 'deels' | 'niet_herkend'>, extra: Partial<FollowUpCall> = {}): FollowUpCall => ({
  id,
  callee: { name, organisation: `Organisatie ${name}`, scope: 'regionaal', size: 'groot', region: 'Noord', consent: false },
  calledOn: '2025-12-01',
  calledBy: 'Analist',
  answers: Object.fromEntries(Object.entries(answers).map(([theme, verdict]) => [theme, { verdict, at: T0 }])),
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
  ...extra,
});

function withCards(session: Session, cards: Card[]): Session {
  return { ...session, cards: Object.fromEntries(cards.map((c) => [c.id, c])) };
}

// Wlz, physical: three people (one consents), tariffs and meerzorg, one anonymous quote, two calls.
const wlzBase: Session = { ...makeSession({ domains: ['Wlz'] }), id: 'session-wlz1', title: 'Werksessie Wlz', mode: 'fysiek', date: '2025-11-10' };
const ann = person('participant-ann', 'Ann Open', { consent: true, organisation: 'Zorggroep Noord', scope: 'regionaal', size: 'groot', region: 'Noord' });
const bob = person('participant-bob', 'Bob Geheim', { organisation: 'Stichting Stil', scope: 'landelijk', size: 'klein' });
const cat = person('participant-cat', 'Cat Zaal', { addedByFacilitator: true });
const wlzCards = [
  card(wlzBase, 1, 'De tarieven dekken de kostprijs niet, de indexering is te laag', { author: { kind: 'participant', participantId: ann.id }, handVotes: 3 }),
  card(wlzBase, 1, 'Meerzorgaanvragen blijven maanden liggen bij het zorgkantoor', { author: { kind: 'participant', participantId: bob.id } }),
  card(wlzBase, 0, 'Het tariefgesprek met het zorgkantoor was open en eerlijk', { author: { kind: 'participant', participantId: ann.id }, anonymous: true }),
  card(wlzBase, 1, 'Het gesprek over kostendekkende tarieven komt te laat', { origin: { kind: 'followup', callId: 'call-0001' } }),
  card(wlzBase, 1, 'Verwijderde kaart over tarieven', { deletedAt: T0 }),
];
const wlz: Session = {
  ...withCards(wlzBase, wlzCards),
  participants: { [ann.id]: ann, [bob.id]: bob, [cat.id]: cat },
  votes: {
    'vote-0001': { id: 'vote-0001', cardId: wlzCards[1]!.id, voterId: ann.id, anonymous: true, createdAt: T0 },
    'vote-0002': { id: 'vote-0002', cardId: wlzCards[1]!.id, voterId: bob.id, anonymous: true, createdAt: T0 },
    'vote-0003': { id: 'vote-0003', cardId: wlzCards[4]!.id, voterId: bob.id, anonymous: true, createdAt: T0 },
  },
  synthesis: {
    // The facilitator's decision, so the test does not hang on what the engine suggests.
    decisions: { [wlzCards[2]!.id]: { themeId: 'tarieven', pinned: false, at: T0 } },
    rejected: {},
    quotes: { [wlzCards[2]!.id]: true, [wlzCards[0]!.id]: true },
    findings: { tarieven: 'Tarieven volgen de kostprijs niet.', meerzorg: 'Meerzorg wordt traag afgehandeld.' },
    secondary: {},
  },
  followUps: {
    'call-0001': call('call-0001', 'Dirk Belt', { tarieven: 'herkend', meerzorg: 'deels' }, { callee: { name: 'Dirk Belt', organisation: 'Zorg Zuid', scope: 'landelijk', size: 'middelgroot', region: 'Zuid', consent: true } }),
    'call-0002': call('call-0002', 'Carla Verborgen', { tarieven: 'herkend' }),
    'call-0003': call('call-0003', 'Gerard Gewist', { tarieven: 'niet_herkend' }, { deletedAt: T0 }),
  },
};

// Wmo, digital: tariffs again (a recurring theme) and dialogue.
const wmoBase: Session = { ...makeSession({ domains: ['Wmo'] }), id: 'session-wmo1', title: 'Werksessie Wmo', mode: 'digitaal', date: '2025-11-12' };
const wmo: Session = {
  ...withCards(wmoBase, [
    card(wmoBase, 1, 'Het tarief per uur ligt ver onder de kostprijs', { handVotes: 2 }),
    card(wmoBase, 0, 'De gesprekstafels met de gemeente waren een echte dialoog', { handVotes: 1 }),
  ]),
  participants: { 'participant-eva': person('participant-eva', 'Eva Anoniem', { region: 'Oost' }) },
};

const other: Session = { ...wmo, id: 'session-othr', studyId: 'another-study' };

describe('buildReport', () => {
  const report = buildReport(study, [wmo, wlz, other], { now: T0 });

  it('describes the method: sessions, physical or digital, participants, providers verified', () => {
    expect(report.scope).toEqual({ kind: 'study' });
    expect(report.introduction.method).toMatchObject({ physical: 1, digital: 1, participants: 4, providersVerified: 2 });
    expect(report.introduction.method.sessions.map((s) => s.title)).toEqual(['Werksessie Wlz', 'Werksessie Wmo']);
    expect(report.introduction.questions).toEqual(['Wat ging er goed?', 'Wat kan beter?']);
  });

  it('has a section per domain with went well, should improve, findings with verification and quotes', () => {
    expect(report.domains.map((d) => d.domain)).toEqual(['Wlz', 'Wmo']);
    const wlzSection = report.domains[0]!;
    expect(wlzSection.wentWell.map((c) => c.text)).toEqual(['Het tariefgesprek met het zorgkantoor was open en eerlijk']);
    // Most votes first; the deleted card is gone; the follow-up point is marked as such.
    expect(wlzSection.toImprove.map((c) => [c.votes, c.fromFollowUp])).toEqual([[3, false], [2, false], [0, true]]);
    const tariffs = wlzSection.improvements.find((f) => f.themeId === 'tarieven')!;
    expect(tariffs.finding).toBe('Tarieven volgen de kostprijs niet.');
    expect(tariffs.verification).toMatchObject({ asked: 2, herkend: 2, deels: 0, niet_herkend: 0, summary: 'bevestigd door 2 van 2 nagebelde aanbieders' });
    expect(wlzSection.improvements.find((f) => f.themeId === 'meerzorg')!.verification.summary).toBe('bevestigd door 0 van 1 nagebelde aanbieder, 1 deels');
    expect(wlzSection.generalPicture).toContain('4 punten');
  });

  it('attributes a quote only to someone who consented, and never an anonymous card', () => {
    const quotes = report.domains[0]!.quotes;
    expect(quotes).toContainEqual({ text: 'De tarieven dekken de kostprijs niet, de indexering is te laag', attribution: 'Zorggroep Noord' });
    expect(quotes).toContainEqual({ text: 'Het tariefgesprek met het zorgkantoor was open en eerlijk', attribution: 'deelnemer, Wlz' });
  });

  it('names nobody who did not consent, anywhere in the report', () => {
    const text = JSON.stringify(report);
    for (const hidden of ['Bob Geheim', 'Cat Zaal', 'Eva Anoniem', 'Carla Verborgen', 'Gerard Gewist', 'participant-bob', 'participant-ann']) expect(text).not.toContain(hidden);
    expect(report.appendix.sessions[0]!.named).toEqual(['Ann Open (Zorggroep Noord)']);
    expect(report.appendix.followUp.named).toEqual(['Dirk Belt (Zorg Zuid)']);
  });

  it('counts participants per session by scope, size and region', () => {
    expect(report.appendix.sessions[0]).toMatchObject({
      title: 'Werksessie Wlz',
      mode: 'fysiek',
      count: 3,
      scope: { regionaal: 1, landelijk: 1, onbekend: 1 },
      size: { klein: 1, middelgroot: 0, groot: 1, onbekend: 1 },
      regions: { Noord: 1, onbekend: 2 },
    });
    expect(report.appendix.followUp).toMatchObject({ count: 2, scope: { regionaal: 1, landelijk: 1, onbekend: 0 } });
  });

  it('has figures that add up to the cards', () => {
    const cardVotes = report.cards.reduce((sum, c) => sum + c.votes, 0);
    expect(cardVotes).toBe(3 + 2 + 0 + 0 + 2 + 1);
    expect(report.figures.votesPerTheme.reduce((sum, t) => sum + t.votes, 0)).toBe(cardVotes);
    expect(report.figures.votesPerTheme.reduce((sum, t) => sum + t.cards, 0)).toBe(report.cards.length);
    const cells = report.figures.matrix.rows.flatMap((r) => Object.values(r.cells));
    expect(cells.reduce((sum, c) => sum + c.votes, 0)).toBe(cardVotes);
    expect(cells.reduce((sum, c) => sum + c.cards, 0)).toBe(report.cards.length);
    for (const section of report.domains) {
      const balance = report.figures.balance.find((b) => b.domain === section.domain)!;
      expect(balance).toEqual({ domain: section.domain, wentWell: section.wentWell.length, toImprove: section.toImprove.length });
    }
  });

  it('leaves second themes out of the matrix figure and the lessons: cards count for their first theme', () => {
    const touched: Session = { ...wlz, synthesis: { ...wlz.synthesis, secondary: { [wlzCards[1]!.id]: 'innovatie', [wlzCards[0]!.id]: 'meerzorg' } } };
    const again = buildReport(study, [wmo, touched, other], { now: T0 });
    expect(again.figures.matrix).toEqual(report.figures.matrix);
    expect(again.lessons).toEqual(report.lessons);
    expect(again.figures.matrix.rows.some((r) => r.themeId === 'innovatie')).toBe(false);
  });

  it('finds the themes that recur across domains', () => {
    expect(report.lessons.map((l) => [l.themeId, l.domains])).toEqual([['tarieven', ['Wlz', 'Wmo']]]);
    expect(report.lessons[0]!.findings).toEqual(['Tarieven volgen de kostprijs niet.']);
  });

  it('lists every live card for the CSV, with origin and verification', () => {
    expect(report.cards).toHaveLength(6);
    const followUp = report.cards.find((c) => c.origin === 'nabellen')!;
    expect(followUp).toMatchObject({ session: 'Werksessie Wlz', domain: 'Wlz', column: 'Wat kan beter?', theme: 'Tarieven en kostprijs', verification: 'herkend 2, deels 0, niet herkend 0' });
    expect(report.cards.filter((c) => c.quote)).toHaveLength(2);
  });

  it('can be of one session, and in English', () => {
    const one = buildReport(study, [wmo, wlz], { now: T0, sessionId: wmo.id, language: 'en' });
    expect(one.scope).toEqual({ kind: 'session', sessionId: wmo.id, sessionTitle: 'Werksessie Wmo' });
    expect(one.cards.every((c) => c.session === 'Werksessie Wmo')).toBe(true);
    expect(one.introduction.purpose).toMatch(/^This report/);
    expect(one.domains[0]!.generalPicture).toMatch(/^One session brought 2 points/);
  });

  it('puts the opened polls and the survey questions, beside their theme, in the figures', () => {
    const poll = (id: string, status: 'draft' | 'open' | 'closed', deletedAt: number | null = null) => ({
      id,
      question: `Vraag ${id}`,
      kind: 'single' as const,
      options: [{ id: 'option-ja', label: 'Ja' }, { id: 'option-nee', label: 'Nee' }],
      status,
      showLive: false,
      answers: { [ann.id]: { optionIds: ['option-ja'] }, [bob.id]: { optionIds: ['option-nee'] }, [cat.id]: { optionIds: ['option-ja'] } },
      handCounts: { 'option-nee': 1 },
      handValues: [],
      createdAt: T0,
      openedAt: status === 'draft' ? null : T0,
      closedAt: null,
      deletedAt,
    });
    const withPolls: Session = { ...wlz, polls: { 'poll-0001': poll('poll-0001', 'closed'), 'poll-0002': poll('poll-0002', 'draft'), 'poll-0003': poll('poll-0003', 'open', T0) } };
    const survey = {
      id: 'survey-0001',
      title: 'Ledenpeiling 2025',
      source: 'peiling.csv',
      questions: [{ id: 'col-0002', column: 'Duidelijk?', label: 'Is de procedure duidelijk?', kind: 'single' as const, missing: ['niet van toepassing'], themeId: 'tarieven', report: defaultQuestionReport() }],
      attributes: [{ id: 'col-0001', column: 'domein', label: 'Domein' }],
      responses: [
        ['Wlz', 'ja'],
        ['Wlz', 'ja'],
        ['Wlz', 'nee'],
        ['Wmo', 'ja'],
        ['Wmo', 'niet van toepassing'],
      ].map(([domain, answer]) => ({ 'col-0001': domain!, 'col-0002': answer! })),
      importedAt: T0,
    };
    const withSurvey = buildReport({ ...study, surveys: [survey] }, [withPolls, wmo], { now: T0 });
    const [pollBlock, surveyBlock, ...rest] = withSurvey.figureBlocks;
    expect(rest).toEqual([]);
    // Device answers (2 ja, 1 nee) plus a hand-counted nee: 50/50; the draft and the deleted poll are left out.
    expect(pollBlock).toMatchObject({ source: { kind: 'poll', session: 'Werksessie Wlz' }, question: 'Vraag poll-0001', themeId: null });
    expect(pollBlock!.figures).toMatchObject({ kind: 'choice', n: 4, categories: [{ label: 'Ja', count: 2, percent: 50 }, { label: 'Nee', count: 2, percent: 50 }] });
    expect(JSON.stringify(pollBlock)).not.toContain(ann.id);
    expect(surveyBlock).toMatchObject({ source: { kind: 'survey', survey: 'Ledenpeiling 2025' }, themeId: 'tarieven', themeLabel: 'Tarieven en kostprijs' });
    expect(surveyBlock!.figures).toMatchObject({ n: 5, categories: [{ count: 3, percent: 60 }, { count: 1, percent: 20 }, { count: 1, percent: 20, missing: true }] });
    // By default broken down by the survey's first attribute only.
    expect(surveyBlock!.breakdowns.map((b) => b.attribute)).toEqual(['Domein']);
    expect(surveyBlock!.breakdowns[0]!.groups.map((g) => [g.value, g.figures.n, g.figures.kind === 'choice' ? g.figures.categories.map((c) => c.percent) : []])).toEqual([
      ['Wlz', 3, [67, 33, 0]],
      ['Wmo', 2, [50, 0, 50]],
    ]);
    // A session's report has its polls, not the study's surveys.
    expect(buildReport({ ...study, surveys: [survey] }, [withPolls], { now: T0, sessionId: withPolls.id }).figureBlocks.map((b) => b.source.kind)).toEqual(['poll']);
  });

  it('is the same for the same input', () => {
    expect(buildReport(study, [wlz, wmo], { now: T0 })).toEqual(report);
  });
});

describe('procurementYear', () => {
  it('takes the year in the title, else the year of the last session, else none', () => {
    expect(procurementYear({ ...study, title: 'Evaluatie zorginkoop 2025' }, [])).toBe(2025);
    const dated = (date: string): Session => ({ ...makeSession(), date });
    expect(procurementYear({ ...study, title: 'Evaluatie zorginkoop' }, [dated('2024-11-20'), dated('2025-01-15')])).toBe(2025);
    expect(procurementYear({ ...study, title: 'Evaluatie' }, [])).toBeNull();
  });

  it('names that year in the purpose instead of "dit jaar"', () => {
    const model = buildReport({ ...study, title: 'Evaluatie zorginkoop 2025' }, [], { language: 'nl', now: T0 });
    expect(model.introduction.purpose).toContain('in de zorginkoop van 2025, en wat kan in 2026 beter?');
    expect(model.introduction.purpose).not.toContain('dit jaar');
  });
});
