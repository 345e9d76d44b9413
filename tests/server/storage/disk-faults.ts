import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

/**
 * Failures of the file system, for the storage tests. The disk is an edge we do not own: where
 * the kernel cannot be made to fail on cue, the failure is injected at Node's fs functions.
 */

type Code = 'EROFS' | 'ENOSPC' | 'EIO';

/** Makes every call that would change a file under `prefix` fail, until `heal`. */
export interface FsFaults {
  /**
   * `prefix`: an absolute path that the affected paths start with: a folder and a separator, or
   * the start of one document's file names (`<dir>/session-<id>.`). `skip`: calls let through first.
   */
  fail(prefix: string, code: Code, skip?: number): void;
  heal(): void;
  /** The changing calls under the failing prefix, let through or failed: `rename <path>`, ... */
  readonly calls: string[];
  /** Puts Node's own functions back. */
  uninstall(): void;
}

const CHANGING_PROMISES = ['writeFile', 'appendFile', 'rename', 'link', 'copyFile', 'rm', 'unlink', 'truncate', 'mkdir', 'symlink', 'rmdir'] as const;
const CHANGING_CALLBACKS = ['open', 'writeFile', 'appendFile', 'rename', 'link', 'copyFile', 'rm', 'unlink', 'truncate', 'mkdir', 'symlink', 'ftruncate', 'write'] as const;
const CHANGING_HANDLE = ['write', 'writev', 'writeFile', 'appendFile', 'truncate'] as const;

const writes = (flags: unknown): boolean => (typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0 : false);

/**
 * Wraps the changing functions of `fs`, `fs/promises` and FileHandle. Install before the server
 * opens its files: a handle is matched to its path when it is opened. Open file descriptors of
 * the callback API are tracked the same way (write-file-atomic uses them).
 */
export async function installFsFaults(): Promise<FsFaults> {
  let failing: { prefix: string; code: Code; skip: number } | null = null;
  const calls: string[] = [];
  const handlePaths = new WeakMap<object, string>();
  const fdPaths = new Map<number, string>();
  const restores: (() => void)[] = [];

  const matches = (path: unknown) => failing !== null && typeof path === 'string' && resolve(path).startsWith(failing.prefix);
  /** The error to throw for this call, or null to let it through. */
  function check(name: string, paths: unknown[]): NodeJS.ErrnoException | null {
    const hit = paths.find(matches) as string | undefined;
    if (!failing || hit === undefined) return null;
    calls.push(`${name} ${hit}`);
    if (failing.skip > 0) {
      failing.skip--;
      return null;
    }
    const messages: Record<Code, string> = { EROFS: 'read-only file system', ENOSPC: 'no space left on device', EIO: 'i/o error' };
    return Object.assign(new Error(`${failing.code}: ${messages[failing.code]}, ${name} '${hit}'`), { code: failing.code, syscall: name, path: hit });
  }
  function patch(target: Record<string, unknown>, name: string, wrap: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown) {
    const original = target[name] as (...args: unknown[]) => unknown;
    target[name] = wrap(original);
    restores.push(() => {
      target[name] = original;
    });
  }

  const promises = fs.promises as unknown as Record<string, unknown>;
  for (const name of CHANGING_PROMISES) {
    patch(promises, name, (original) => function (this: unknown, ...args: unknown[]) {
      const error = check(name, name === 'rename' || name === 'link' || name === 'copyFile' ? args.slice(0, 2) : args.slice(0, 1));
      return error ? Promise.reject(error) : original.apply(this, args);
    });
  }
  patch(promises, 'open', (original) => async function (this: unknown, ...args: unknown[]) {
    const error = writes(args[1]) ? check('open', [args[0]]) : null;
    if (error) throw error;
    const handle = (await original.apply(this, args)) as object;
    if (typeof args[0] === 'string') handlePaths.set(handle, resolve(args[0]));
    return handle;
  });

  const callbacks = fs as unknown as Record<string, unknown>;
  for (const name of CHANGING_CALLBACKS) {
    patch(callbacks, name, (original) => function (this: unknown, ...args: unknown[]) {
      const callback = args.at(-1) as (error: Error | null, ...rest: unknown[]) => void;
      const byFd = name === 'write' || name === 'ftruncate';
      const paths = byFd ? [fdPaths.get(args[0] as number)] : name === 'rename' || name === 'link' || name === 'copyFile' ? args.slice(0, 2) : args.slice(0, 1);
      const error = name === 'open' && !writes(args[1]) ? null : check(name, paths);
      if (error) {
        process.nextTick(() => callback(error));
        return;
      }
      if (name !== 'open') return original.apply(this, args);
      return original.apply(this, [
        ...args.slice(0, -1),
        (err: Error | null, fd: number) => {
          if (!err && typeof args[0] === 'string') fdPaths.set(fd, resolve(args[0]));
          callback(err, fd);
        },
      ]);
    });
  }

  patch(callbacks, 'close', (original) => function (this: unknown, ...args: unknown[]) {
    fdPaths.delete(args[0] as number);
    return original.apply(this, args);
  });

  const probe = await fs.promises.open(process.execPath, 'r');
  const handleProto = Object.getPrototypeOf(probe) as Record<string, unknown>;
  await probe.close();
  for (const name of CHANGING_HANDLE) {
    patch(handleProto, name, (original) => function (this: object, ...args: unknown[]) {
      const error = check(`handle.${name}`, [handlePaths.get(this)]);
      return error ? Promise.reject(error) : original.apply(this, args);
    });
  }
  syncBuiltinESMExports();

  return {
    fail(prefix, code, skip = 0) {
      failing = { prefix, code, skip };
      calls.length = 0;
    },
    heal() {
      failing = null;
    },
    calls,
    uninstall() {
      for (const restore of restores.splice(0).reverse()) restore();
      syncBuiltinESMExports();
    },
  };
}

