/** Socket.io room names. A socket is in exactly one session audience at a time. */
export const rooms = {
  /** Facilitator consoles of a session: see everything but anonymous authors. */
  console: (sessionId: string) => `s:${sessionId}:console`,
  /** Projection screens: only what the whole room may see. */
  projection: (sessionId: string) => `s:${sessionId}:projection`,
  /** Participants' boards. */
  board: (sessionId: string) => `s:${sessionId}:board`,
  /**
   * All sockets of one participant (several tabs or devices) in one session. Scoped to the
   * session: a participant id means nothing outside it, so another session holding the same id
   * (added by its facilitator, or imported) never shares this room.
   */
  person: (sessionId: string, participantId: string) => `s:${sessionId}:p:${participantId}`,
  /** Facilitators with the study overview open. */
  study: (studyId: string) => `study:${studyId}`,
} as const;

/** Every session audience, for facts all may see. */
export const sessionRooms = (sessionId: string): string[] => [
  rooms.console(sessionId),
  rooms.projection(sessionId),
  rooms.board(sessionId),
];
