import type { Survey } from '../../shared/schemas/survey.ts';

/** How long a deleted survey can be restored. */
export const RESTORE_WINDOW_MS = 60 * 60 * 1000;
/** Deleted surveys kept per study; older ones go first. */
const PER_STUDY = 5;

interface Deleted {
  survey: Survey;
  /** Where it stood in the study's list. */
  index: number;
  until: number;
}

/**
 * Deleted surveys, kept in memory for a while so "undo" is one cheap call. Gone after the window
 * or a restart: then the file has to be imported again.
 */
export function createSurveyTrash(clock: () => number) {
  const byStudy = new Map<string, Map<string, Deleted>>();

  function fresh(studyId: string): Map<string, Deleted> {
    const items = byStudy.get(studyId) ?? new Map<string, Deleted>();
    for (const [id, item] of items) if (item.until <= clock()) items.delete(id);
    byStudy.set(studyId, items);
    return items;
  }

  return {
    /** Keeps a deleted survey; returns until when it can be restored. */
    put(studyId: string, survey: Survey, index: number): number {
      const items = fresh(studyId);
      const until = clock() + RESTORE_WINDOW_MS;
      items.set(survey.id, { survey, index, until });
      while (items.size > PER_STUDY) items.delete(items.keys().next().value!);
      return until;
    },
    /** Takes a deleted survey out to restore it; null when there is none (any more). */
    take(studyId: string, surveyId: string): Deleted | null {
      const items = fresh(studyId);
      const item = items.get(surveyId) ?? null;
      items.delete(surveyId);
      if (items.size === 0) byStudy.delete(studyId);
      return item;
    },
  };
}
