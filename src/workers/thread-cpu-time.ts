import { readFileSync, readlinkSync } from 'node:fs';

/*
 * The CPU time one worker thread has used, read by another thread of the
 * same process. Node 20 has no per-thread CPU clock (process.threadCpuUsage
 * came in Node 23, and only for the calling thread, which a stalled worker
 * cannot call), but Linux publishes every thread's in /proc. Elsewhere the
 * watcher falls back to the wall clock.
 */

/**
 * The calling thread's id in the system, as /proc/self/task names it, or
 * undefined where there is no /proc (not Linux).
 */
export function systemThreadId(): number | undefined {
  try {
    // "<pid>/task/<tid>"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isSafeInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

// Linux reports /proc times in USER_HZ: 100 a second on every architecture Node supports.
const TICKS_PER_SECOND = 100;

/**
 * Milliseconds of CPU time that the thread `tid` of this process has used,
 * or undefined when it cannot be read. schedstat counts in nanoseconds;
 * stat (always there) in ticks of 10 ms, for kernels built without it.
 */
export function threadCpuMs(tid: number): number | undefined {
  const task = `/proc/self/task/${tid}`;
  try {
    const onCpu = Number(readFileSync(`${task}/schedstat`, 'latin1').split(' ')[0]);
    if (Number.isFinite(onCpu)) return onCpu / 1e6;
  } catch {
    // Read stat instead.
  }
  try {
    const stat = readFileSync(`${task}/stat`, 'latin1');
    // The thread's name, in parentheses, may hold spaces and parentheses: the fields that follow are counted from the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, the 12th and 13th after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** A clock of one thread's work in ms, and whether it counts CPU time or, where that cannot be read, wall time. */
export interface WorkClock {
  now: () => number;
  counts: 'cpu' | 'wall';
}

/** The clock of thread `tid`'s CPU time when this system tells it, else the wall clock. */
export function workClock(tid: number | undefined): WorkClock {
  if (tid !== undefined && threadCpuMs(tid) !== undefined) {
    // A thread that has ended reads as undefined: it does no more work.
    let last = 0;
    return { now: () => (last = threadCpuMs(tid) ?? last), counts: 'cpu' };
  }
  return { now: () => Date.now(), counts: 'wall' };
}
