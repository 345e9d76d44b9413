import { emitSnapshots } from './broadcast.ts';
import { cardCommands } from './card-handlers.ts';
import type { AppSocket, Command } from './command.ts';
import { authenticate } from './auth.ts';
import { limitConnections } from './connection-limit.ts';
import type { RealtimeDeps } from './deps.ts';
import { gateEvents } from './event-gate.ts';
import { followUpCommands } from './followup-handlers.ts';
import { participantCommands } from './participant-handlers.ts';
import { pollCommands } from './poll-handlers.ts';
import { sessionCommands } from './session-handlers.ts';
import { studyCommands } from './study-handlers.ts';
import { reportCommands } from './report-handlers.ts';
import { synthesisCommands } from './synthesis-handlers.ts';
import { voteCommands } from './vote-handlers.ts';

/** Wires authentication and every command onto the socket.io server. */
export function registerRealtime(deps: RealtimeDeps): void {
  const commands: Record<string, Command> = {
    ...studyCommands(deps),
    ...reportCommands(deps),
    ...sessionCommands(deps),
    ...participantCommands(deps),
    ...cardCommands(deps),
    ...voteCommands(deps),
    ...synthesisCommands(deps),
    ...followUpCommands(deps),
    ...pollCommands(deps),
  };

  // A failed write rolled a session back: everyone gets the state that is really stored.
  deps.repo.onSessionRollback = (sessionId) => {
    const doc = deps.repo.sessions.get(sessionId);
    if (!doc) return;
    emitSnapshots(deps.io, doc.data, deps.clock());
    deps.studyMatrix.changed(doc.data.studyId);
  };

  deps.io.use(authenticate(deps));
  deps.io.use(limitConnections(deps.limits.connectionsPerAddress, deps.trustProxy));
  deps.io.on('connection', (socket: AppSocket) => {
    gateEvents(socket, (event) => Object.hasOwn(commands, event), { limits: deps.limits.commands, log: deps.log });
    for (const [name, make] of Object.entries(commands)) socket.on(name as never, make(socket) as never);
  });
}
