// Who holds a settlement's lease, written so that another process can tell when that holder is
// certainly dead, and take its work over at once instead of waiting for the lease to run out.
//
// A holder is `<boot id>/<pid namespace>/<pid>/<start time>/<random>`. Another process can judge
// it only when it runs on the same kernel boot and in the same PID namespace (the first two parts
// match; containers on one host share the boot id but not the namespace): then the holder is dead
// when its pid is gone, or when that pid now belongs to a process started at another time (the pid
// was reused). Anywhere else (another machine, another container, a system without /proc) nothing
// is known, and the lease decides. Never a guess: a live holder must never lose its row.
import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';

interface Identity {
  boot: string;
  pidNamespace: string;
  pid: number;
  start: string;
}

function read(fn: () => string): string {
  try {
    return fn().trim();
  } catch {
    return '';
  }
}

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or ''. */
function startTime(pid: number): string {
  const stat = read(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? '';
}

function here(): Omit<Identity, 'pid' | 'start'> {
  return {
    boot: read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')).replaceAll('/', ''),
    pidNamespace: read(() => readlinkSync('/proc/self/ns/pid')).replaceAll('/', ''),
  };
}

/** A new holder name for this process (each SettlementService gets its own), or for `pid` (tests). */
export function newHolderName(pid = process.pid): string {
  const { boot, pidNamespace } = here();
  return [boot, pidNamespace, pid, startTime(pid), randomUUID().slice(0, 8)].join('/');
}

function parse(holder: string): Identity | undefined {
  const parts = holder.split('/');
  if (parts.length !== 5) return undefined;
  const [boot, pidNamespace, pid, start] = parts as [string, string, string, string];
  const n = Number(pid);
  if (!boot || !pidNamespace || !Number.isInteger(n) || n <= 0) return undefined;
  return { boot, pidNamespace, pid: n, start };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * True only when `holder` is certainly a process that no longer runs. `self` is the caller's own
 * holder name (a holder with the caller's pid but another name is a dead predecessor).
 */
export function holderIsDead(holder: string, self: string): boolean {
  if (holder === self) return false;
  const theirs = parse(holder);
  const mine = parse(self);
  if (!theirs || !mine) return false;
  if (theirs.boot !== mine.boot || theirs.pidNamespace !== mine.pidNamespace) return false;
  if (theirs.pid === mine.pid) return true;
  if (!alive(theirs.pid)) return true;
  const now = startTime(theirs.pid);
  return theirs.start !== '' && now !== '' && now !== theirs.start;
}
