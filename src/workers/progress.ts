/*
 * What a worker's task tells the thread that watches it, in a shared
 * Int32Array: read while the worker is busy, and after it was stopped.
 */

/** The Int32 slots of a task's `progress` buffer. */
export const PROGRESS = {
  /** The 1-based index of the file being worked on, 0 before the first. */
  file: 0,
  /** The worker's system thread id (see systemThreadId), 0 where there is none. */
  thread: 1,
  /** What is being done to that file: one of PHASE. */
  phase: 2,
  slots: 3,
} as const;

/** An article's fields are checked, then its body rendered; other files are only rendered. */
export const PHASE = { checking: 1, rendering: 2 } as const;
