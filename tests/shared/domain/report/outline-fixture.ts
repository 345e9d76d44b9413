import { DEFAULT_CODEBOOK } from '../../../../shared/domain/themes/default-codebook.ts';
import { emptyReportDocument } from '../../../../shared/schemas/report-document.ts';
import type { FollowUpCall, Verdict } from '../../../../shared/schemas/followup.ts';
import type { Card, Participant, Session } from '../../../../shared/schemas/session.ts';
import type { Study } from '../../../../shared/schemas/study.ts';
import { STUDY_ID, T0, makeSession } from '../../fixtures.ts';

/*
 * A small study re-enacting an evaluation: a Wlz session with the usual two columns ("Wat ging er
 * goed?", "Wat kan beter?") and five follow-up calls, and a session on the social domain (Wmo and
 * Jeugdwet on one board) with three columns: went well, did not go well, improvements.
 * Every card's theme is the facilitator's decision, so the drafts do not hang on the engine.
 */

export const study: Study = {
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

export const person = (id: string, name: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  name,
  consent: false,
  addedByFacilitator: false,
  joinedAt: T0,
  ...extra,
});

/** A card in a column with its theme (the facilitator's decision). */
export interface CardSpec {
  id: string;
  column: number;
  theme: string;
  text: string;
  votes?: number;
  domain?: string;
  extra?: Partial<Card>;
}

export function withCards(session: Session, specs: CardSpec[], synthesis: Partial<Session['synthesis']> = {}): Session {
  const cards: Record<string, Card> = { ...session.cards };
  const decisions = { ...session.synthesis.decisions };
  const at = Object.keys(cards).length;
  specs.forEach((spec, i) => {
    cards[spec.id] = {
      id: spec.id,
      columnId: session.columns[spec.column]!.id,
      domain: spec.domain ?? null,
      text: spec.text,
      author: { kind: 'room' },
      anonymous: false,
      handVotes: spec.votes ?? 0,
      createdAt: T0 + at + i + 1,
      updatedAt: T0 + at + i + 1,
      deletedAt: null,
      mergedInto: null,
      origin: { kind: 'session' },
      ...spec.extra,
    };
    decisions[spec.id] = { themeId: spec.theme, pinned: true, at: T0 };
  });
  return { ...session, cards, synthesis: { ...session.synthesis, ...synthesis, decisions } };
}

export function call(id: string, answers: Record<string, Verdict>): FollowUpCall {
  return {
    id,
    callee: { name: `Beller ${id}`, organisation: `Aanbieder ${id}`, scope: 'regionaal', size: 'groot', region: 'Noord', consent: false },
    calledOn: '2025-12-01',
    calledBy: 'Analist',
    answers: Object.fromEntries(Object.entries(answers).map(([theme, verdict]) => [theme, { verdict, at: T0 }])),
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
  };
}

export const ann = person('participant-ann', 'Ann Open', { consent: true, organisation: 'Zorggroep Noord' });
export const bob = person('participant-bob', 'Bob Geheim', { organisation: 'Stichting Stil' });

export const WLZ_FINDING = 'Tarieven volgen de kostprijs niet';
export const SOCIAL_FINDING = 'Aanbieders willen eerder bij het bestek worden betrokken.';

