import type { Codebook } from '../../schemas/codebook.ts';
import type { FollowUpCall } from '../../schemas/followup.ts';
import type { Profile } from '../../schemas/profile.ts';
import { BUILTIN_DOMAINS, type Card, type Session } from '../../schemas/session.ts';
import type { Study } from '../../schemas/study.ts';
import type { Rounding } from '../figures.ts';
import { pollResults } from '../poll-results.ts';
import { NO_DOMAIN, studyMatrix } from '../study-matrix.ts';
import { synthesisView } from '../synthesis-view.ts';
import { isLive, tallyVotes } from '../visibility.ts';
import type {
  AppendixSession,
  CardItem,
  CardRow,
  DomainSection,
  FigureBlock,
  Lesson,
  ParticipantCounts,
  Quote,
  ReportModel,
  ThemeFinding,
  ThemeLine,
} from './types.ts';
import { surveyBlocks, surveyQuotes } from './survey-blocks.ts';
import { byDomainOrder, collectCardFacts, liveCalls, type CardFacts } from './card-facts.ts';
import { buildOutline } from './outline/index.ts';
import { REPORT_TEXTS, SUMMARY_TEXTS as TEXT } from './texts.ts';
import { verificationFor } from './verification.ts';

export { cardDomain, columnKind, type ColumnKind } from './card-facts.ts';

export interface ReportOptions {
  /** One session of the study; the whole study when left out. */
  sessionId?: string;
  language?: 'nl' | 'en';
  now: number;
}

/** "Name (Organisation)" for people who consented to be named; nobody else. */
const namedAs = (p: Profile): string | null => (p.consent ? (p.organisation ? `${p.name} (${p.organisation})` : p.name) : null);

function countPeople(people: Profile[], unknown: string): ParticipantCounts {
  const counts: ParticipantCounts = {
    count: people.length,
    scope: { regionaal: 0, landelijk: 0, onbekend: 0 },
    size: { klein: 0, middelgroot: 0, groot: 0, onbekend: 0 },
    regions: {},
    named: [],
  };
  // Regions are typed in by participants: counted in a Map, so "constructor" or "__proto__" is a
  // region like any other rather than a member of every object.
  const regions = new Map<string, number>();
  for (const p of people) {
    counts.scope[p.scope ?? 'onbekend']++;
    counts.size[p.size ?? 'onbekend']++;
    const region = p.region ?? unknown;
    regions.set(region, (regions.get(region) ?? 0) + 1);
    const name = namedAs(p);
    if (name) counts.named.push(name);
  }
  counts.regions = Object.fromEntries(regions);
  counts.named.sort((a, b) => a.localeCompare(b));
  return counts;
}

/** The polls that were opened (not deleted), per session in order. */
function pollBlocks(sessions: Session[], rounding: Rounding): FigureBlock[] {
  return sessions.flatMap((session) =>
    Object.values(session.polls)
      .filter((poll) => poll.deletedAt === null && poll.status !== 'draft')
      .sort((a, b) => (a.openedAt ?? 0) - (b.openedAt ?? 0) || (a.id < b.id ? -1 : 1))
      .map((poll) => ({
        id: `poll-${session.id}-${poll.id}`,
        source: { kind: 'poll' as const, session: session.title },
        question: poll.question,
        themeId: null,
        themeLabel: null,
        figures: pollResults(poll, rounding).figures,
        breakdowns: [],
        callouts: [],
      })),
  );
}

/**
 * The procurement year the study looks back on: a year in its title ("Evaluatie zorginkoop 2025"),
 * else the year of its last session; null when neither says.
 */
export function procurementYear(study: Study, sessions: Session[]): number | null {
  const inTitle = /\b(20\d{2})\b/.exec(study.title);
  if (inTitle) return Number(inTitle[1]);
  const last = sessions.map((s) => s.date).sort().at(-1);
  return last ? Number(last.slice(0, 4)) : null;
}

/**
 * The report of a study, or of one of its sessions, as data (see types.ts). Pure: the same study,
 * sessions and options give the same report. Names appear only for people who consented, and a
 * quote's author only when the card was not anonymous.
 */
