import { MAX_COMMENTER_NAME } from '../content/schema.js';
import type { Article, Comment, ContentDate, Site } from '../content/types.js';
import type { ArticlePage, CommentView, Stamp } from './model.js';

export interface CommentContext {
  settings: Site['comments'];
  stamp(date: ContentDate): Stamp;
  /** Sanitized HTML of a comment's body, by file. */
  html(file: string): string;
}

/**
 * The comments part of an article page: approved comments with their
 * replies under them (both oldest first), the section heading, and the
 * form when comments are open. Site-wide `enabled: false` shows nothing;
 * an article with `comments: false`, a draft or a scheduled article shows
 * its approved comments but no form: nobody should comment on a preview.
 */
export function articleComments(article: Article, context: CommentContext): Pick<ArticlePage, 'comments' | 'commentsHeading' | 'commentForm'> {
  const { settings } = context;
  if (!settings.enabled) return { comments: [], commentsHeading: '', commentForm: undefined };
  const view = (comment: Comment): CommentView => ({
    id: `comment-${comment.id}`,
    name: comment.name,
    date: context.stamp(comment.date),
    html: context.html(comment.file),
    replies: [],
  });
  const approved = article.comments.approved;
  const replies = new Map<string, CommentView[]>();
  for (const reply of approved) {
    if (reply.replyTo === undefined) continue;
    const list = replies.get(reply.replyTo);
    if (list) list.push(view(reply));
    else replies.set(reply.replyTo, [view(reply)]);
  }
  const topLevel = approved.filter((comment) => comment.replyTo === undefined);
  const comments = topLevel.map((parent) => ({ ...view(parent), replies: replies.get(parent.id) ?? [] }));
  const open = settings.endpoint !== undefined && article.comments.open && article.status === 'published';
  return {
    comments,
    commentsHeading: approved.length === 0 ? 'Comments' : `${approved.length} comment${approved.length === 1 ? '' : 's'}`,
    commentForm: open
      ? {
          action: settings.endpoint as string,
          articleSlug: article.comments.folder,
          replyTargets: topLevel.map((parent) => ({ id: parent.id, label: `${parent.name}, ${context.stamp(parent.date).display}` })),
          nameMaxLength: MAX_COMMENTER_NAME,
        }
      : undefined,
  };
}
