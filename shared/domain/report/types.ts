import type { ReportSettings } from '../../schemas/study.ts';
import type { Verdict } from '../../schemas/followup.ts';
import type { Figures as QuestionFigures } from '../figures.ts';
import type { ReportOutline } from './outline/types.ts';

/**
 * The report of a study (or of one of its sessions) as data: what every format (web page, DOCX,
 * Markdown, CSV) renders. Built by `buildReport` (build.ts) from stored data; holds no participant
 * name unless that person consented, and never the author of an anonymous card.
 */
export interface ReportModel {
  /** Language of the generated texts and headings. */
  language: 'nl' | 'en';
  title: string;
  /** The whole study, or one session of it. */
  scope: { kind: 'study' } | { kind: 'session'; sessionId: string; sessionTitle: string };
  /** Epoch ms. */
  generatedAt: number;
  introduction: Introduction;
  /** One section per domain that has cards, in the order Wlz, Wmo, Jeugdwet, Forensische Zorg, GZSP, then others. */
  domains: DomainSection[];
  /** Themes that recur across domains (in at least two), most domains first. */
  lessons: Lesson[];
  figures: Figures;
  appendix: Appendix;
  /** Every live card of the sessions in scope, for the CSV. */
  cards: CardRow[];
  /** Figures of the live polls of the sessions in scope and of the study's imported surveys. */
  figureBlocks: FigureBlock[];
  /** Answers to open survey questions that the analyst picked as quotes, shown under their theme beside the figures; never with the respondent's attributes. */
  surveyQuotes: SurveyQuote[];
  /** How the figures were rounded, and below which group size a breakdown cell is only indicative. */
  figureRules: ReportSettings;
  /** The report as the documents print it: cover, chapters and sections (drafts or the analyst's text), quotes in place. */
  outline: ReportOutline;
}

/** The figures of one poll or survey question, shown beside the theme it relates to. */
export interface FigureBlock {
  /** Unique in the report (also the id of its chart). */
  id: string;
  source: { kind: 'poll'; session: string } | { kind: 'survey'; survey: string };
  question: string;
  /** The codebook theme it relates to (survey questions mapped to one); null for none. */
  themeId: string | null;
  themeLabel: string | null;
  figures: QuestionFigures;
  /** Survey figures broken down by respondent attributes or single-choice questions (never the question itself), in the analyst's order; each group with its own n. */
  breakdowns: FigureBreakdown[];
  /** Key figures the analyst picked from this question, shown large at the head of its theme group. */
  callouts: FigureCallout[];
}

/** A question's figures per group of an attribute ("Domein") or of the answers to another question ("Zorgkantoor"). */
export interface FigureBreakdown {
  attribute: string;
  groups: { value: string; figures: QuestionFigures }[];
}

/** A key figure: "39 %" with its sentence ("antwoordde ‘ja’ ..."), as the study rounds it. */
export interface FigureCallout {
  /** Unique in the report. */
  id: string;
  /** The percentage as the report's language writes it: "39 %" in Dutch, "39%" in English. */
  value: string;
  percent: number;
  /** The category's label. */
  category: string;
  /** The analyst's sentence, or a generated one. */
  text: string;
  /** Respondents the percentage is of. */
  n: number;
}

/** An answer to an open survey question, quoted in the report without who gave it. */
export interface SurveyQuote {
  /** Unique in the report. */
  id: string;
  /** The answer without quote marks of its own; every format puts it in “…”. */
  text: string;
  /** "Reactie van een deelnemende zorgaanbieder": never the respondent's attributes. */
  attribution: string;
  themeId: string | null;
  themeLabel: string | null;
  /** The survey's title. */
  survey: string;
  /** The open question it answers. */
  question: string;
}

