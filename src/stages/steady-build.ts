import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { ContentCounts } from '../content/content-summary.js';
import type { Content } from '../content/types.js';
import { besideManifest } from '../publish/manifest.js';
import { NEWS_WINDOW_MS } from '../outputs/seo/sitemaps.js';
import type { Problem } from '../util/problems.js';
import { writeWhole } from '../util/write-whole.js';

/*
 * The build that finds nothing to do, without reading the content twice:
 * CI's scheduled runs build every few minutes, and most find nothing due.
 * The output of a build is decided by its inputs (inputsKey: content,
 * public files, templates, code, options) and by the clock, which decides
 * only at known instants: when a scheduled story's time comes, when a story
 * leaves the news sitemap's window, when a date stops being more than a
 * year ahead, when the year turns (the far-ahead warning suggests the
 * current year). A build records its inputs and the span of time until the
 * first such instant; the next build with the same inputs inside that span
 * makes the same files and the same report, so it checks that the output
 * is still whole and says the recorded report again.
 */

/** What a successful build records for the next one. */
export interface SteadyRecord {
  inputs: string;
  /** The build's key (see buildKey), which the output's manifest carries. */
  buildKey: string;
  /** The working folder: problems name files relative to it. */
  cwd: string;
  fileTimeLimitMs: number | null;
  /** The moment the build published as of, and the first moment after it at which the clock would decide anything differently (ms). */
  from: number;
  until: number;
  problems: Problem[];
  counts: ContentCounts;
  articles: number;
}

/** What a new build must match to take the record's word. */
export interface SteadyQuestion {
  inputs: string;
  cwd: string;
  fileTimeLimitMs: number | undefined;
  now: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The first instant after `now` at which validating the same content would
 * come out differently, or earlier (never later): a story's own time (it
 * goes live), that time plus the news window (it leaves the news sitemap),
 * 366 days before it (it is no longer more than a year ahead), and the new
 * year in the site's timezone. Pure.
 */
export function steadyUntil(content: Pick<Content, 'site' | 'articles' | 'scheduled' | 'drafts'>, now: number): number {
  let until = DateTime.fromMillis(now, { zone: content.site.timezone }).startOf('year').plus({ years: 1 }).toMillis();
  for (const article of [...content.articles, ...content.scheduled, ...content.drafts]) {
    const time = article.date.epoch;
    for (const instant of [time, time + NEWS_WINDOW_MS, time - 366 * DAY_MS]) if (instant > now && instant < until) until = instant;
  }
  return until;
}

/** Whether the record answers for a build asking `question`. Pure. */
export function recordFits(record: SteadyRecord, question: SteadyQuestion): boolean {
  return (
    record.inputs === question.inputs &&
    record.cwd === question.cwd &&
    record.fileTimeLimitMs === (question.fileTimeLimitMs ?? null) &&
    record.from <= question.now &&
    question.now < record.until
  );
}

const recordPath = (cacheDir: string, outDir: string) => besideManifest(cacheDir, outDir, 'steady');

/** The record of the last build into `outDir`, if it left one that can be read. */
export function readSteadyRecord(cacheDir: string, outDir: string): SteadyRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordPath(cacheDir, outDir), 'utf8')) as SteadyRecord;
  } catch {
    return undefined;
  }
}

/** Keep `record` for the next build into `outDir`: written whole or not at all. */
export function writeSteadyRecord(cacheDir: string, outDir: string, record: SteadyRecord): void {
  writeWhole(recordPath(cacheDir, outDir), `${JSON.stringify(record)}\n`);
}
