// npm run --silent bench:realtime -- [--clients N] [--seconds S] [--rate PER_MINUTE] [--rounds R]
// Runs a bare socket.io broadcast server (the reference) and the app with the same simulated
// participants, in alternating rounds within one run (the machine is shared and noisy), and
// compares fan-out latency.
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
    options: {
      clients: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '16' },
      rate: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const int = (name: string, raw: string, min: number, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      console.error(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
      process.exit(2);
    }
    return n;
  };
  return {
    clients: int('clients', values.clients, 2, 2000),
    seconds: int('seconds', values.seconds, 4, 600),
    rate: int('rate', values.rate, 1, 120),
    rounds: int('rounds', values.rounds, 1, 20),
  };
}

interface Pooled {
  latencies: number[];
  acked: number;
  failed: number;
  undelivered: number;
}
const pool = (): Pooled => ({ latencies: [], acked: 0, failed: 0, undelivered: 0 });
function add(into: Pooled, r: DriveResult): void {
  into.latencies.push(...r.cardLatencies, ...r.voteLatencies);
  into.acked += r.acked.cards.length + r.acked.votes.length;
  into.failed += r.failed;
  into.undelivered += r.undelivered;
}

async function runReference(clients: number, seconds: number, rate: number): Promise<DriveResult> {
  const server = await startChildServer('reference.ts');
  try {
    return await drive(referenceTarget, server.url, clients, seconds, rate);
  } finally {
    await server.stop();
  }
}

async function runApp(clients: number, seconds: number, rate: number): Promise<{ result: DriveResult; rss: number; lost: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'werksessie-bench-'));
  // Every client joins and connects from 127.0.0.1: the per-address budgets fit the run.
  const limits = { joinsPerAddress: { max: clients * 2 + 10 }, connectionsPerAddress: clients * 2 + 10 };
  const server = await startChildServer('app.ts', [dataDir, JSON.stringify({ limits })]);
  try {
    const target = appTarget(dataDir);
    const result = await drive(target, server.url, clients, seconds, rate);
    const rss = await server.rssMb();
    await server.stop();
    // Read back what is stored: every acknowledged card and vote must be there.
    return { result, rss, lost: await target.lost!(result.acked) };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const { clients, seconds, rate, rounds } = options();
  const ref = pool();
  const app = pool();
  let rss = 0;
  let lost = 0;
  for (let round = 0; round < rounds; round++) {
    // Alternate the order so that drift in the machine's load does not favour one side.
    const order = round % 2 === 0 ? ['ref', 'app'] : ['app', 'ref'];
    for (const which of order) {
      if (which === 'ref') add(ref, await runReference(clients, seconds, rate));
      else {
        const run = await runApp(clients, seconds, rate);
        add(app, run.result);
        rss = Math.max(rss, run.rss);
        lost += run.lost;
      }
    }
  }

  const cell = (values: number[], p: number) => round(percentile(values, p)).toFixed(1).padStart(8);
  const row = (name: string, r: Pooled) =>
    `${name.padEnd(16)} ${String(r.acked).padStart(7)}${cell(r.latencies, 50)}${cell(r.latencies, 95)}${cell(r.latencies, 99)} ${String(r.failed).padStart(7)} ${String(r.undelivered).padStart(12)}`;
  console.log(`\n${clients} participants, ${rounds} rounds of ${seconds} s per server, ${rate} actions per participant per minute (cards, then votes)`);
  console.log(`${'server'.padEnd(16)} ${'acked'.padStart(7)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)} ${'failed'.padStart(7)} ${'undelivered'.padStart(12)}`);
  console.log(row('bare socket.io', ref));
  console.log(row('werksessie', app));
  console.log(`werksessie peak rss ${rss} MB; acknowledged but not stored: ${lost}\n`);

  const p99 = percentile(app.latencies, 99);
  const refP99 = percentile(ref.latencies, 99);
  console.log(
    JSON.stringify({
      clients,
      p50_ms: round(percentile(app.latencies, 50)),
      p95_ms: round(percentile(app.latencies, 95)),
      p99_ms: round(p99),
      ref_p50_ms: round(percentile(ref.latencies, 50)),
      ref_p99_ms: round(refP99),
      ratio_p99: round(p99 / refP99, 2),
      rss_mb: rss,
      acked: app.acked,
      lost,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
