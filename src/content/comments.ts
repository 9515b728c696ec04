import { posix } from 'node:path';
import { compareText, error, type Position, type Problem } from '../util/problems.js';
import type { Article, Comment, CommentSource } from './types.js';
import { articlesByRef } from './article-refs.js';
import { fieldProblems, unknownFields } from './check-fields.js';
import { MAX_COMMENTS_PER_ARTICLE } from './limits.js';
import { commentSchema, knownKeys } from './schema.js';
import { slugifyText, slugProblem } from './slug.js';
import { didYouMean } from '../util/suggest.js';
import { parseYamlMapping } from './yaml-mapping.js';
import { groupBy } from '../util/group-by.js';

/** A comment file that passed the checks that need no other file. */
interface CheckedComment extends Comment {
  folder: string;
  /** Where `reply-to` is written, for messages. */
  replyToAt: Position;
}

const FOLDER = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/;

const schemas = new Map<string, ReturnType<typeof commentSchema>>();

/**
 * Check every comment file and hand each article its approved comments:
 * a comment's folder must name an article (by slug, or section/slug), and
 * `reply-to` must name a top-level comment of the same article, since
 * threads go one level deep. `unlinked` holds the slugs of articles that
 * have errors of their own: their comments are not reported as orphans.
 * Files in `leftOut` (comments with errors, left out of a build that skips
 * invalid files) are not checked again, but still count as written.
 * Sets `comments.folder` and `comments.approved` on every article, and
 * returns the comment files without errors that were not approved: those
 * whose article, or the comment they answer, has errors, and the others in
 * a folder that names no article (the error is on the folder's first file).
 */
export function attachComments(
  files: readonly CommentSource[],
  articles: readonly Article[],
  options: { timezone: string; unlinked: ReadonlySet<string>; leftOut?: ReadonlySet<string> | undefined; leftOutSlugs?: ReadonlySet<string> | undefined },
  problems: Problem[],
): string[] {
  const byRef = articlesByRef(articles);
  for (const article of articles) {
    const shared = (byRef.get(article.slug)?.length ?? 0) > 1;
    article.comments.folder = shared ? `${article.category}/${article.slug}` : article.slug;
  }

  const names = { refs: [...byRef.keys()], ids: groupBy(files, (file) => file.folder) };
  const checked = files.filter((file) => !options.leftOut?.has(file.path)).flatMap((file) => checkComment(file, options.timezone, names, problems));
  // Folders are resolved from the files, so a folder naming no article is reported even when its files have errors too.
  const articleOf = new Map<string, Article>();
  // Folders of articles with errors of their own (not left out): their comments are still checked against each other.
  const ofBroken = new Set<string>();
  for (const [folder, inFolder] of groupBy(files.filter((file) => FOLDER.test(file.folder)), (file) => file.folder)) {
    const matches = byRef.get(folder) ?? [];
    const first = (inFolder[0] as CommentSource).path;
    if (matches.length === 1) {
      articleOf.set(folder, matches[0] as Article);
    } else if (matches.length > 1) {
      const folders = [...new Set(matches.map((m) => `comments/${m.category}/${m.slug}/`))].sort(compareText);
      // Two articles at one address are the address plan's error; no folder can tell them apart.
      if (folders.length === 1) continue;
      problems.push(error(first, `the folder comments/${folder}/ could belong to ${matches.length} articles`, { hint: `move the folder to ${folders.join(' or ')}` }));
    } else if (options.unlinked.has(posix.basename(folder))) {
      if (!options.leftOutSlugs?.has(posix.basename(folder))) ofBroken.add(folder);
    } else {
      const count = inFolder.length === 1 ? '' : ` (${inFolder.length} comments in it)`;
      problems.push(
        error(first, `no article "${folder}" for the comments in comments/${folder}/${count}`, {
          hint:
            didYouMean(folder, [...byRef.keys()].filter((ref) => ref.includes('/') === folder.includes('/'))) ??
            'name the folder after the article: its slug, as in its address',
        }),
      );
    }
  }
  reportTooManyComments(files, articleOf, problems);
  const byArticle = groupBy(
    checked.filter((comment) => articleOf.has(comment.folder)),
    (comment) => articleOf.get(comment.folder) as Article,
  );
  // A reply to a comment with errors of its own is not reported twice.
  const written = new Set(files.map((file) => `${file.folder}/${commentId(file)}`));
  for (const [article, comments] of byArticle) article.comments.approved = threadChecks(comments, written, problems);
  for (const [, comments] of groupBy(checked.filter((comment) => ofBroken.has(comment.folder)), (comment) => comment.folder)) threadChecks(comments, written, problems);
  const approved = new Set(articles.flatMap((article) => article.comments.approved.map((comment) => comment.file)));
  const refused = new Set(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file));
  return checked.filter((comment) => !approved.has(comment.file) && !refused.has(comment.file)).map((comment) => comment.file);
}

/**
 * Every comment file is counted, valid or not, over both folders that can
 * name one article (slug and section/slug). The error is the article's: its
 * page is what every comment is printed on.
 */
