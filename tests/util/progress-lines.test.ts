import { expect, test } from 'vitest';
import { liveCounter, loggedCounter } from '../../src/util/progress-lines.js';

/** A clock the test moves by hand. */
const clock = () => {
  let ms = 0;
  return { now: () => ms, pass: (by: number) => (ms += by) };
};

test('in a log, a long stage prints a line after every 10 s, a short one none', () => {
  const lines: string[] = [];
  const time = clock();
  const report = loggedCounter((line) => lines.push(line), time.now);
  report({ stage: 'render', done: 1, total: 3 });
  time.pass(4_000);
  report({ stage: 'render', done: 3, total: 3 });
  // Pictures: 25 s for 5, one every 5 s.
  for (let done = 1; done <= 5; done++) {
    time.pass(5_000);
    report({ stage: 'images', done, total: 5 });
  }
  // The first call of a stage starts its clock: lines at 10 s and 20 s of it, none at its end.
  expect(lines).toEqual(['  images   3/5 …']);
});

test('in a log, the line comes again every 10 s while the stage lasts', () => {
  const lines: string[] = [];
  const time = clock();
  const report = loggedCounter((line) => lines.push(line), time.now);
  for (let done = 0; done < 30; done++) {
    report({ stage: 'images', done, total: 40 });
    time.pass(1_000);
  }
  expect(lines).toEqual(['  images   10/40 …', '  images   20/40 …']);
});

test('on a terminal, one line rewritten at most every 100 ms and cleared at the end', () => {
  const written: string[] = [];
  const time = clock();
  const report = liveCounter((text) => written.push(text), time.now);
  time.pass(1_000);
  report({ stage: 'render', done: 1, total: 3 });
  time.pass(50);
  report({ stage: 'render', done: 2, total: 3 });
  report({ stage: 'render', done: 3, total: 3 });
  expect(written).toEqual(['\r  render   1/3\x1b[K', '\r  render   3/3\x1b[K\r\x1b[K']);
});