const run = promisify(execFile);

/** A data folder that refuses every change, and takes them again after `heal`. */
export interface ReadOnlyFolder {
  /** How it is done here: the kernel (`chattr +i`) or injected EROFS. */
  mechanism: string;
  fail(): Promise<void>;
  heal(): Promise<void>;
}

/**
 * Whether the kernel refuses writes to an immutable folder and file here, including through a
 * file handle opened before (as the journal is). Needs CAP_LINUX_IMMUTABLE and a file system that
 * enforces it on open files (ext4 does, tmpfs does not); containers often lack either.
 */
export async function immutableFoldersWork(): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'werksessie-chattr-'));
  const file = join(dir, 'probe');
  const handle = await fs.promises.open(file, 'a');
  let enforced = false;
  try {
    await run('chattr', ['-R', '+i', dir]);
    const refused = async (action: () => Promise<unknown>) => action().then(() => false, (e: NodeJS.ErrnoException) => e.code === 'EPERM');
    enforced = (await refused(() => handle.appendFile('x'))) && (await refused(() => fs.promises.writeFile(join(dir, 'new'), 'x')));
  } catch {
    enforced = false;
  } finally {
    await run('chattr', ['-R', '-i', dir]).catch(() => {});
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
  return enforced;
}

/**
 * The kernel's read-only folder when it can be had (`immutable`, from `immutableFoldersWork`),
 * otherwise EROFS injected at the fs edge: never no failure at all.
 */
export function readOnlyFolder(dir: string, faults: FsFaults, immutable: boolean): ReadOnlyFolder {
  if (immutable) {
    return {
      mechanism: 'chattr +i on the folder and its files',
      fail: async () => void (await run('chattr', ['-R', '+i', dir])),
      heal: async () => void (await run('chattr', ['-R', '-i', dir])),
    };
  }
  return {
    mechanism: 'EROFS injected at the fs edge',
    fail: async () => faults.fail(resolve(dir) + sep, 'EROFS'),
    heal: async () => faults.heal(),
  };
}
