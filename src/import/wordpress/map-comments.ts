import { MAX_COMMENTER_NAME } from '../../content/schema.js';
import { safeSlug, yamlFile } from '../newsroom-files.js';
import type { WxrComment } from './read-wxr.js';
import { wordpressDate } from './wp-dates.js';

/** The most approved comments one article may have (the content model's limit). */
const MAX_COMMENTS = 500;

/** One comment file for `comments/<article>/`. */
export interface CommentFile {
  /** The file name without `.yml`: the comment's id. */
  id: string;
  content: string;
  line: number;
  /** Where the body's conversion lost something. */
  notes: string[];
}

/** Why a comment was not imported, for the counts in the report. */
export type CommentSkip = 'spam' | 'pending' | 'trash' | 'pingback or trackback' | 'no date' | 'empty' | 'over the limit';

/**
 * An item's comments as Broadsheet comment files: only approved comments
 * of readers (no pingbacks), oldest first, each reply attached to the
 * top-level comment of its thread (Broadsheet threads one level deep; a
 * reply to a comment that was not imported climbs to the nearest one that
 * was). Author e-mail and IP addresses are not carried over.
 */
export function mapComments(
  comments: readonly WxrComment[],
  convert: (html: string) => { markdown: string; notes: string[] },
): { files: CommentFile[]; skipped: Map<CommentSkip, number> } {
  const skipped = new Map<CommentSkip, number>();
  const skip = (why: CommentSkip) => skipped.set(why, (skipped.get(why) ?? 0) + 1);

  const kept: { id: string; parent: string; comment: WxrComment; date: { text: string; epoch: number } }[] = [];
  for (const comment of comments) {
    const field = (name: string) => (comment.fields.get(name) ?? '').trim();
    const approved = field('comment_approved');
    if (approved === 'spam') skip('spam');
    else if (approved === 'trash' || approved === 'post-trashed') skip('trash');
    else if (approved !== '1') skip('pending');
    else if (field('comment_type') !== '' && field('comment_type') !== 'comment') skip('pingback or trackback');
    else {
      const date = wordpressDate(field('comment_date'), field('comment_date_gmt'));
      if (!date) skip('no date');
      else kept.push({ id: field('comment_id'), parent: field('comment_parent'), comment, date });
    }
  }
  kept.sort((a, b) => a.date.epoch - b.date.epoch || Number(a.id) - Number(b.id));

  const byId = new Map(kept.map((entry) => [entry.id, entry]));
  const parents = new Map<string, string>();
  for (const comment of comments) parents.set((comment.fields.get('comment_id') ?? '').trim(), (comment.fields.get('comment_parent') ?? '').trim());

  /** The top-level comment a kept comment's thread starts with, among the kept ones. */
  const threadStart = (id: string): string | undefined => {
    const seen = new Set<string>([id]);
    let start: string | undefined;
    for (let parent = parents.get(id); parent && parent !== '0' && !seen.has(parent); parent = parents.get(parent)) {
      seen.add(parent);
      if (byId.has(parent)) start = parent;
    }
    return start;
  };

  const files: CommentFile[] = [];
  const fileIds = new Map<string, string>();
  const used = new Set<string>();
  for (const entry of kept) {
    if (files.length >= MAX_COMMENTS) {
      skip('over the limit');
      continue;
    }
    const name = (entry.comment.fields.get('comment_author') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_COMMENTER_NAME) || 'Anonymous';
    const converted = convert(entry.comment.fields.get('comment_content') ?? '');
    if (!converted.markdown.trim()) {
      skip('empty');
      continue;
    }
    const base = `${entry.date.text.slice(0, 10)}-${safeSlug(name, 'reader')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    fileIds.set(entry.id, id);
    const start = threadStart(entry.id);
    const replyTo = start === undefined ? undefined : fileIds.get(start);
    files.push({
      id,
      content: yamlFile({ name, date: entry.date.text, 'reply-to': replyTo, body: `${converted.markdown}\n` }),
      line: entry.comment.line,
      notes: converted.notes,
    });
  }
  return { files, skipped };
}
