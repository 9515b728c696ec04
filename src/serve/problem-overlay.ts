import type { Problem } from '../util/problems.js';
import { xmlAttribute, xmlText } from '../util/xml-text.js';

/** What the last build or update of a `serve` session left for the browser to show. */
export interface ServeStatus {
  /** A build of this session went through: the output folder holds a site to serve. */
  served: boolean;
  /** The last build or update failed: the site served, if any, is the last good build. */
  failed: boolean;
  /** The problems it found: errors, and warnings (alone when it went through). */
  problems: readonly Problem[];
  /** Why it failed when no problem says so (a template that does not render, say). */
  failure?: string | undefined;
}

/** The status before the first build of a session has finished. */
export const BUILDING: ServeStatus = { served: false, failed: false, problems: [] };

/**
 * Where the dev server answers with files of its own, never from the output
 * folder. No site address starts with it: slugs have no underscores at the
 * start, and the output's own folders are named by the address plan.
 */
export const OVERLAY_PREFIX = '/__broadsheet/';

/** The overlay's stylesheet: a file of this site, so that `style-src 'self'` lets it apply. */
export const OVERLAY_STYLESHEET_PATH = `${OVERLAY_PREFIX}problems.css`;

/** Whether the served pages carry the problem panel. */
export const hasProblems = (status: ServeStatus): boolean => status.problems.length > 0 || status.failure !== undefined;

/**
 * `html` (a page of the output folder, as the dev server sends it) with the
 * problem panel as the first thing in its body: the list of problems, and
 * whether the page is the last good build. Unchanged when there is nothing
 * to show. Plain HTML and a stylesheet of our own: no script, no inline
 * style, so the site's Content-Security-Policy lets it show.
 */
export function withProblemPanel(html: string, status: ServeStatus): string {
  if (!hasProblems(status)) return html;
  const panel = `<link rel="stylesheet" href="${OVERLAY_STYLESHEET_PATH}">${problemPanel(status)}`;
  // Our templates write a plain <body>; a page without one gets the panel first, where the browser puts it in the body anyway.
  const body = /<body(?:\s[^>]*)?>/i.exec(html);
  return body ? html.slice(0, body.index + body[0].length) + panel + html.slice(body.index + body[0].length) : panel + html;
}

/** The panel: a `<details>` the editor can fold away, open at first. */
function problemPanel(status: ServeStatus): string {
  const errors = status.failed;
  return (
    `<aside id="broadsheet-problems" class="broadsheet-problems${errors ? ' broadsheet-problems-failed' : ''}" aria-label="Problems in the content">` +
    `<details open><summary>${xmlText(headline(status))}</summary>` +
    problemList(status) +
    `<p class="broadsheet-problems-note">${xmlText(
      errors
        ? 'This page is the last good build. Fix the files and save: the page reloads by itself when the site is rebuilt.'
        : 'The site was rebuilt; warnings do not stop a build (--strict makes them errors).',
    )}</p></details></aside>`
  );
}

function headline(status: ServeStatus): string {
  const counted = countProblems(status.problems);
  if (!status.failed) return `⚠ ${counted}`;
  return `✖ The site was not updated: ${counted || 'the build failed'}`;
}

/** "1 error and 2 warnings"; empty when there are none. */
function countProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = [
    errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return counts.join(' and ');
}

/** Problems listed on a page; an archive being imported can have thousands, and every page carries the list. */
export const MAX_LISTED = 100;

/** One item per problem as the terminal prints it, `file:line:column`, severity, message, hint; the failure last. */
function problemList(status: ServeStatus): string {
  const items = status.problems.slice(0, MAX_LISTED).map((problem) => {
    const where = problem.position ? `${problem.file}:${problem.position.line}:${problem.position.column}` : problem.file;
    const hint = problem.hint ? ` <span class="broadsheet-problems-hint">hint: ${xmlText(problem.hint)}</span>` : '';
    return (
      `<li class="broadsheet-problems-${problem.severity}">` +
      `<code class="broadsheet-problems-file" title="${xmlAttribute(where)}">${xmlText(where)}</code> ` +
      `<span class="broadsheet-problems-severity">${problem.severity}:</span> ${xmlText(problem.message)}${hint}</li>`
    );
  });
  const more = status.problems.length - MAX_LISTED;
  if (more > 0) items.push(`<li class="broadsheet-problems-more">${more} more: the terminal lists them all</li>`);
  if (status.failure !== undefined) items.push(`<li class="broadsheet-problems-error">${xmlText(status.failure)}</li>`);
  return items.length > 0 ? `<ol>${items.join('')}</ol>` : '';
}

/**
 * The page every address gets (with status 503) until a build of the
 * session goes through: that it is building, or what stops it, and that it
 * reloads by itself. The dev server adds its live-reload script.
 */
export function problemPage(status: ServeStatus): string {
  const building = !status.failed;
  const title = building ? 'Building the site…' : 'The site could not be built';
  const note = building
    ? 'Broadsheet is building the site. This page reloads by itself when it is ready.'
    : 'Nothing can be shown until the content builds. Fix the files below and save: this page reloads by itself when the site builds.';
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="robots" content="noindex">\n<title>${xmlText(title)}</title>\n<link rel="stylesheet" href="${OVERLAY_STYLESHEET_PATH}">\n</head>\n` +
    `<body class="broadsheet-problem-page">\n<main id="broadsheet-problems" class="broadsheet-problems${building ? '' : ' broadsheet-problems-failed'}">\n<h1>${xmlText(title)}</h1>\n` +
    (building ? '' : `<p><strong>${xmlText(countProblems(status.problems) || 'The build failed')}</strong></p>\n${problemList(status)}\n`) +
    `<p class="broadsheet-problems-note">${xmlText(note)}</p>\n</main>\n</body>\n</html>\n`
  );
}
