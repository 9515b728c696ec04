import { compareText, type Problem } from '../util/problems.js';
import type { ContentSources } from './types.js';
import type { LeftOut } from './left-out.js';
import { validateContent, type ValidateOptions, type ValidationResult } from './validate.js';

/**
 * Validate the content, leaving out every article and comment file with an
 * error, and then what only existed because of one: the articles that pin
 * it or send readers to it (they now name no article, an error of theirs),
 * the comments on it and the replies to a left-out comment. The valid rest
 * comes back as `validateContent` gives it. `before` are the problems found
 * before validation (loading, rendering): an article whose body has an
 * error is left out too.
 *
 * Errors of other files (site.yml, authors, sections) and of the address
 * plan (two files, or a file and a page of the site, at one address) are
 * not about one article: they stay in the result, and stop the build.
 * Problems of a left-out file are kept as they were reported; those of the
 * rest are those of the last validation, in which the left-out files no
 * longer take part.
 */
export function validateLeavingOut(
  sources: ContentSources,
  options: ValidateOptions,
  before: readonly Problem[],
): { result: ValidationResult; problems: Problem[]; leftOut: LeftOut } {
  const articleFiles = new Set(sources.articles.map((file) => file.path));
  const commentFiles = new Set(sources.comments.map((file) => file.path));
  const leftOut = new Set<string>();
  const leaveOut = (problems: readonly Problem[], address: ReadonlySet<Problem> = new Set()): boolean => {
    const size = leftOut.size;
    for (const problem of problems) {
      if (problem.severity !== 'error' || address.has(problem)) continue;
      if (articleFiles.has(problem.file) || commentFiles.has(problem.file)) leftOut.add(problem.file);
    }
    return leftOut.size > size;
  };
  const earlier: Problem[] = [];
  // The first pass is the validation a build without skipping makes, so
  // every file left out is reported in full, in the pass before it is left
  // out. Each pass can only add files, so this ends; a third pass needs a
  // pin of an article that pins a broken one.
  for (let pass = 1; ; pass++) {
    const result = validateContent(sources, { ...options, leftOut });
    const fromBefore = pass === 1 && leaveOut(before);
    const fromThisPass = leaveOut(result.problems, new Set(result.addressProblems));
    if (!fromBefore && !fromThisPass) {
      const ofLeftOut = earlier.filter((problem) => leftOut.has(problem.file));
      const problems = unique([...before, ...ofLeftOut, ...result.problems]);
      const files = [...leftOut].sort(compareText);
      return {
        result,
        problems,
        leftOut: { articles: files.filter((file) => articleFiles.has(file)), comments: files.filter((file) => commentFiles.has(file)), withTheirArticle: result.setAside },
      };
    }
    earlier.push(...result.problems);
  }
}

/** Each problem once: a file left out in one pass is reported the same way in the next. */
function unique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.position?.line, problem.position?.column, problem.severity, problem.message, problem.hint]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
