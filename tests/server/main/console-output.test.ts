// The console of someone who starts the server: one readable line saying where to go, and no
// line per HTTP request unless asked for (LOG_LEVEL=debug).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** Starts server/main.ts on a free port, makes three requests, stops it; returns what it printed. */
async function run(logLevel: string): Promise<{ stdout: string; url: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'werksessie-console-'));
  folders.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: logLevel, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line in 20 s:\n${stdout}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /Werksessie draait op (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => reject(new Error(`server ended (${code}) before it started:\n${stdout}`)));
  });
  for (const path of ['/api/health', '/api/studies/nope', '/']) await fetch(`${url}${path}`).then((r) => r.arrayBuffer());
  child.kill('SIGTERM');
  await exited;
  return { stdout, url };
}

describe('the server console', () => {
  it('says where the app runs, in a plain Dutch line, and logs no request at the default level', async () => {
    const { stdout, url } = await run('info');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout).toMatch(/^Werksessie draait op http:\/\/127\.0\.0\.1:\d+ \(gegevens in .+\)$/m);
    expect(stdout).not.toMatch(/"req"|"url":|incoming request|request completed/);
  }, 60_000);

  it('logs each request once, with method, path and status, at LOG_LEVEL=debug', async () => {
    const { stdout } = await run('debug');
    const requests = stdout.split('\n').filter((line) => line.includes('"msg":"request"')).map((line) => JSON.parse(line) as { method: string; url: string; statusCode: number });
    expect(requests.map((r) => r.url)).toEqual(['/api/health', '/api/studies/nope', '/']);
    expect(requests.every((r) => r.method === 'GET' && Number.isInteger(r.statusCode))).toBe(true);
  }, 60_000);
});
