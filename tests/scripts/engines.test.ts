// The README promises Node 20.19: every installed package must support it, or `npm ci` warns
// (EBADENGINE) and a package may use an API that Node 20 lacks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import semver from 'semver';

interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
  dev?: boolean;
  optional?: boolean;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };

describe('Node version the README documents', () => {
  const oldest = semver.minVersion(manifest.engines.node);

  it('is the oldest version package.json allows', () => {
    expect(oldest?.version).toBe('20.19.0');
  });

  it('is supported by every package in the lock file', () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (!range || !oldest) return [];
        return semver.satisfies(oldest, range, { includePrerelease: true }) ? [] : [`${path}@${entry.version}: node ${range}`];
      });
    expect(unsupported).toEqual([]);
  });
});
