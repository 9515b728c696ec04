import { MAX_COMMENTER_NAME } from '../content/schema.js';
import type { Article, Comment, ContentDate, Site } from '../content/types.js';
import type { ArticlePage, CommentView, Stamp } from './model.js';

export interface CommentContext {
  settings: Site['comments'];
  stamp(date: ContentDate): Stamp;
  /** Sanitized HTML of a comment's body, by file. */
  html(file: string): string;
}

/** Whether an article takes comments, as its page tells readers. `hidden`: the page has no comments section. */
export type CommentsState = 'open' | 'closed' | 'preview' | 'hidden';

/**
 * What the comments section of a page says, from the site's settings and
 * the article's. Without a way to comment (comments off site-wide, or no
 * endpoint) a page with approved comments says comments are closed, and a
 * page without any has no section: a newsroom without comments does not
 * announce it on every story. With an endpoint, `comments: false` closes
 * one article, and a draft or scheduled story takes no comment until it is
 * published.
 */
export function commentsState(input: { enabled: boolean; endpoint: boolean; articleOpen: boolean; published: boolean; approved: number }): CommentsState {
  if (!input.enabled || !input.endpoint) return input.approved > 0 ? 'closed' : 'hidden';
  if (!input.articleOpen) return 'closed';
  return input.published ? 'open' : 'preview';
}

/** The line under the heading: said only when the state is not plain from a list of comments followed by the form. */
export function commentsNote(state: CommentsState, approved: number): string | undefined {
  if (state === 'closed') return 'Comments are closed.';
  if (state === 'preview') return 'Comments open when the story is published.';
  if (state === 'open' && approved === 0) return 'No comments yet.';
  return undefined;
}

/**
 * The comments part of an article page: approved comments with their
 * replies under them (both oldest first), the section heading, what the
 * section says about taking comments, and the form when comments are open.
 * Site-wide `enabled: false` shows no comment (at most "Comments are
 * closed."); an article with `comments: false`, a draft or a scheduled
 * article shows its approved comments but no form: nobody should comment
 * on a preview.
 */
export function articleComments(article: Article, context: CommentContext): Pick<ArticlePage, 'comments' | 'commentsHeading' | 'commentsNote' | 'commentForm'> {
  const { settings } = context;
  const approved = article.comments.approved;
  const state = commentsState({
    enabled: settings.enabled,
    endpoint: settings.endpoint !== undefined,
    articleOpen: article.comments.open,
    published: article.status === 'published',
    approved: approved.length,
  });
  if (state === 'hidden') return { comments: [], commentsHeading: '', commentsNote: undefined, commentForm: undefined };
  const note = commentsNote(state, approved.length);
  if (!settings.enabled) return { comments: [], commentsHeading: 'Comments', commentsNote: note, commentForm: undefined };
  const view = (comment: Comment): CommentView => ({
    id: `comment-${comment.id}`,
    name: comment.name,
    date: context.stamp(comment.date),
    html: context.html(comment.file),
    replies: [],
  });
  const replies = new Map<string, CommentView[]>();
  for (const reply of approved) {
    if (reply.replyTo === undefined) continue;
    const list = replies.get(reply.replyTo);
    if (list) list.push(view(reply));
    else replies.set(reply.replyTo, [view(reply)]);
  }
  const topLevel = approved.filter((comment) => comment.replyTo === undefined);
  const comments = topLevel.map((parent) => ({ ...view(parent), replies: replies.get(parent.id) ?? [] }));
  return {
    comments,
    commentsHeading: approved.length === 0 ? 'Comments' : `${approved.length} comment${approved.length === 1 ? '' : 's'}`,
    commentsNote: note,
    commentForm:
      state === 'open'
        ? {
            action: settings.endpoint as string,
            articleSlug: article.comments.folder,
            replyTargets: topLevel.map((parent) => ({ id: parent.id, label: `${parent.name}, ${context.stamp(parent.date).display}` })),
            nameMaxLength: MAX_COMMENTER_NAME,
          }
        : undefined,
  };
}
