import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { StudyMatrix } from '@shared/domain/study-matrix.ts';
import { withThemeLabels } from '@shared/domain/themes/theme-names.ts';
import type { SessionSummary, StudyView } from '@shared/protocol/views.ts';
import type { SessionCreate } from '@shared/schemas/commands.ts';
import { postStudy, type CreatedStudy, type HttpResult } from '../api.ts';
import { sendCommand, socket, type CommandFailure, type CommandResult } from '../socket.ts';
import { useConnectionStore } from './connection.ts';
import { useIdentityStore } from './identity.ts';
import { useUiStore } from './ui.ts';

/** The facilitator's study: its sessions, creating studies and sessions. */
export const useStudyStore = defineStore('study', () => {
  const studyId = ref<string | null>(null);
  const study = shallowRef<StudyView | null>(null);
  const failure = shallowRef<CommandFailure | null>(null);
  /** Themes against domains across the study's sessions, loaded on open, then kept live by the server's pushes. */
  const loadedMatrix = shallowRef<StudyMatrix | null>(null);
  const ui = useUiStore();
  /** The matrix with its theme names in the reader's language (see `themeLabel`). */
  const matrix = computed<StudyMatrix | null>(() =>
    loadedMatrix.value && { ...loadedMatrix.value, themes: withThemeLabels(loadedMatrix.value.themes, ui.locale) },
  );
  const matrixFailure = shallowRef<CommandFailure | null>(null);
  const matrixLoading = ref(false);
  let listening = false;

  function listen(): void {
    if (listening) return;
    listening = true;
    socket.on('connect', () => void load());
    socket.on('study:updated', (view) => {
      if (view.id !== studyId.value) return;
      study.value = view;
      useIdentityStore().rememberStudyTitle(view.id, view.title);
    });
    // The server pushes the matrix after every change it counts, in any session of the study.
    socket.on('study:matrix-updated', (update) => {
      if (update.studyId !== studyId.value) return;
      loadedMatrix.value = update.matrix;
      matrixFailure.value = null;
    });
  }

  async function load(): Promise<void> {
    const id = studyId.value;
    if (!id || !socket.connected) return;
    const result = await sendCommand('study:open', {});
    if (id !== studyId.value) return;
    if (result.ok) {
      study.value = result.data;
      failure.value = null;
      useIdentityStore().rememberStudyTitle(id, result.data.title);
      void loadMatrix();
    } else {
      failure.value = result;
    }
  }

  /** Loads the theme-by-domain matrix of the open study. */
  async function loadMatrix(): Promise<CommandResult<StudyMatrix> | null> {
    const id = studyId.value;
    if (!id) return null;
    matrixLoading.value = true;
    const result = await sendCommand('study:matrix', {});
    if (id !== studyId.value) return result;
    matrixLoading.value = false;
    if (result.ok) {
      loadedMatrix.value = result.data;
      matrixFailure.value = null;
    } else {
      matrixFailure.value = result;
    }
    return result;
  }

  /** Shows this study: connects with its key and loads it (again after every reconnect). */
  function open(id: string): boolean {
    const key = useIdentityStore().facilitatorKey(id);
    if (id !== studyId.value) {
      study.value = null;
      loadedMatrix.value = null;
    }
    studyId.value = id;
    if (!key) return false;
    useConnectionStore().use({ studyId: id, key });
    void load();
    return true;
  }

  function close(): void {
    studyId.value = null;
    study.value = null;
    failure.value = null;
    loadedMatrix.value = null;
    matrixFailure.value = null;
    matrixLoading.value = false;
  }

  async function createStudy(title: string, codebook: 'default' | 'empty' = 'default'): Promise<HttpResult<CreatedStudy>> {
    const result = await postStudy(title, codebook);
    if (result.ok) {
      useIdentityStore().saveFacilitatorKey(result.data.studyId, result.data.key, true);
      useIdentityStore().rememberStudyTitle(result.data.studyId, title);
    }
    return result;
  }

  async function createSession(input: SessionCreate): Promise<CommandResult<SessionSummary>> {
    const result = await sendCommand('session:create', input);
    const current = study.value;
    if (result.ok && current && !current.sessions.some((s) => s.id === result.data.id)) {
      study.value = { ...current, sessions: [...current.sessions, result.data] };
    }
    return result;
  }

  return { studyId, study, failure, matrix, matrixFailure, matrixLoading, listen, open, close, load, loadMatrix, createStudy, createSession };
});
