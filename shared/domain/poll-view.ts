import type { PollView, Viewer } from '../protocol/views.ts';
import type { Poll } from '../schemas/poll.ts';
import type { Session } from '../schemas/session.ts';
import { pollResults, type PollResults } from './poll-results.ts';

/** Drafts are the facilitator's preparation: boards and projections see a poll once it opens. Deleted polls nobody. */
export const pollVisibleTo = (poll: Poll, viewer: Viewer): boolean =>
  poll.deletedAt === null && (viewer.role === 'facilitator' || poll.status !== 'draft');

/** Results: always to the facilitator; to the others while open with `showLive`, and once closed. */
export const pollResultsVisibleTo = (poll: Poll, viewer: Viewer): boolean =>
  viewer.role === 'facilitator' || poll.status === 'closed' || (poll.status === 'open' && poll.showLive);

/**
 * One viewer's view of a poll: never the answers by participant. Pass `results` when sending the
 * same poll to many viewers, so that they are counted once.
 */
export function toPollView(poll: Poll, viewer: Viewer, results: PollResults | null = null): PollView {
  const view: PollView = {
    id: poll.id,
    question: poll.question,
    kind: poll.kind,
    options: poll.options,
    status: poll.status,
    showLive: poll.showLive,
    createdAt: poll.createdAt,
    openedAt: poll.openedAt,
    closedAt: poll.closedAt,
    results: pollResultsVisibleTo(poll, viewer) ? (results ?? pollResults(poll)) : null,
  };
  if (viewer.role === 'participant') {
    view.mine = Object.hasOwn(poll.answers, viewer.participantId) ? poll.answers[viewer.participantId]! : null;
  }
  if (viewer.role === 'facilitator') view.hand = { handCounts: poll.handCounts, handValues: poll.handValues };
  return view;
}

/** The polls a viewer may see, oldest first. */
export function pollViews(session: Session, viewer: Viewer): PollView[] {
  return Object.values(session.polls)
    .filter((poll) => pollVisibleTo(poll, viewer))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((poll) => toPollView(poll, viewer));
}
