/** Absolute links people copy, read aloud or scan. */
export const joinLink = (code: string): string => `${location.origin}/j/${code}`;

export const facilitatorLink = (studyId: string, key: string): string =>
  `${location.origin}/f/${studyId}#key=${encodeURIComponent(key)}`;

export const projectionPath = (studyId: string, sessionId: string): string => `/f/${studyId}/s/${sessionId}/projectie`;
export const consolePath = (studyId: string, sessionId: string): string => `/f/${studyId}/s/${sessionId}`;
