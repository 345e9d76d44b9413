import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildServer {
  url: string;
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts one of bench/servers/*.ts in its own process, so clients and server do not share a loop. */
export async function startChildServer(script: string, args: string[] = []): Promise<ChildServer> {
  const path = fileURLToPath(new URL(`../servers/${script}`, import.meta.url));
  const child: ChildProcess = fork(path, args, { execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port?: number }) => (m.port ? resolve(m.port) : reject(new Error('no port'))));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
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
  return {
    url: `http://127.0.0.1:${port}`,
    rssMb: async () => Math.round((await request<number>('rss', 'rss')) / 1024 / 1024),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
