/** Absolute links people copy, read aloud or scan. */
export const joinLink = (code: string): string => `${location.origin}/j/${code}`;

export const facilitatorLink = (studyId: string, key: string): string =>
  `${location.origin}/f/${studyId}#key=${encodeURIComponent(key)}`;

export const projectionPath = (studyId: string, sessionId: string): string => `/f/${studyId}/s/${sessionId}/projectie`;
export const consolePath = (studyId: string, sessionId: string): string => `/f/${studyId}/s/${sessionId}`;

/** A mailto: link without an addressee, for mailing something to oneself (RFC 6068: CRLF line breaks). */
export const mailtoLink = (subject: string, body: string): string =>
  `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