export function buildReport(study: Study, allSessions: Session[], options: ReportOptions): ReportModel {
  const language = options.language ?? 'nl';
  const t = TEXT[language];
  const sessions = allSessions
    .filter((s) => s.studyId === study.id && (options.sessionId === undefined || s.id === options.sessionId))
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt);
  const codebook: Codebook = study.codebook;

  const facts = collectCardFacts(study, sessions, language);

  const attribution = (f: CardFacts): string => {
    if (f.card.origin.kind === 'followup') return `${t.called}, ${f.domain}`;
    if (f.card.author.kind === 'participant' && !f.card.anonymous) {
      const author = f.session.participants[f.card.author.participantId];
      if (author?.consent) return author.organisation ?? author.name;
    }
    return `${t.participant}, ${f.domain}`;
  };
  const item = (f: CardFacts): CardItem => ({ text: f.card.text, votes: f.votes, themeLabel: f.themeLabel, fromFollowUp: f.card.origin.kind === 'followup' });
  const byVotes = (a: CardFacts, b: CardFacts) => b.votes - a.votes || a.card.createdAt - b.card.createdAt;

  const domains = [...new Set(facts.map((f) => f.domain))].sort(byDomainOrder);
  const sections: DomainSection[] = domains.map((domain) => {
    const inDomain = facts.filter((f) => f.domain === domain);
    const themes = new Map<string, ThemeLine>();
    for (const f of inDomain) {
      const line = themes.get(f.themeId) ?? { themeId: f.themeId, label: f.themeLabel, cards: 0, votes: 0, wentWell: 0, toImprove: 0 };
      line.cards++;
      line.votes += f.votes;
      if (f.kind === 'goed') line.wentWell++;
      if (f.kind === 'beter') line.toImprove++;
      themes.set(f.themeId, line);
    }
    const themeLines = [...themes.values()].sort((a, b) => b.votes - a.votes || b.cards - a.cards || a.label.localeCompare(b.label));
    const sessionsHere = [...new Set(inDomain.map((f) => f.session))];
    const improvements: ThemeFinding[] = [];
    for (const session of sessionsHere) {
      for (const line of themeLines) {
        const finding = Object.hasOwn(session.synthesis.findings, line.themeId) ? session.synthesis.findings[line.themeId] : undefined;
        if (!finding || !inDomain.some((f) => f.session === session && f.themeId === line.themeId)) continue;
        improvements.push({ themeId: line.themeId, label: line.label, finding, verification: verificationFor(liveCalls(session), line.themeId, language) });
      }
    }
    const quotes: Quote[] = inDomain.filter((f) => f.quote).map((f) => ({ text: f.card.text, attribution: attribution(f) }));
    const votes = inDomain.reduce((sum, f) => sum + f.votes, 0);
    const top = themeLines.filter((l) => l.themeId !== 'overig' && l.votes > 0).slice(0, 3).map((l) => l.label);
    return {
      domain,
      sessions: sessionsHere.map((s) => s.title),
      generalPicture: t.picture(
        inDomain.length,
        inDomain.filter((f) => f.kind === 'goed').length,
        inDomain.filter((f) => f.kind === 'beter').length,
        votes,
        sessionsHere.length,
        top,
      ),
      wentWell: inDomain.filter((f) => f.kind === 'goed').sort(byVotes).map(item),
      toImprove: inDomain.filter((f) => f.kind === 'beter').sort(byVotes).map(item),
      improvements,
      quotes,
      themes: themeLines,
    };
  });

  const matrix = studyMatrix(sessions, codebook, language);
  const lessons: Lesson[] = matrix.themes
    .filter((th) => th.id !== 'overig')
    .map((th) => {
      const cells = matrix.cells[th.id] ?? {};
      const here = Object.entries(cells).filter(([d, c]) => d !== NO_DOMAIN && c.cards > 0);
      const findings = [...new Set(sessions.flatMap((s) => (Object.hasOwn(s.synthesis.findings, th.id) ? [s.synthesis.findings[th.id]!] : [])))];
      return {
        themeId: th.id,
        label: th.label,
        domains: here.map(([d]) => d).sort(byDomainOrder),
        cards: here.reduce((sum, [, c]) => sum + c.cards, 0),
        votes: here.reduce((sum, [, c]) => sum + c.votes, 0),
        findings,
      };
    })
    .filter((l) => l.domains.length >= 2)
    .sort((a, b) => b.domains.length - a.domains.length || b.votes - a.votes || a.label.localeCompare(b.label));

  const votesPerTheme = new Map<string, { themeId: string; label: string; votes: number; cards: number }>();
  for (const f of facts) {
    const entry = votesPerTheme.get(f.themeId) ?? { themeId: f.themeId, label: f.themeLabel, votes: 0, cards: 0 };
    entry.votes += f.votes;
    entry.cards++;
    votesPerTheme.set(f.themeId, entry);
  }

  const appendixSessions: AppendixSession[] = sessions.map((s) => ({
    sessionId: s.id,
    title: s.title,
    date: s.date,
    mode: s.mode,
    ...countPeople(Object.values(s.participants), t.unknown),
  }));
  const calls = sessions.flatMap(liveCalls);

  const cards: CardRow[] = facts.map((f) => {
    const v = verificationFor(liveCalls(f.session), f.themeId, language);
    return {
      id: f.card.id,
      session: f.session.title,
      domain: f.domain,
      column: f.session.columns.find((c) => c.id === f.card.columnId)?.title ?? '',
      theme: f.themeLabel,
      votes: f.votes,
      quote: f.quote,
      origin: f.card.origin.kind === 'followup' ? 'nabellen' : 'sessie',
      verification: v.asked === 0 ? '' : t.verification(v.herkend, v.deels, v.niet_herkend),
      text: f.card.text,
    };
  });

  const scoped = options.sessionId === undefined ? undefined : sessions[0];
  const title = scoped ? `${study.title}: ${scoped.title}` : study.title;
  const purpose = t.purpose(study.title, procurementYear(study, sessions));
  const questions = [...new Set(sessions.flatMap((s) => s.columns.map((c) => c.title)))];
  const texts = REPORT_TEXTS[language];
  const everyone = countPeople(sessions.flatMap((s) => Object.values(s.participants)), t.unknown);
  const outline = buildOutline({
    doc: study.report,
    sessions,
    facts,
    language,
    editable: scoped === undefined,
    title,
    subtitle: texts.documentKind(scoped ? scoped.title : null),
    purpose,
    questions,
    method: `${texts.methodText(sessions.length, sessions.filter((s) => s.mode === 'fysiek').length, sessions.filter((s) => s.mode === 'digitaal').length, everyone.count)} ${texts.verifiedText(calls.length)}`,
    people: {
      count: everyone.count,
      regional: everyone.scope.regionaal,
      national: everyone.scope.landelijk,
      small: everyone.size.klein,
      mid: everyone.size.middelgroot,
      large: everyone.size.groot,
      calls: calls.length,
    },
    opening: (cards, good, bad, votes, count) => t.picture(cards, good, bad, votes, count, []),
    attribution,
  });
  return {
    language,
    title,
    scope: scoped ? { kind: 'session', sessionId: scoped.id, sessionTitle: scoped.title } : { kind: 'study' },
    generatedAt: options.now,
    introduction: {
      purpose,
      questions,
      method: {
        sessions: sessions.map((s) => ({
          id: s.id,
          title: s.title,
          date: s.date,
          mode: s.mode,
          domains: [...s.domains],
          participants: Object.keys(s.participants).length,
          calls: liveCalls(s).length,
        })),
        physical: sessions.filter((s) => s.mode === 'fysiek').length,
        digital: sessions.filter((s) => s.mode === 'digitaal').length,
        participants: sessions.reduce((sum, s) => sum + Object.keys(s.participants).length, 0),
        providersVerified: calls.length,
      },
    },
    domains: sections,
    lessons,
    figures: {
      votesPerTheme: [...votesPerTheme.values()].sort((a, b) => b.votes - a.votes || b.cards - a.cards || a.label.localeCompare(b.label)),
      matrix: {
        domains: [...matrix.domains].sort(byDomainOrder),
        // Cards by their first theme: a theme touched only as a second theme has no row here.
        rows: matrix.themes
          .map((th) => ({
            themeId: th.id,
            label: th.label,
            cells: Object.fromEntries(Object.entries(matrix.cells[th.id] ?? {}).filter(([, c]) => c.cards > 0).map(([d, c]) => [d, { cards: c.cards, votes: c.votes }])),
          }))
          .filter((row) => Object.keys(row.cells).length > 0),
      },
      balance: sections.map((s) => ({
        domain: s.domain,
        wentWell: s.wentWell.length,
        toImprove: s.toImprove.length,
      })),
    },
    appendix: { sessions: appendixSessions, followUp: countPeople(calls.map((c) => c.callee), t.unknown) },
    cards,
    figureBlocks: [...pollBlocks(sessions, study.reportSettings.rounding), ...(scoped ? [] : surveyBlocks(study, language))],
    surveyQuotes: scoped ? [] : surveyQuotes(study, language),
    figureRules: study.reportSettings,
    outline,
  };
}