// Wlz: tariffs (two not well, one went well), meerzorg, dialogue; tariffs verified by 4 of 5 callers.
const wlzBase: Session = { ...makeSession({ domains: ['Wlz'] }), id: 'session-wlz1', title: 'Werksessie Wlz', mode: 'fysiek', date: '2025-11-10' };
export const wlz: Session = {
  ...withCards(wlzBase, [
    { id: 'card-w001', column: 1, theme: 'tarieven', votes: 3, text: 'De tarieven dekken de kostprijs niet', extra: { author: { kind: 'participant', participantId: ann.id } } },
    { id: 'card-w002', column: 1, theme: 'meerzorg', text: 'Meerzorgaanvragen blijven maanden liggen', extra: { author: { kind: 'participant', participantId: bob.id } } },
    { id: 'card-w003', column: 0, theme: 'tarieven', text: '"Het tariefgesprek was open en eerlijk"', extra: { author: { kind: 'participant', participantId: ann.id }, anonymous: true } },
    { id: 'card-w004', column: 1, theme: 'tarieven', text: 'Het gesprek over tarieven komt te laat', extra: { origin: { kind: 'followup', callId: 'call-w00001' } } },
    { id: 'card-w005', column: 0, theme: 'dialoog', votes: 1, text: 'Het zorgkantoor was goed bereikbaar' },
  ], { quotes: { 'card-w001': true, 'card-w003': true }, findings: { tarieven: WLZ_FINDING, meerzorg: 'Meerzorg wordt traag afgehandeld.' } }),
  participants: { [ann.id]: ann, [bob.id]: bob },
  votes: {
    'vote-0001': { id: 'vote-0001', cardId: 'card-w002', voterId: ann.id, anonymous: true, createdAt: T0 },
    'vote-0002': { id: 'vote-0002', cardId: 'card-w002', voterId: bob.id, anonymous: true, createdAt: T0 },
  },
  followUps: Object.fromEntries(
    [
      call('call-w00001', { tarieven: 'herkend', meerzorg: 'deels' }),
      call('call-w00002', { tarieven: 'herkend' }),
      call('call-w00003', { tarieven: 'herkend' }),
      call('call-w00004', { tarieven: 'herkend' }),
      call('call-w00005', { tarieven: 'niet_herkend' }),
    ].map((c) => [c.id, c]),
  ),
};

// Wmo and Jeugdwet on one board: tariffs went well in the Wmo and not in the Jeugdwet.
const socialBase: Session = {
  ...makeSession({ domains: ['Wmo', 'Jeugdwet'] }),
  id: 'session-soc1',
  title: 'Werksessie Sociaal Domein',
  date: '2025-11-12',
  columns: [
    { id: 'column-goed', title: 'Wat ging goed?' },
    { id: 'column-niet', title: 'Wat ging niet goed?' },
    { id: 'column-verb', title: 'Verbeterpunten' },
  ],
};
export const social: Session = {
  ...withCards(socialBase, [
    { id: 'card-s001', column: 0, theme: 'tarieven', domain: 'Wmo', votes: 2, text: 'Het tarief per uur is eindelijk reëel' },
    { id: 'card-s002', column: 0, theme: 'tarieven', domain: 'Wmo', votes: 1, text: 'De indexering kwam op tijd' },
    { id: 'card-s003', column: 1, theme: 'tarieven', domain: 'Jeugdwet', votes: 4, text: 'In de Jeugdwet liggen de tarieven onder de kostprijs' },
    { id: 'card-s004', column: 1, theme: 'tarieven', domain: 'Jeugdwet', votes: 1, text: 'Reistijd wordt niet vergoed' },
    { id: 'card-s005', column: 2, theme: 'dialoog', domain: 'Wmo', votes: 2, text: 'Betrek aanbieders eerder bij het bestek', extra: { author: { kind: 'participant', participantId: bob.id } } },
    { id: 'card-s006', column: 1, theme: 'dialoog', domain: 'Jeugdwet', text: 'De gemeente reageert traag op vragen' },
    { id: 'card-s007', column: 1, theme: 'administratieve_lasten', domain: 'Wmo', votes: 1, text: 'Te veel formulieren bij de gemeente' },
    { id: 'card-s008', column: 1, theme: 'administratieve_lasten', domain: 'Jeugdwet', text: 'Verantwoording kost te veel tijd' },
  ], { quotes: { 'card-s005': true }, findings: { dialoog: SOCIAL_FINDING } }),
  participants: { [bob.id]: bob },
  followUps: Object.fromEntries([call('call-s00001', { dialoog: 'herkend' }), call('call-s00002', { dialoog: 'deels' })].map((c) => [c.id, c])),
};

export const sessions = [wlz, social];
