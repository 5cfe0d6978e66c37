// CPU time of a process from /proc/<pid>/stat (Linux): user + system time of the process, plus that of the children it
// has waited for (an external program that has exited). Clock ticks are 1/100 s on every Linux Node runs on (USER_HZ).
import { readFileSync } from 'node:fs';

const TICK_MS = 10;

/** utime + stime + cutime + cstime of `pid`, ms; null without /proc or once the process is gone. */
export function processCpuTimeMs(pid: number): number | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing parenthesis.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // Fields 14–17 of the whole line are utime, stime, cutime, cstime; after the name they start at index 11.
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return Number.isFinite(ticks) ? ticks * TICK_MS : null;
}
