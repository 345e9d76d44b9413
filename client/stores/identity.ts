import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { IdSchema } from '@shared/schemas/common.ts';
import { readStored, STORAGE_PREFIX, writeStored } from '../lib/storage.ts';

const KnownStudySchema = z.object({
  key: z.string().min(8),
  title: z.string().optional(),
  /** Set when this browser created the study and the facilitator has not yet saved its link. */
  keyUnsaved: z.literal(true).optional(),
});
const StudiesSchema = z.record(IdSchema, KnownStudySchema);
export type KnownStudy = z.infer<typeof KnownStudySchema>;

const CredentialsSchema = z.object({ participantId: IdSchema, token: z.string().min(22) });
const ParticipationsSchema = z.record(IdSchema, CredentialsSchema);
export type Credentials = z.infer<typeof CredentialsSchema>;

const STUDIES_KEY = `${STORAGE_PREFIX}studies`;
const PARTICIPATIONS_KEY = `${STORAGE_PREFIX}participations`;

/**
 * Who this browser is: the facilitator key per study and the participant credentials per
 * session, both kept in localStorage so a reload or a closed laptop lid loses nothing.
 */
export const useIdentityStore = defineStore('identity', () => {
  const studies = ref<Record<string, KnownStudy>>(readStored(STUDIES_KEY, StudiesSchema) ?? {});
  const participations = ref<Record<string, Credentials>>(readStored(PARTICIPATIONS_KEY, ParticipationsSchema) ?? {});

  const facilitatorKey = (studyId: string): string | null => studies.value[studyId]?.key ?? null;
  const credentials = (sessionId: string): Credentials | null => participations.value[sessionId] ?? null;

  /** Keeps the key; `created`: this browser just made the study, so its link is not saved anywhere yet. */
  function saveFacilitatorKey(studyId: string, key: string, created = false): void {
    studies.value = { ...studies.value, [studyId]: { ...studies.value[studyId], key, ...(created ? { keyUnsaved: true as const } : {}) } };
    writeStored(STUDIES_KEY, studies.value);
  }

  /** Whether the facilitator still has to save the link of a study created here. */
  const keyUnsaved = (studyId: string): boolean => studies.value[studyId]?.keyUnsaved === true;

  /** The facilitator copied, mailed or says to have saved the link (or, unticking, says not). */
  function setKeySaved(studyId: string, saved: boolean): void {
    const known = studies.value[studyId];
    if (!known || saved !== keyUnsaved(studyId)) return;
    const { keyUnsaved: _pending, ...rest } = known;
    studies.value = { ...studies.value, [studyId]: saved ? rest : { ...rest, keyUnsaved: true } };
    writeStored(STUDIES_KEY, studies.value);
  }

  /** Remembers the title, for the list of studies on the home page. */
  function rememberStudyTitle(studyId: string, title: string): void {
    const known = studies.value[studyId];
    if (!known || known.title === title) return;
    studies.value = { ...studies.value, [studyId]: { ...known, title } };
    writeStored(STUDIES_KEY, studies.value);
  }

  function saveCredentials(sessionId: string, value: Credentials): void {
    participations.value = { ...participations.value, [sessionId]: value };
    writeStored(PARTICIPATIONS_KEY, participations.value);
  }

  function forgetCredentials(sessionId: string): void {
    const { [sessionId]: _gone, ...rest } = participations.value;
    participations.value = rest;
    writeStored(PARTICIPATIONS_KEY, rest);
  }

  return { studies, facilitatorKey, credentials, saveFacilitatorKey, keyUnsaved, setKeySaved, rememberStudyTitle, saveCredentials, forgetCredentials };
});
