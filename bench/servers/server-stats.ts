// Figures a benchmark asks a child server for over IPC: memory and event-loop delay.
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** What a child server reports on `{ type: 'stats' }`. */
export interface ServerStats {
  rss: number;
  /** Highest resident set size since the last reset, sampled every 100 ms, in bytes. */
  peakRss: number;
  /** Highest resident set size over the whole life of the process (start-up included), in bytes. */
  lifetimePeakRss: number;
  /** How late the loop's timer fired, in ms, over the time since the last reset. */
  loopDelayP50: number;
  loopDelayP99: number;
  loopDelayMax: number;
}

// The histogram records whole intervals of the timer, so a free loop reads RESOLUTION_MS;
// the delay is what comes on top of that (as @fastify/under-pressure reports it).
const RESOLUTION_MS = 10;

/** Answers `stats` and `stats:reset` messages from the parent process. */
export function serveStats(): void {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const late = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  let peakRss = process.memoryUsage.rss();
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100).unref();
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats:reset') {
      histogram.reset();
      peakRss = process.memoryUsage.rss();
      process.send?.({ statsReset: true });
    }
    if (message.type === 'stats') {
      const stats: ServerStats = {
        rss: process.memoryUsage.rss(),
        peakRss: Math.max(peakRss, process.memoryUsage.rss()),
        lifetimePeakRss: process.resourceUsage().maxRSS * 1024,
        loopDelayP50: late(histogram.percentile(50)),
        loopDelayP99: late(histogram.percentile(99)),
        loopDelayMax: late(histogram.max),
      };
      process.send?.({ stats });
    }
  });
}
