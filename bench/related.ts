import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RELATED_SETTINGS } from '../src/content/schema.js';
import { relatedArticles, termVectors, type RelatedDoc } from '../src/related/engine.js';
import { plantedCorpus, precision } from './planted-topics.js';

/*
 * npm run bench:related [-- --sizes 10000,100000] [--naive 10000]
 *
 * Times computing every article's related links on a planted-topic corpus,
 * each case in a fresh process (peak memory is the process's), next to a
 * naive all-pairs baseline that scores every pair exactly with the same
 * formula, on the same 10k corpus, in the same run.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const HOOK = path.join(ROOT, 'bench', 'rusage-hook.cjs');
const WORK = path.join(ROOT, '.cache', 'bench');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    naive: { type: 'string', default: '10000' },
    case: { type: 'string' },
    articles: { type: 'string' },
  },
});

interface Outcome {
  method: string;
  articles: number;
  seconds: number;
  precision: number;
}

/** In a child process: build the corpus, then time one method on it. */
function runCase(method: string, articles: number): Outcome {
  const { docs, topicOf } = plantedCorpus({ articles, seed: 2026, topicShare: 0.08, noiseTagChance: 0.5 });
  const started = performance.now();
  const related = method === 'naive' ? naiveAllPairs(docs) : relatedArticles(docs, DEFAULT_RELATED_SETTINGS);
  const seconds = (performance.now() - started) / 1000;
  return { method, articles, seconds, precision: precision(related, topicOf) };
}

/** Every pair scored exactly, then sorted: the quadratic way. */
function naiveAllPairs(docs: readonly RelatedDoc[]): number[][] {
  const { weights, count, recencyHalfLifeDays } = DEFAULT_RELATED_SETTINGS;
  const vectors = termVectors(docs).map((v) => new Map([...v.terms].map((term, i) => [term, v.weights[i] as number])));
  const tagCounts = new Map<string, number>();
  for (const doc of docs) for (const tag of doc.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const idf = (tag: string) => Math.log(1 + docs.length / (tagCounts.get(tag) ?? 1));
  return docs.map((doc, self) => {
    const tagNorm = doc.tags.reduce((sum, t) => sum + idf(t), 0) || 1;
    const scored: [number, number][] = [];
    docs.forEach((other, index) => {
      if (index === self || !other.candidate) return;
      let text = 0;
      for (const [term, weight] of vectors[self] as Map<number, number>) text += weight * ((vectors[index] as Map<number, number>).get(term) ?? 0);
      const tags = other.tags.filter((t) => doc.tags.includes(t)).reduce((sum, t) => sum + idf(t), 0) / tagNorm;
      const recency = Math.pow(0.5, Math.abs(other.epoch - doc.epoch) / (recencyHalfLifeDays * 86_400_000));
      const score =
        weights.text * text +
        weights.tags * tags +
        weights.section * (other.section === doc.section ? 1 : 0) +
        weights.author * (other.authors.some((a) => doc.authors.includes(a)) ? 1 : 0) +
        weights.recency * recency;
      scored.push([index, score]);
    });
    return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, count).map(([index]) => index);
  });
}

function inChildProcess(method: string, articles: number): Outcome & { peakMb: number } {
  mkdirSync(WORK, { recursive: true });
  const usageFile = path.join(WORK, `related-usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'related.ts'), '--case', method, '--articles', String(articles)], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--require ${HOOK}`, BENCH_RUSAGE_FILE: usageFile },
  });
  if (result.status !== 0) throw new Error(`${method} at ${articles} failed:\n${result.stderr}`);
  const outcome = JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as Outcome;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number };
  return { ...outcome, peakMb: usage.maxRssKb / 1024 };
}

if (values.case) {
  console.log(JSON.stringify(runCase(values.case, Number(values.articles))));
} else {
  const outcomes = [
    ...values.naive.split(',').filter(Boolean).map((n) => inChildProcess('naive', Number(n))),
    ...values.sizes.split(',').map((n) => inChildProcess('engine', Number(n))),
  ];
  console.log('\narticles  method    seconds   peak MB   precision   vs naive at the same size');
  for (const o of outcomes) {
    const naive = outcomes.find((other) => other.method === 'naive' && other.articles === o.articles);
    console.log(
      `${String(o.articles).padStart(8)}  ${o.method.padEnd(7)} ${o.seconds.toFixed(2).padStart(9)} ${o.peakMb.toFixed(0).padStart(9)} ${o.precision.toFixed(3).padStart(11)}   ${naive && o !== naive ? `${(o.seconds / naive.seconds).toFixed(3)}×` : '—'}`,
    );
  }
  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `related-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ node: process.version, outcomes }, null, 2));
  console.log(`\nrecord written to ${path.relative(ROOT, file)}`);
}
