// npm run --silent bench:load [-- --seconds N --sessions S --participants P --ref-seconds R]
// Many sessions at once against the app in its own process, storing with fsync to a temp folder:
// facilitators move phases and run a live poll, participants post cards, vote and answer, some
// commands are re-sent with the same id. Measures acks, fan-out, the server's memory and event
// loop, then stops the app and checks on disk that every acknowledged change is stored once.
// Ends with one line of JSON; exits 1 when anything acknowledged is lost or stored twice, 2 on bad flags.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { measureAppendCost, type AppendCost } from './lib/append-cost.ts';
import { startChildServer, type ChildServer } from './lib/child-server.ts';
import { closeRigs, type SessionRig } from './lib/load-ledger.ts';
import { LOAD_USAGE, parseLoadOptions, type LoadOptions } from './lib/load-options.ts';
import { createRecorder } from './lib/load-record.ts';
import { allLatencies, appendLine, failureCount, integrityLines, mb, roundLines, type RoundResult } from './lib/load-report.ts';
import { runScenario } from './lib/load-scenario.ts';
import { appRigs, referenceRigs } from './lib/load-targets.ts';
import { verifyStored, type Integrity } from './lib/load-verify.ts';
import { percentile, round } from './lib/stats.ts';

/** Sets up the sessions, drives them for `seconds` and collects the figures of both sides. */
async function driveRound(server: ChildServer, seconds: number, setup: () => Promise<SessionRig[]>): Promise<{ rigs: SessionRig[]; result: RoundResult }> {
  const setupStart = performance.now();
  const rigs = await setup();
  const setupSeconds = (performance.now() - setupStart) / 1000;
  const driverLoop = monitorEventLoopDelay({ resolution: 10 });
  await server.resetStats();
  driverLoop.enable();
  const rec = createRecorder();
  const { undelivered } = await runScenario(rigs, seconds * 1000, rec);
  driverLoop.disable();
  const serverStats = await server.stats();
  const driverLoopP99 = Math.max(0, driverLoop.percentile(99) / 1e6 - 10);
  return { rigs, result: { seconds, setupSeconds, rec, undelivered, server: serverStats, driverLoopP99, loadAverage: loadavg()[0]! } };
}

async function referenceRound(o: LoadOptions): Promise<RoundResult> {
  const server = await startChildServer('reference.ts');
  let rigs: SessionRig[] = [];
  try {
    const round = await driveRound(server, o.refSeconds, async () => (rigs = await referenceRigs(server.url, o.sessions, o.participants)));
    return round.result;
  } finally {
    closeRigs(rigs);
    await server.stop();
  }
}

/**
 * The app's own limits, but for the per-address ones: every study here is created, and every
 * participant joins, from 127.0.0.1, where real people come from their own networks. Those
 * budgets are raised to what the run needs; per-socket limits stay as they are.
 */
const CREATES_PER_ADDRESS = 30;
function appOptions(o: LoadOptions): Record<string, unknown> {
  // Likewise every participant joins and connects from 127.0.0.1 here.
  const people = o.sessions * o.participants + o.sessions * 2;
  const limits = { joinsPerAddress: { max: people + 1 }, connectionsPerAddress: people + 1 };
  return { limits: o.sessions > CREATES_PER_ADDRESS ? { ...limits, creates: { max: o.sessions + 1 } } : limits };
}

interface AppRound {
  result: RoundResult;
  before: Integrity;
  after: Integrity;
  exitCode: number | null;
  appendCost: AppendCost;
}

async function appRound(o: LoadOptions): Promise<AppRound> {
  const dataDir = await mkdtemp(join(tmpdir(), 'werksessie-load-'));
  const server = await startChildServer('app.ts', [dataDir, JSON.stringify(appOptions(o))]);
  let rigs: SessionRig[] = [];
  try {
    const round = await driveRound(server, o.seconds, async () => (rigs = await appRigs(server.url, o.sessions, o.participants)));
    // What a crash right now would leave: snapshot plus journal, as acknowledged.
    const before = await verifyStored(dataDir, rigs);
    closeRigs(rigs);
    const exitCode = await server.stop();
    const after = await verifyStored(dataDir, rigs);
    const appendCost = await measureAppendCost(dataDir);
    return { result: round.result, before, after, exitCode, appendCost };
  } finally {
    closeRigs(rigs);
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const parsed = parseLoadOptions(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${parsed.message}\n${LOAD_USAGE}`);
    return 2;
  }
  const o = parsed.options;
  const participants = o.sessions * o.participants;
  const ref = o.refSeconds > 0 ? await referenceRound(o) : null;
  const app = await appRound(o);
  const { result } = app;

  console.log(`\nwerksessie: ${o.sessions} sessions × ${o.participants} participants (${participants} participant sockets + ${o.sessions} facilitators), driven for ${o.seconds} s after ${round(result.setupSeconds)} s of setup`);
  if (o.sessions > CREATES_PER_ADDRESS) console.log(`(study creations per address raised from ${CREATES_PER_ADDRESS} to ${o.sessions + 1} a minute: all facilitators share 127.0.0.1)`);
  console.log(roundLines(result).join('\n'));
  console.log(integrityLines(app.before, app.after, app.exitCode).join('\n'));
  console.log(appendLine(app.appendCost));
  if (ref) {
    console.log(`\nbare socket.io reference: the same ${participants} + ${o.sessions} sockets in ${o.sessions} rooms, the same behaviour, ${o.refSeconds} s`);
    console.log(roundLines(ref).join('\n'));
  }

  const lost = app.after.lost;
  const duplicated = app.after.duplicated;
  const all = allLatencies(result.rec);
  console.log(
    `\n${JSON.stringify({
      sessions: o.sessions,
      participants,
      acked: all.length,
      lost,
      duplicated,
      p99_ms: round(percentile(all, 99)),
      rss_mb: mb(result.server.peakRss),
      event_loop_p99_ms: round(result.server.loopDelayP99),
      seconds: o.seconds,
      p50_ms: round(percentile(all, 50)),
      p95_ms: round(percentile(all, 95)),
      failed: failureCount(result.rec),
      fanout_p99_ms: round(percentile(result.rec.fanout, 99)),
      lost_before_stop: app.before.lost,
      refused_but_stored: app.after.refusedButStored,
      server_exit_code: app.exitCode,
      fsync_append_p50_ms: round(percentile(app.appendCost.fsync, 50), 2),
      plain_append_p50_ms: round(percentile(app.appendCost.plain, 50), 3),
      ...(ref ? { ref_p99_ms: round(percentile(allLatencies(ref.rec), 99)), ref_fanout_p99_ms: round(percentile(ref.rec.fanout, 99)) } : {}),
    })}`,
  );
  return lost > 0 || app.before.lost > 0 || duplicated > 0 || app.after.refusedButStored > 0 || app.exitCode !== 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed by now; should a stray handle linger, do not hang the caller.
    setTimeout(() => process.exit(code), 2000).unref();
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
