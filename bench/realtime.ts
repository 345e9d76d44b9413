// npm run --silent bench:realtime -- [--clients N] [--seconds S] [--rate PER_MINUTE]
// Runs a bare socket.io broadcast server and the app, one after the other in the same run,
// with the same simulated participants, and compares fan-out latency.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startChildServer } from './lib/child-server.ts';
import { drive, type DriveResult } from './lib/drive.ts';
import { percentile, round } from './lib/stats.ts';
import { appTarget, referenceTarget } from './lib/targets.ts';

function options() {
  const { values } = parseArgs({
    options: { clients: { type: 'string', default: '200' }, seconds: { type: 'string', default: '20' }, rate: { type: 'string', default: '10' } },
  });
  const int = (name: string, raw: string, min: number, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      console.error(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
      process.exit(2);
    }
    return n;
  };
  return { clients: int('clients', values.clients, 2, 2000), seconds: int('seconds', values.seconds, 4, 600), rate: int('rate', values.rate, 1, 120) };
}

async function main() {
  const { clients, seconds, rate } = options();
  const reference = await startChildServer('reference.ts');
  const ref = await drive(referenceTarget, reference.url, clients, seconds, rate);
  await reference.stop();

  const dataDir = await mkdtemp(join(tmpdir(), 'werksessie-bench-'));
  const server = await startChildServer('app.ts', [dataDir]);
  const target = appTarget(dataDir);
  const app = await drive(target, server.url, clients, seconds, rate);
  const rss = await server.rssMb();
  await server.stop();
  const lost = await target.lost!(app.acked);
  await rm(dataDir, { recursive: true, force: true });

  const all = (r: DriveResult) => [...r.cardLatencies, ...r.voteLatencies];
  const row = (name: string, r: DriveResult) =>
    `${name.padEnd(16)} ${String(r.acked.cards.length + r.acked.votes.length).padStart(7)} ${[50, 95, 99].map((p) => round(percentile(all(r), p)).toFixed(1).padStart(8)).join('')} ${String(r.failed).padStart(7)} ${String(r.undelivered).padStart(12)}`;
  console.log(`\n${clients} participants, ${seconds} s, ${rate} actions per participant per minute (cards, then votes)`);
  console.log(`${'server'.padEnd(16)} ${'acked'.padStart(7)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)} ${'failed'.padStart(7)} ${'undelivered'.padStart(12)}`);
  console.log(row('bare socket.io', ref));
  console.log(row('werksessie', app));
  console.log(`werksessie rss ${rss} MB; acknowledged but not stored: ${lost}\n`);

  const p99 = percentile(all(app), 99);
  const refP99 = percentile(all(ref), 99);
  console.log(JSON.stringify({
    clients,
    p50_ms: round(percentile(all(app), 50)),
    p95_ms: round(percentile(all(app), 95)),
    p99_ms: round(p99),
    ref_p50_ms: round(percentile(all(ref), 50)),
    ref_p99_ms: round(refP99),
    ratio_p99: round(p99 / refP99, 2),
    rss_mb: rss,
    acked: app.acked.cards.length + app.acked.votes.length,
    lost,
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
