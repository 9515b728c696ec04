/*
 * How a build's progress (stage, files done, files in all) is shown while a
 * stage runs: rewritten in place on a terminal, a line now and then in a
 * log. Each takes the clock so that its timing can be tested.
 */

export interface StageProgress {
  stage: string;
  done: number;
  total: number;
}

/** On a terminal: one line, rewritten at most every 100 ms and cleared when the stage ends. */
export function liveCounter(write: (text: string) => void, now: () => number = () => performance.now()): (progress: StageProgress) => void {
  let last = 0;
  return ({ stage, done, total }) => {
    const at = now();
    if (at - last < 100 && done < total) return;
    last = at;
    write(`\r  ${stage.padEnd(8)} ${done}/${total}\x1b[K${done === total ? '\r\x1b[K' : ''}`);
  };
}

/**
 * Without a terminal (a CI log): a line after every 10 s of a stage that
 * lasts, so that a long encoding of pictures is seen to move; a short stage
 * prints nothing besides its summary line.
 */
export function loggedCounter(log: (line: string) => void, now: () => number = () => performance.now(), everyMs = 10_000): (progress: StageProgress) => void {
  let stage = '';
  let last = 0;
  return ({ stage: current, done, total }) => {
    const at = now();
    if (current !== stage) [stage, last] = [current, at];
    if (at - last < everyMs || done === total) return;
    last = at;
    log(`  ${stage.padEnd(8)} ${done}/${total} …`);
  };
}
