import { ref, type Ref } from 'vue';
import type { CommandResult } from '../socket.ts';

/** Stored (when), or failed (why); null before the first save. */
export type SaveStatus = { kind: 'saved'; at: number } | { kind: 'failed'; error: string } | null;

export interface UseSaveStatusReturn {
  status: Ref<SaveStatus>;
  /** Waits for a save and remembers how it went. */
  track: <T>(save: Promise<CommandResult<T>>) => Promise<CommandResult<T>>;
}

/** Whether the last save of a field was stored, for a "Opgeslagen om 21:04" beside it. */
export function useSaveStatus(): UseSaveStatusReturn {
  const status = ref<SaveStatus>(null);
  async function track<T>(save: Promise<CommandResult<T>>): Promise<CommandResult<T>> {
    const result = await save;
    status.value = result.ok ? { kind: 'saved', at: Date.now() } : { kind: 'failed', error: result.error };
    return result;
  }
  return { status, track };
}