function reportTooManyComments(files: readonly CommentSource[], articleOf: ReadonlyMap<string, Article>, problems: Problem[]): void {
  const attached = files.filter((file) => articleOf.has(file.folder));
  for (const [article, comments] of groupBy(attached, (file) => articleOf.get(file.folder) as Article)) {
    if (comments.length <= MAX_COMMENTS_PER_ARTICLE) continue;
    const folders = [...new Set(comments.map((file) => `comments/${file.folder}/`))].join(' and ');
    problems.push(
      error(article.file, `${folders} hold${folders.includes(' and ') ? '' : 's'} ${comments.length} comments on this article, and an article may have at most ${MAX_COMMENTS_PER_ARTICLE}`, {
        hint: 'keep the comments readers need; move the others out of content/',
      }),
    );
  }
}

/**
 * One file's own checks: YAML, fields, and a file name and folder that can
 * name it. `names` are for hints: the ways articles are named, and the
 * comment files of each folder.
 */
function checkComment(
  file: CommentSource,
  timezone: string,
  names: { refs: readonly string[]; ids: ReadonlyMap<string, readonly CommentSource[]> },
  problems: Problem[],
): CheckedComment[] {
  const parsed = parseYamlMapping(file.text.replace(/^\uFEFF/, ''), file.path);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return [];
  }
  let schema = schemas.get(timezone);
  if (!schema) {
    schema = commentSchema(timezone);
    schemas.set(timezone, schema);
  }
  problems.push(...unknownFields(file.path, parsed.value.data, knownKeys.comment, parsed.value.locate));
  const checked = fieldProblems(file.path, parsed.value, schema);
  const writtenReply = parsed.value.data['reply-to'];
  for (const { path, problem } of checked.failures) {
    // A reply-to of the wrong form (`Ann-Reader`) most likely means a comment of the same folder.
    const near = path.length === 1 && path[0] === 'reply-to' && typeof writtenReply === 'string' ? didYouMean(writtenReply, (names.ids.get(file.folder) ?? []).map(commentId)) : undefined;
    problems.push(near ? { ...problem, hint: near } : problem);
  }
  const fields = checked.value;
  const name = commentId(file);
  const nameProblem = slugProblem(name);
  if (nameProblem) {
    const suggestion = slugifyText(name);
    problems.push(
      error(file.path, `the file name gives the comment id "${name}", which ${nameProblem}`, {
        hint: `rename the file${suggestion && !slugProblem(suggestion) ? ` to ${suggestion}.yml` : ''}; replies name a comment by this id`,
      }),
    );
  }
  if (!FOLDER.test(file.folder)) {
    problems.push(
      error(file.path, file.folder === '' ? 'a comment must be in the folder of its article' : `comments/${file.folder}/ is not an article's folder`, {
        hint: (file.folder === '' ? undefined : didYouMean(file.folder, names.refs)) ?? 'put it in comments/<article-slug>/ (or comments/<section>/<article-slug>/)',
      }),
    );
    return [];
  }
  if (!fields || nameProblem) return [];
  const { 'reply-to': replyTo, ...rest } = fields;
  return [{ ...rest, id: name, file: file.path, replyTo, folder: file.folder, replyToAt: parsed.value.locate(['reply-to']) }];
}

/** Replies must answer a top-level comment of the same article. Returns the comments oldest first. */
function threadChecks(comments: CheckedComment[], written: ReadonlySet<string>, problems: Problem[]): Comment[] {
  const byId = new Map<string, CheckedComment>();
  for (const comment of [...comments].sort((a, b) => compareText(a.file, b.file))) {
    const first = byId.get(comment.id);
    if (first) {
      problems.push(error(comment.file, `the comment id "${comment.id}" is also used by ${first.file}`, { hint: "keep each article's comments in one folder" }));
    } else {
      byId.set(comment.id, comment);
    }
  }
  const approved: Comment[] = [];
  for (const comment of byId.values()) {
    const { replyTo } = comment;
    const parent = replyTo === undefined ? undefined : byId.get(replyTo);
    const position = comment.replyToAt;
    if (replyTo === comment.id) {
      problems.push(error(comment.file, 'reply-to: a comment cannot reply to itself', { position }));
    } else if (replyTo !== undefined && !parent && written.has(`${comment.folder}/${replyTo}`)) {
      // Its file is there but has errors of its own, reported on it: the build fails anyway.
    } else if (replyTo !== undefined && !parent) {
      const others = [...byId.keys()].filter((id) => id !== comment.id);
      problems.push(
        error(comment.file, `reply-to: no comment "${replyTo}" on this article`, {
          position,
          hint: didYouMean(replyTo, others) ?? 'reply-to is the file name (without .yml) of a comment in the same folder',
        }),
      );
    } else if (parent?.replyTo !== undefined) {
      problems.push(
        error(comment.file, `reply-to: "${replyTo}" is itself a reply, and replies go one level deep`, {
          position,
          hint: `reply to "${parent.replyTo}" instead`,
        }),
      );
    } else {
      const { folder: _folder, replyToAt: _at, ...plain } = comment;
      approved.push(plain);
    }
  }
  return approved.sort((a, b) => a.date.epoch - b.date.epoch || compareText(a.id, b.id));
}

/** A comment is named by its file name without `.yml`. */
const commentId = (file: CommentSource): string => posix.basename(file.path).replace(/\.yml$/i, '');
