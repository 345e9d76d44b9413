import type { AppendCost } from './append-cost.ts';
import type { ServerStats } from './child-server.ts';
import type { Integrity } from './load-verify.ts';
import type { Recorder } from './load-record.ts';
import { percentile, round } from './stats.ts';

/** What one round against a server gave. */
export interface RoundResult {
  seconds: number;
  setupSeconds: number;
  rec: Recorder;
  undelivered: number;
  server: ServerStats;
  /** Event-loop delay p99 of this (the driving) process: high means the figures are the driver's. */
  driverLoopP99: number;
  /** The machine's 1-minute load average at the end of the round (2 cores: above 2 is contention). */
  loadAverage: number;
}

export const allLatencies = (rec: Recorder): number[] => [...rec.latencies.values()].flat();
export const failureCount = (rec: Recorder): number => [...rec.failures.values()].reduce((a, b) => a + b, 0);
export const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const ms = (values: number[], p: number) => (values.length === 0 ? '-' : round(percentile(values, p)).toFixed(1));
const pad = (cells: (string | number)[], widths: number[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join(' ');
const spread = (values: number[]) => `p50 ${ms(values, 50)} / p95 ${ms(values, 95)} / p99 ${ms(values, 99)} ms`;

export function latencyTable(rec: Recorder): string[] {
  const widths = [24, 8, 8, 8, 8, 8];
  const failed = (label: string) => [...rec.failures].filter(([key]) => key.startsWith(`${label}: `)).reduce((a, [, n]) => a + n, 0);
  const labels = [...new Set([...rec.latencies.keys(), ...[...rec.failures.keys()].map((k) => k.split(': ')[0]!)])].sort();
  const lines = [pad(['command (send to ack)', 'acked', 'p50 ms', 'p95 ms', 'p99 ms', 'failed'], widths)];
  for (const label of labels) {
    const values = rec.latencies.get(label) ?? [];
    lines.push(pad([label, values.length, ms(values, 50), ms(values, 95), ms(values, 99), failed(label)], widths));
  }
  const all = allLatencies(rec);
  lines.push(pad(['all commands', all.length, ms(all, 50), ms(all, 95), ms(all, 99), failureCount(rec)], widths));
  return lines;
}

export function roundLines(r: RoundResult): string[] {
  const failures = [...r.rec.failures].map(([key, n]) => `${key} ×${n}`).join(', ') || 'none';
  return [
    ...latencyTable(r.rec),
    `card fan-out to each other participant: ${spread(r.rec.fanout)} (n=${r.rec.fanout.length}); to the last one of the session: ${spread(r.rec.fanoutAll)}; never arrived: ${r.undelivered}`,
    `refused or unanswered: ${failures}`,
    `re-sent with the same id: ${r.rec.retries.sent} (answered differently from the original: ${r.rec.retries.differed})`,
    `server: peak rss while driven ${mb(r.server.peakRss)} MB (at the end ${mb(r.server.rss)} MB, process peak incl. start-up ${mb(r.server.lifetimePeakRss)} MB); event-loop delay p50 ${round(r.server.loopDelayP50)} / p99 ${round(r.server.loopDelayP99)} / max ${round(r.server.loopDelayMax)} ms; driver's event-loop delay p99 ${round(r.driverLoopP99)} ms; machine load average ${round(r.loadAverage)}`,
  ];
}

export function integrityLines(before: Integrity, after: Integrity, exitCode: number | null): string[] {
  return [
    `read back before the stop (journal as written): lost ${before.lost}, duplicated ${before.duplicated}`,
    `read back after a clean stop (exit code ${exitCode}): lost ${after.lost}, duplicated ${after.duplicated}, refused but stored ${after.refusedButStored}, unanswered but stored ${after.unackedStored}`,
    ...[...new Set([...before.notes, ...after.notes])].map((n) => `  ! ${n}`),
  ];
}

export function appendLine(cost: AppendCost): string {
  return `durability on this disk (${cost.fsync.length} single appends each): journal append + fdatasync p50 ${ms(cost.fsync, 50)} / p99 ${ms(cost.fsync, 99)} ms; plain append p50 ${ms(cost.plain, 50)} / p99 ${ms(cost.plain, 99)} ms`;
}
