import { ARCHIVE_FORMAT, type StudyArchive } from '../schemas/archive.ts';
import type { Poll } from '../schemas/poll.ts';
import type { Card, Participant, Session, Vote } from '../schemas/session.ts';
import type { Study } from '../schemas/study.ts';
import { coarseTime } from './visibility.ts';

/**
 * A study as its facilitator may see it, as one file: what the app shows them and nothing more.
 * Left out: resume tokens, who wrote an anonymous card, who cast an anonymous vote, who answered
 * what in a poll, exact card and vote times (to the minute, like every view), and the undo
 * history of the report document. The same file
 * exported again after an import gives the same file: every step here is idempotent.
 */
export function facilitatorArchive(study: Study, sessions: Session[], exportedAt: number): StudyArchive {
  return { format: ARCHIVE_FORMAT, version: 1, exportedAt, study: withoutUndo(study), sessions: sessions.map(facilitatorSession) };
}

/**
 * The report document as it stands, without its undo history: earlier states hold texts the
 * analyst threw away, and would take up the file many times over.
 */
function withoutUndo(study: Study): Study {
  return { ...study, report: { ...study.report, undo: [] } };
}

export function facilitatorSession(session: Session): Session {
  return {
    ...session,
    participants: mapValues(session.participants, withoutToken),
    cards: mapValues(session.cards, facilitatorCard),
    votes: facilitatorVotes(session.votes),
    polls: mapValues(session.polls, withoutRespondents),
  };
}

/** A participant nobody can resume as: the token stays on the server it was given on. */
export function withoutToken(participant: Participant): Participant {
  const { tokenHash: _secret, ...rest } = participant;
  return rest;
}

function facilitatorCard(card: Card): Card {
  return {
    ...card,
    author: card.anonymous && card.author.kind === 'participant' ? { kind: 'anonymous' } : card.author,
    createdAt: coarseTime(card.createdAt),
    updatedAt: coarseTime(card.updatedAt),
    deletedAt: card.deletedAt === null ? null : coarseTime(card.deletedAt),
  };
}

const ANONYMOUS_VOTE_ID = 'anonymous-vote-';

/**
 * Open votes keep their voter; anonymous ones lose it, and their ids (made on the voter's device)
 * are replaced by numbers in an order that says nothing of who or when: per card, by the old id.
 */
function facilitatorVotes(votes: Session['votes']): Session['votes'] {
  const all = Object.values(votes);
  const open = all.filter((v) => !v.anonymous).map((v): Vote => ({ ...v, createdAt: coarseTime(v.createdAt) }));
  const taken = new Set(open.map((v) => v.id));
  const hidden = all.filter((v) => v.anonymous).sort((a, b) => compare(a.cardId, b.cardId) || compare(a.id, b.id));
  let n = 0;
  const renamed = hidden.map((v): Vote => {
    let id: string;
    do id = `${ANONYMOUS_VOTE_ID}${++n}`;
    while (taken.has(id));
    return { id, cardId: v.cardId, voterId: null, anonymous: true, createdAt: coarseTime(v.createdAt) };
  });
  return Object.fromEntries([...open, ...renamed].sort((a, b) => compare(a.id, b.id)).map((v) => [v.id, v]));
}

/** The answers without who gave them: keyed by numbers, in the order of the answers themselves. */
function withoutRespondents(poll: Poll): Poll {
  const answers = Object.values(poll.answers)
    .map((answer) => ({ answer, key: JSON.stringify(answer) }))
    .sort((a, b) => compare(a.key, b.key));
  return { ...poll, answers: Object.fromEntries(answers.map(({ answer }, i) => [`respondent-${i + 1}`, answer])) };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const mapValues = <T>(record: Record<string, T>, f: (value: T) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
