import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerStats } from '../servers/server-stats.ts';

export type { ServerStats } from '../servers/server-stats.ts';

export interface ChildServer {
  url: string;
  rssMb(): Promise<number>;
  /** Memory and event-loop delay since the last `resetStats` (or the start). */
  stats(): Promise<ServerStats>;
  resetStats(): Promise<void>;
  /** Asks the server to close and resolves with its exit code (null when it had to be killed). */
  stop(): Promise<number | null>;
}

/** Starts one of bench/servers/*.ts in its own process, so clients and server do not share a loop. */
export async function startChildServer(script: string, args: string[] = []): Promise<ChildServer> {
  const path = fileURLToPath(new URL(`../servers/${script}`, import.meta.url));
  const child: ChildProcess = fork(path, args, { execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port?: number }) => (m.port ? resolve(m.port) : reject(new Error('no port'))));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  const request = <T>(type: string, key: string): Promise<T> =>
    new Promise((resolve) => {
      const listener = (m: Record<string, T>) => {
        if (key in m) {
          child.off('message', listener);
          resolve(m[key]!);
        }
      };
      child.on('message', listener);
      child.send({ type });
    });
  let stopping = false;
  return {
    url: `http://127.0.0.1:${port}`,
    rssMb: async () => Math.round((await request<number>('rss', 'rss')) / 1024 / 1024),
    stats: () => request<ServerStats>('stats', 'stats'),
    resetStats: async () => void (await request<boolean>('stats:reset', 'statsReset')),
    stop: () => {
      if (!stopping && child.exitCode === null && child.signalCode === null && child.connected) {
        stopping = true;
        child.send({ type: 'close' });
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        void exited.then(() => clearTimeout(kill));
      }
      return exited;
    },
  };
}
