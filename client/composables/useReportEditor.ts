import { onBeforeUnmount, ref, type Ref } from 'vue';
import type { ReportDocumentInfo } from '@shared/protocol/views.ts';
import type { ReportEdit } from '@shared/schemas/report-document.ts';
import { sendCommand, socket, type CommandResult } from '../socket.ts';
import { useConnectionStore } from '../stores/connection.ts';
import { useUiStore } from '../stores/ui.ts';

/**
 * Changes to the study's report document over the socket (facilitator key in the handshake),
 * each stored on the server before it is acknowledged. `changed` runs after every change, own or
 * another editor's (`report:updated`), so the page fetches the report again.
 */
export function useReportEditor(studyId: Ref<string>, key: Ref<string | null>, changed: () => void) {
  const connection = useConnectionStore();
  /** Changes on their way to the server. */
  const saving = ref(0);
  const lastSaved = ref<number | null>(null);
  const undoSteps = ref(0);

  async function connect(): Promise<boolean> {
    if (!key.value) return false;
    connection.use({ studyId: studyId.value, key: key.value });
    if (!(await connection.whenConnected(10_000))) return false;
    // Joins the study's room, so changes by another editor arrive here too.
    await sendCommand('study:open', {});
    return true;
  }

  const onUpdated = (info: ReportDocumentInfo) => {
    undoSteps.value = info.undoSteps;
    changed();
  };
  const onConnect = () => void sendCommand('study:open', {});
  socket.on('report:updated', onUpdated);
  socket.on('connect', onConnect);
  onBeforeUnmount(() => {
    socket.off('report:updated', onUpdated);
    socket.off('connect', onConnect);
  });

  async function run(send: () => Promise<CommandResult<ReportDocumentInfo>>): Promise<boolean> {
    saving.value++;
    const result: CommandResult<ReportDocumentInfo> = (await connect()) ? await send() : { ok: false, error: 'offline', message: 'Not connected' };
    saving.value--;
    if (!result.ok) {
      useUiStore().notifyFailure(result);
      return false;
    }
    undoSteps.value = result.data.undoSteps;
    lastSaved.value = Date.now();
    changed();
    return true;
  }

  return {
    saving,
    lastSaved,
    undoSteps,
    edit: (edit: ReportEdit) => run(() => sendCommand('report:edit', edit)),
    undo: () => run(() => sendCommand('report:undo', {})),
  };
}
