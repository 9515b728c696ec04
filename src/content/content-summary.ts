import { DateTime } from 'luxon';
import { terminalText } from '../util/terminal-text.js';
import { dueStories } from './due-stories.js';
import type { Content } from './types.js';

/** The drafts a summary names by file; the rest are counted. */
const NAMED_DRAFTS = 3;

/** What a summary needs to know of the run: the publish clock and what it was asked to include. */
export interface SummaryOptions {
  /** The moment the content was checked as of, in ms (`--at`, or the clock when the run began). */
  now: number;
  drafts: boolean;
  future: boolean;
}

/**
 * What the summary says of the content as of one moment: small and plain,
 * so that a build that finds nothing changed can say it again from the last
 * build's record (see steady-build.ts) without reading the content.
 */
export interface ContentCounts {
  timezone: string;
  published: number;
  /** The drafts' files, in file order. */
  drafts: string[];
  scheduled: number;
  /** The next scheduled story after the moment. */
  next?: { time: number; file: string } | undefined;
}

/** The counts of `content`, validated as of `now`. */
export function contentCounts(content: Pick<Content, 'site' | 'articles' | 'scheduled' | 'drafts'>, now: number): ContentCounts {
  const next = dueStories(content, { since: now, at: now }).next;
  return {
    timezone: content.site.timezone,
    published: content.articles.filter((article) => article.status === 'published').length,
    drafts: content.drafts.map((draft) => draft.file),
    // Scheduled as of the moment the content was validated, which is `now`.
    scheduled: content.scheduled.length,
    next: next && { time: next.time, file: next.file },
  };
}

/**
 * One line per kind of story, so that none is off the site unseen: how many
 * are published, the drafts (with their files), and the scheduled ones with
 * the next go-live time in the site's timezone and its file; each says
 * whether `--drafts` or `--future` shows it in this run.
 */
export function contentSummary(content: Pick<Content, 'site' | 'articles' | 'scheduled' | 'drafts'>, options: SummaryOptions): string[] {
  return summaryLines(contentCounts(content, options.now), options);
}

/** contentSummary's lines from the counts. */
export function summaryLines(counts: ContentCounts, options: Pick<SummaryOptions, 'drafts' | 'future'>): string[] {
  const { published, drafts, scheduled, next } = counts;
  const width = String(Math.max(published, drafts.length, scheduled)).length;
  const count = (n: number) => String(n).padStart(width);

  const draftNote = drafts.length === 0 ? '' : options.drafts ? ', shown with a banner (--drafts)' : `, not on the site (--drafts shows ${drafts.length === 1 ? 'it' : 'them'})`;
  const named = drafts.slice(0, NAMED_DRAFTS).map((draft) => terminalText(draft));
  const more = drafts.length > NAMED_DRAFTS ? ` and ${drafts.length - NAMED_DRAFTS} more` : '';
  const draftFiles = named.length > 0 ? `: ${named.join(', ')}${more}` : '';

  const scheduledNote =
    scheduled === 0 ? '' : options.future ? ', shown with a banner (--future)' : `, not on the site yet (--future shows ${scheduled === 1 ? 'it' : 'them'})`;
  const nextNote = next ? `; next ${goLive(next.time, counts.timezone)} (${terminalText(next.file)})` : '';

  return [
    `  ${count(published)} published`,
    `  ${count(drafts.length)} ${drafts.length === 1 ? 'draft' : 'drafts'}${draftNote}${draftFiles}`,
    `  ${count(scheduled)} scheduled${scheduledNote}${nextNote}`,
  ];
}

/** `2031-05-01 09:00 Europe/London`: the wall-clock time in the site's timezone, as editors write dates; seconds only when there are some. */
function goLive(epoch: number, timezone: string): string {
  const time = DateTime.fromMillis(epoch, { zone: timezone });
  return `${time.toFormat(time.second === 0 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd HH:mm:ss')} ${timezone}`;
}
