import type { JoinPreview } from '../schemas/join.ts';
import type { Session } from '../schemas/session.ts';
import { isClosed } from './phases.ts';

/** The few facts a join code reveals about its session (see `JoinPreviewSchema`). */
export function joinPreview(session: Session): JoinPreview {
  return { title: session.title, date: session.date, status: isClosed(session.phase) ? 'closed' : 'open' };
}
