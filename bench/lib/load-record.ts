import { performance } from 'node:perf_hooks';
import type { BenchSocket } from './targets.ts';

/** An ack as the app sends it (the reference always answers ok). */
export type WireAck = { ok: true; data: unknown } | { ok: false; error: string; message: string };

export const ACK_TIMEOUT_MS = 15_000;

/** What the load run measured on the client side. */
export interface Recorder {
  /** Sends a command and times it until its ack; null when none came (timeout or disconnect). */
  send(socket: BenchSocket, event: string, payload: unknown, label?: string): Promise<WireAck | null>;
  /** Send-to-ack times per row label (the event, or the event marked as a retry). */
  latencies: Map<string, number[]>;
  /** Refusals and missing acks, by row label and error code. */
  failures: Map<string, number>;
  /** Per other participant: time from a card's send until that participant received it. */
  fanout: number[];
  /** Per card: time until the last other participant of its session had it. */
  fanoutAll: number[];
  /** Re-sent commands: how many, and how many did not get the same answer as the original. */
  retries: { sent: number; differed: number };
}

export function createRecorder(): Recorder {
  const latencies = new Map<string, number[]>();
  const failures = new Map<string, number>();
  const fail = (key: string) => failures.set(key, (failures.get(key) ?? 0) + 1);
  return {
    latencies,
    failures,
    fanout: [],
    fanoutAll: [],
    retries: { sent: 0, differed: 0 },
    async send(socket, event, payload, label = event) {
      const sentAt = performance.now();
      let ack: WireAck;
      try {
        ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as WireAck;
      } catch {
        fail(`${label}: no ack`);
        return null;
      }
      const elapsed = performance.now() - sentAt;
      if (ack.ok) {
        const list = latencies.get(label) ?? [];
        list.push(elapsed);
        latencies.set(label, list);
      } else {
        fail(`${label}: ${ack.error}`);
      }
      return ack;
    },
  };
}
