import fc from 'fast-check';
import { checkArticle } from '../src/content/check-article.js';
import { parseFrontMatter } from '../src/content/front-matter.js';
import { FILE_TIME_LIMIT_MS } from '../src/markdown/limits.js';
import type { PipelineFile } from '../src/workers/cached-results.js';
import processBatch from '../src/workers/process-files.js';
import {
  FUZZ_ARTICLE_PATH,
  FUZZ_FRONT_MATTER,
  SEED,
  articleFile,
  deepRecipe,
  deepText,
  markdownLinks,
  markdownText,
  rawFile,
  stringifiedFile,
} from '../tests/fuzz/arbitraries.js';

/*
 * npm run bench:fuzz
 *
 * How long one file takes through each per-file step, on the inputs the fuzz
 * tests generate (same generators, same seed and as many runs): the median,
 * the 99th percentile and the slowest, next to the time limit a build gives
 * one file (FILE_TIME_LIMIT_MS). The tests check what comes out; the time
 * is a figure for a person to read, since it depends on the machine and on
 * what else it is doing.
 */

interface Case {
  name: string;
  inputs: string[];
  run: (input: string) => unknown;
}

const sample = <T>(arbitrary: fc.Arbitrary<T>, runs: number): T[] => fc.sample(arbitrary, { seed: SEED, numRuns: runs });

const pipeline = (kind: PipelineFile['kind']) => (body: string) =>
  processBatch({
    files: [{ path: FUZZ_ARTICLE_PATH, text: FUZZ_FRONT_MATTER + body, kind }],
    siteUrl: 'https://bugle.example.org/',
    language: 'en-GB',
    timezone: 'Europe/London',
    processingKey: 'fuzz',
    cacheDir: undefined,
  });

const body = fc.oneof(markdownText, markdownLinks, fc.tuple(markdownText, markdownLinks, markdownText).map((parts) => parts.join('\n')));
const cases: Case[] = [
  { name: 'pipeline: Markdown punctuation and payloads', inputs: sample(body, 600), run: pipeline('article') },
  { name: 'pipeline: deeply repeated prefixes', inputs: sample(deepRecipe, 120).map(deepText), run: pipeline('article') },
  { name: 'parseFrontMatter: YAML from a YAML library', inputs: sample(stringifiedFile, 400).map((file) => file.text), run: (text) => parseFrontMatter(text, FUZZ_ARTICLE_PATH) },
  { name: 'parseFrontMatter: raw YAML punctuation', inputs: sample(rawFile, 1500), run: (text) => parseFrontMatter(text, FUZZ_ARTICLE_PATH) },
  { name: 'checkArticle: generated files', inputs: sample(articleFile, 1200), run: (text) => checkArticle({ path: FUZZ_ARTICLE_PATH, text }, 'Europe/London') },
];

const ms = (value: number) => value.toFixed(1).padStart(9);
console.log(`one file, ms; a build's limit is ${FILE_TIME_LIMIT_MS} ms`);
console.log(`${'step: inputs'.padEnd(44)}  runs    median       p99   slowest   slowest input`);
let over = 0;
for (const { name, inputs, run } of cases) {
  // Once untimed: the first call pays for loading and compiling the code.
  run(inputs[0] ?? '');
  const times = inputs.map((input) => {
    const started = performance.now();
    run(input);
    return { input, ms: performance.now() - started };
  });
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]?.ms ?? 0;
  const slowest = sorted.at(-1)!;
  if (slowest.ms >= FILE_TIME_LIMIT_MS) over++;
  const shown = JSON.stringify(slowest.input.length > 40 ? `${slowest.input.slice(0, 40)}…` : slowest.input);
  console.log(`${name.padEnd(44)} ${String(inputs.length).padStart(5)} ${ms(at(0.5))} ${ms(at(0.99))} ${ms(slowest.ms)}   ${shown} (${slowest.input.length} chars)`);
}
console.log(over === 0 ? 'every input took less than the limit' : `${over} case(s) had an input that took the limit or longer`);
