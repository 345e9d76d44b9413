import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { IdSchema } from '@shared/schemas/common.ts';
import { readStored, STORAGE_PREFIX, writeStored } from '../lib/storage.ts';

const KnownStudySchema = z.object({ key: z.string().min(8), title: z.string().optional() });
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

  function saveFacilitatorKey(studyId: string, key: string): void {
    studies.value = { ...studies.value, [studyId]: { ...studies.value[studyId], key } };
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

  return { studies, facilitatorKey, credentials, saveFacilitatorKey, rememberStudyTitle, saveCredentials, forgetCredentials };
});