export interface Introduction {
  /** What the evaluation is for (generated, editable text later). */
  purpose: string;
  /** The questions the sessions asked: their column titles, each once. */
  questions: string[];
  method: {
    sessions: SessionLine[];
    physical: number;
    digital: number;
    /** People in the sessions (joined or added by the scribe). */
    participants: number;
    /** Providers verified by phone after the sessions (calls not deleted). */
    providersVerified: number;
  };
}

export interface SessionLine {
  id: string;
  title: string;
  date: string;
  mode: 'fysiek' | 'digitaal';
  domains: string[];
  participants: number;
  calls: number;
}

export interface DomainSection {
  domain: string;
  /** Titles of the sessions with cards in this domain. */
  sessions: string[];
  /** A generated paragraph: cards, votes, the balance and the themes that weigh most. */
  generalPicture: string;
  /** Cards of the went-well column(s), most votes first. */
  wentWell: CardItem[];
  /** Cards of the should-improve column(s), most votes first. */
  toImprove: CardItem[];
  /** Findings of the themes (the facilitator's texts), with how the follow-up calls received them. */
  improvements: ThemeFinding[];
  /** Cards marked as quote. */
  quotes: Quote[];
  /** Per theme: cards, votes and balance in this domain. */
  themes: ThemeLine[];
}

export interface CardItem {
  text: string;
  votes: number;
  themeLabel: string;
  /** A point raised in a follow-up call rather than in the session. */
  fromFollowUp: boolean;
}

export interface Quote {
  text: string;
  /** "Zorgaanbieder X" when the author consented to be named and the card is not anonymous; otherwise a neutral description such as "deelnemer, Wlz". */
  attribution: string;
}

export interface Verification {
  /** Calls that answered for this finding. */
  asked: number;
  herkend: number;
  deels: number;
  niet_herkend: number;
  /** Ready-made sentence, e.g. "bevestigd door 4 van 5 nagebelde aanbieders"; null when nobody was asked. */
  summary: string | null;
}

export interface ThemeFinding {
  themeId: string;
  label: string;
  finding: string;
  verification: Verification;
}

export interface ThemeLine {
  themeId: string;
  label: string;
  cards: number;
  votes: number;
  wentWell: number;
  toImprove: number;
}

export interface Lesson {
  themeId: string;
  label: string;
  /** Domains where this theme has cards. */
  domains: string[];
  cards: number;
  votes: number;
  /** The findings of this theme across sessions, each once. */
  findings: string[];
}

export interface Figures {
  /** Votes (digital plus hand-counted) and cards per theme, most votes first. */
  votesPerTheme: { themeId: string; label: string; votes: number; cards: number }[];
  /** Theme × domain: cards and votes per cell. */
  matrix: { domains: string[]; rows: { themeId: string; label: string; cells: Record<string, { cards: number; votes: number }> }[] };
  /** Went well versus should improve per domain (cards). */
  balance: { domain: string; wentWell: number; toImprove: number }[];
}

export interface Appendix {
  sessions: AppendixSession[];
  /** The providers called afterwards, counted the same way. */
  followUp: ParticipantCounts;
}

export interface ParticipantCounts {
  count: number;
  scope: { regionaal: number; landelijk: number; onbekend: number };
  size: { klein: number; middelgroot: number; groot: number; onbekend: number };
  /** Region -> count; people who gave none are under "onbekend". */
  regions: Record<string, number>;
  /** Only people who consented to be named: "Name (Organisation)" or "Name". */
  named: string[];
}

export interface AppendixSession extends ParticipantCounts {
  sessionId: string;
  title: string;
  date: string;
  mode: 'fysiek' | 'digitaal';
}

/** One card for the CSV export. */
export interface CardRow {
  id: string;
  session: string;
  domain: string;
  column: string;
  theme: string;
  votes: number;
  quote: boolean;
  origin: 'sessie' | 'nabellen';
  /** E.g. "herkend 3, deels 1, niet herkend 0" for the card's theme in its session; empty when nobody was called. */
  verification: string;
  text: string;
}

export type { Verdict };
