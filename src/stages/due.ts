import path from 'node:path';
import { dueStories, type DueStories, type DueStory } from '../content/due-stories.js';
import { lastPublishTime } from '../publish/publish-record.js';
import { formatInstant } from '../util/instant.js';
import type { Problem } from '../util/problems.js';
import { terminalText } from '../util/terminal-text.js';
import { checkContent } from './build.js';
import type { CheckOptions } from './options.js';

export interface DueOptions extends CheckOptions {
  /** The output folder whose last build `since` defaults to. */
  outDir: string;
  /** Start of the window (ms, excluded); default: the publish time of the last build into `outDir`, recorded in `cacheDir`. */
  since?: number | undefined;
}

export interface DueReport extends DueStories {
  /** End of the window (ms, included): `now`, or the real clock. */
  at: number;
  /** Start of the window (ms); undefined when no usable last build is recorded, and then nothing is listed as due. */
  since: number | undefined;
  /**
   * Where `since` came from, or why there is none: no build recorded, a
   * damaged record, or one of a build as of a moment after `at` (which says
   * nothing of what went out before it).
   */
  sinceFrom: 'option' | 'record' | 'none' | 'unreadable' | 'later';
  /** The publish time of the last build into the output folder, as recorded. */
  recorded: number | 'unreadable' | undefined;
  /** Warnings about the content (errors throw, as for check). */
  problems: Problem[];
}

/**
 * What became due since the last publish: the content checked as `check`
 * does, as of `now` (ContentError on errors), and the stories published
 * after `since` and up to `now`, with the next one scheduled.
 */
export async function findDue(options: DueOptions): Promise<DueReport> {
  const at = options.now ?? Date.now();
  const recorded = options.since === undefined && options.cacheDir ? lastPublishTime(options.cacheDir, options.outDir) : undefined;
  const { since, sinceFrom } = windowStart(options.since, recorded, at);
  // Drafts and scheduled stories are never due: they are checked as a publish build sees them.
  const { content, problems } = await checkContent({ ...options, now: at, drafts: false, future: false });
  // Without a known last build nothing is listed, but the verdict is to build.
  const found = dueStories(content, { since: since ?? at, at });
  return { ...found, at, since, sinceFrom, recorded, problems };
}

/** The start of the window: `given`, else the recorded publish time when it is usable. */
function windowStart(given: number | undefined, recorded: DueReport['recorded'], at: number): Pick<DueReport, 'since' | 'sinceFrom'> {
  if (given !== undefined) return { since: given, sinceFrom: 'option' };
  if (recorded === undefined || recorded === 'unreadable') return { since: undefined, sinceFrom: recorded ?? 'none' };
  return recorded > at ? { since: undefined, sinceFrom: 'later' } : { since: recorded, sinceFrom: 'record' };
}

/** Exit code of `due`: 0 when something became due or no last build is known (build to be safe), 3 when nothing did. */
export const dueExitCode = (report: DueReport): 0 | 3 => (report.since === undefined || report.due.length > 0 ? 0 : 3);

/**
 * `due`'s report as lines: the window (`since`, `at`), one `due` line per
 * story that went live in it and one `next` line, each story as its time in
 * ISO 8601 UTC, its file and its headline, two spaces apart; then a verdict.
 * `listed` are the lines to print even with --quiet.
 */
export function describeDue(report: DueReport, where: { outDir: string; cacheDir?: string | undefined }): { window: string[]; listed: string[]; verdict: string } {
  const out = terminalText(path.relative(process.cwd(), where.outDir) || '.');
  const cache = where.cacheDir ? ` in ${terminalText(path.relative(process.cwd(), where.cacheDir) || '.')}` : ' (--no-cache keeps no record)';
  const since =
    report.since !== undefined
      ? `since ${formatInstant(report.since)}${report.sinceFrom === 'record' ? `  the last build into ${out}` : ''}`
      : report.sinceFrom === 'unreadable'
        ? `since none: the record of the last build into ${out}${cache} cannot be read; the next build writes it again`
        : typeof report.recorded === 'number'
          ? `since none: the last build into ${out} was as of ${formatInstant(report.recorded)}, after ${formatInstant(report.at)}`
          : `since none: no build into ${out} is recorded${cache}`;
  const listed = [
    ...report.due.map((story) => `due   ${storyLine(story)}`),
    report.next ? `next  ${storyLine(report.next)}` : 'next  none: no story is scheduled',
  ];
  const count = report.due.length;
  const verdict =
    report.since === undefined
      ? '✔ no last build is known: build and publish to be safe'
      : count > 0
        ? `✔ ${count} ${count === 1 ? 'story' : 'stories'} became due: build and publish`
        : '✔ nothing became due: no build needed';
  return { window: [since, `at    ${formatInstant(report.at)}`], listed, verdict };
}

const storyLine = (story: DueStory): string => `${formatInstant(story.time)}  ${terminalText(story.file)}  ${terminalText(story.title)}`;
