import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bodyOf } from '../src/content/front-matter.js';
import { createRenderer } from '../src/markdown/render.js';
import { createRendererBeforeDirectives } from '../tests/helpers/pipeline-before-directives.js';

/*
 * npm run bench:code
 *
 * What directives and code highlighting (issue 15) cost per article: the
 * sample newsroom's bodies rendered by the pipeline as it was before them
 * and as it is now, then the same bodies with a 40-line listing added,
 * once with a language (highlighted) and once without; and, in a fresh
 * process, the one-time cost of loading lowlight and its grammars, which a
 * process pays only when it first meets code with a language. Medians of
 * several rounds, in milliseconds per article; figures for a person to
 * read, not limits.
 */
const SITE = 'https://courier.example.org/';
const ROUNDS = Number(process.env.ROUNDS ?? 7);

const root = path.resolve(import.meta.dirname, '../content/articles');
const bodies = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => bodyOf(readFileSync(path.join(root, file), 'utf8'))?.body ?? '');

const LISTING = [
  'import { readFile } from "node:fs/promises";',
  '',
  '/** Stops of a tram line, from the open data feed. */',
  'export async function stops(line) {',
  '  const text = await readFile(`data/${line}.json`, "utf8");',
  '  const { stops = [] } = JSON.parse(text);',
  '  return stops',
  '    .filter((stop) => stop.active !== false)',
  '    .map((stop, index) => ({ ...stop, order: index + 1 }));',
  '}',
].join('\n');
const listing = (language: string) => `\n\n\`\`\`${language}\n${Array(4).fill(LISTING).join('\n\n')}\n\`\`\`\n`;

const now = createRenderer({ siteUrl: SITE });
const before = createRendererBeforeDirectives(SITE);

const withCode = bodies.map((body) => body + listing('js'));
const withPlainCode = bodies.map((body) => body + listing(''));
const configs: [string, (markdown: string) => unknown, readonly string[]][] = [
  ['no code, pipeline before issue 15', before, bodies],
  ['no code, now', now, bodies],
  ['40-line listing without a language, before', before, withPlainCode],
  ['40-line listing without a language, now', now, withPlainCode],
  ['40-line listing in js, now (highlighted)', now, withCode],
];

// Every configuration once untimed (compiling, loading lowlight), then the rounds interleaved, so that the machine's other work falls on all alike.
for (const [, render, inputs] of configs) inputs.forEach(render);
const times = configs.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  configs.forEach(([, render, inputs], index) => {
    const started = performance.now();
    for (const input of inputs) render(input);
    times[index]!.push((performance.now() - started) / inputs.length);
  });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows = configs.map(([name], index): [string, number] => [name, median(times[index]!)]);

// A fresh process: this one has loaded lowlight already.
const load = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const started = performance.now(); const { createLowlight, common } = createRequire(${JSON.stringify(import.meta.filename)})('lowlight'); createLowlight(common); console.log(performance.now() - started);`],
  { encoding: 'utf8' },
);

console.log(`${bodies.length} articles of the sample newsroom, median of ${ROUNDS} rounds, ms per article`);
for (const [name, ms] of rows) console.log(`${name.padEnd(46)} ${ms.toFixed(2).padStart(8)}`);
console.log(`${'loading lowlight, once per process that needs it'.padEnd(46)} ${Number(load.stdout).toFixed(2).padStart(8)}`);
