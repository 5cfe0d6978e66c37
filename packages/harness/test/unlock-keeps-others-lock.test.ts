// unlock() removes .lock only when this process holds it: a process that lost a race, or whose stale lock was
// broken and taken by another, must not free the result set under the new holder.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ResultStore } from '../src/host/store.js';

it('unlock() leaves the lock of another process and removes its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'densebench-unlock-'));
  const lockPath = join(dir, '.lock');
  const other = `${hostname()} ${process.ppid}\n`;
  writeFileSync(lockPath, other);
  const store = new ResultStore(dir);
  store.unlock();
  expect(readFileSync(lockPath, 'utf8')).toBe(other);

  writeFileSync(lockPath, `${hostname()} 999999999\n`); // a dead process: lock() breaks it and takes the set
  store.lock();
  expect(readFileSync(lockPath, 'utf8')).toBe(`${hostname()} ${process.pid}\n`);
  store.unlock();
  expect(existsSync(lockPath)).toBe(false);
});
