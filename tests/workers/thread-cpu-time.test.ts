import { describe, expect, test } from 'vitest';
import { systemThreadId, threadCpuMs, workClock } from '../../src/workers/thread-cpu-time.js';

describe.runIf(process.platform === 'linux')("a thread's CPU time, on Linux", () => {
  const tid = systemThreadId();

  test('this thread has a system id, and its clock counts CPU time', () => {
    expect(tid).toBeGreaterThan(0);
    expect(workClock(tid).counts).toBe('cpu');
  });

  test('grows while the thread computes, and hardly at all while it sleeps', () => {
    const clock = workClock(tid);
    const beforeSleep = clock.now();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
    const slept = clock.now() - beforeSleep;
    const beforeWork = clock.now();
    const start = Date.now();
    while (Date.now() - start < 100) Math.sqrt(start);
    expect(slept).toBeLessThan(50);
    expect(clock.now()).toBeGreaterThan(beforeWork);
  });
});

test('without a thread id the clock is the wall clock, and says so', () => {
  const clock = workClock(undefined);
  expect(clock.counts).toBe('wall');
  expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
});

test('a thread that is not there has no CPU time', () => {
  expect(threadCpuMs(2 ** 31 - 1)).toBeUndefined();
});
