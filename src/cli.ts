#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BuildOptions, StageReport } from './stages/build.js';
import { describeLeftOut } from './content/left-out.js';
import { readClock } from './stages/publish-clock.js';
import { githubAnnotation } from './util/github-annotations.js';
import { liveCounter, loggedCounter } from './util/progress-lines.js';
import { formatInstant } from './util/instant.js';
import { ContentError, formatProblem, type Problem } from './util/problems.js';
import { terminalLines, terminalText } from './util/terminal-text.js';
import { unknownCommandLine, usageErrorLine } from './util/usage-errors.js';

const HELP = `Usage: broadsheet <command> [options]

Commands:
  build    build the site into the output folder
  serve    build, serve on http://localhost:8080 and rebuild on every change
  check    validate all content and report every problem; writes nothing
  due      list the stories that went live since the last build and the next
           one scheduled; exit 0 when something became due (or no last build
           is known), 3 when nothing did
  new      new "HEADLINE" --section S --author A: start an article dated now
           (or --at) in the site's timezone, and print its path
  import   import KIND SOURCE: bring an archive into the content folder
           (KIND: wordpress, jekyll or hugo; see the README)
  deploy   deploy s3://BUCKET[/PREFIX]: upload the built site to S3 or an
           S3-compatible store (changed files only, deletes last)

Options:
  --content DIR     content folder (default: content)
  --out DIR         output folder (default: _site)
  --base-url URL    the site's public address, overriding url in site.yml
  --drafts          include drafts, marked with a banner
  --future          include articles dated in the future, marked with a banner
  --at TIME         publish as of TIME (ISO 8601 with its zone, such as
                    2026-12-05T14:00:00Z) instead of the real clock; new:
                    the story's date (2026-12-07 or 2026-12-07T09:00 in the
                    site's timezone, or with a zone)
  --since TIME      due: start of the window (default: the time the last build
                    into --out published as of, recorded in --cache-dir)
  --strict          fail on warnings too
  --keep-going      check: report every problem, and whether the rest would
                    build without the articles and comments that have errors
  --skip-invalid    build: leave out the articles and comments that have
                    errors (and their comments), build the rest; for a first
                    look at a migrated archive, not for daily use
  --cache-dir DIR   where rendered Markdown is cached (default: .cache/broadsheet)
  --no-cache        render every article afresh and store nothing
  --time-limit S    seconds of CPU time one file may take to check and render
                    (default: 10)
  --port N          port for serve (default: 8080, or the next free one when
                    8080 is busy); a port given and busy is an error; 0 picks
                    a free one
  --host ADDRESS    address serve listens on (default: localhost, this machine
                    only); another address, or 0.0.0.0 for all, exposes the
                    preview, drafts included, to the network
  --section S       new: the story's section (a file in content/categories/)
  --author A        new: an author (a file in content/authors/); repeat it for
                    more than one
  --draft           new: mark the story as a draft, off the site until the
                    draft line is removed
  --public DIR      public folder an import copies images into (default: public)
  --uploads DIR     import: a local copy of WordPress's wp-content/uploads
  --force           import: replace files changed since the last import
  --report FILE     import: where the report goes (default: import-report.md)
  --format FORMAT   check, build, due: how problems are printed: text
                    (default), or github, which also prints each as a GitHub
                    Actions annotation on its file and line
  --endpoint URL    deploy: an S3-compatible service's address (default: AWS)
  --region R        deploy: the bucket's region (default: AWS_REGION or
                    the AWS config file)
  --dry-run         deploy: print what would be uploaded and deleted; change
                    nothing
  --quiet           print only problems
  --verbose         print stack traces of unexpected errors
  --help            show this help
`;

const STAGE_NOUNS: Record<StageReport['stage'], string> = {
  load: 'files read',
  validate: 'articles valid',
  render: 'Markdown files rendered',
  images: 'images ready',
  model: 'pages planned',
  publish: 'files in the output',
  search: 'pages indexed for search',
};

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: '_site' },
        'base-url': { type: 'string' },
        'cache-dir': { type: 'string', default: '.cache/broadsheet' },
        'no-cache': { type: 'boolean', default: false },
        drafts: { type: 'boolean', default: false },
        future: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'keep-going': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        'time-limit': { type: 'string', default: '10' },
        format: { type: 'string', default: 'text' },
        quiet: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        public: { type: 'string' },
        uploads: { type: 'string' },
        force: { type: 'boolean' },
        report: { type: 'string' },
        at: { type: 'string' },
        since: { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        'dry-run': { type: 'boolean' },
        section: { type: 'string' },
        author: { type: 'string', multiple: true },
        draft: { type: 'boolean' },
      },
    });
  } catch (cause) {
    console.error(usageErrorLine(cause, HELP));
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const unknownCommand = unknownCommandLine(command, HELP);
  if (unknownCommand) {
    console.error(unknownCommand);
    return 2;
  }
  const misplaced =
    usageOfSkipping(command, values['keep-going'], values['skip-invalid']) ??
    usageOfImportOptions(command, values) ??
    usageOfDeployOptions(command, values) ??
    usageOfNewOptions(command, values) ??
    usageOfFormat(command, values.format);
  if (misplaced) {
    console.error(misplaced);
    return 2;
  }
  // Before the publish clock: for new, --at is the story's date, read in the site's timezone.
  if (command === 'new') return await runNew(positionals.slice(1), values);
  const clock = readClock(command, values, Date.now());
  if ('usage' in clock) {
    console.error(clock.usage);
    return 2;
  }
  if (values.format === 'github') annotate = (problem) => githubAnnotation(problem, `broadsheet ${command}`);
  const timeLimit = Number(values['time-limit']);
  if (!(timeLimit > 0)) {
    console.error(`--time-limit must be a number of seconds above 0, not "${terminalText(String(values['time-limit']))}"`);
    return 2;
  }
  const say = values.quiet ? () => {} : (line: string) => console.log(line);
  const counter = values.quiet
    ? undefined
    : process.stdout.isTTY
      ? liveCounter((text) => process.stdout.write(text))
      : loggedCounter((line) => console.log(line));
  const options: BuildOptions = {
    contentDir: path.resolve(values.content),
    outDir: path.resolve(values.out),
    baseUrl: values['base-url'],
    cacheDir: values['no-cache'] ? undefined : path.resolve(values['cache-dir']),
    drafts: values.drafts,
    future: values.future,
    strict: values.strict,
    skipInvalid: values['keep-going'] || values['skip-invalid'],
    fileTimeLimitMs: timeLimit * 1000,
    now: clock.at,
    onProgress: counter,
    onStage: ({ stage, count, ms, note }) =>
      say(`  ${stage.padEnd(8)} ${String(count).padStart(6)} ${STAGE_NOUNS[stage].padEnd(24)} ${ms.toFixed(0).padStart(6)} ms${note ? `  (${note})` : ''}`),
  };

  try {
    switch (command) {
      case 'check': {
        const [{ checkContent }, { contentSummary }] = await Promise.all([import('./stages/build.js'), import('./content/content-summary.js')]);
        const now = clock.at ?? Date.now();
        const { content, problems, leftOut } = await checkContent({ ...options, now });
        report(problems);
        const skipped = describeLeftOut(leftOut);
        if (skipped) console.error(`✖ ${skipped}`);
        contentSummary(content, { now, drafts: values.drafts, future: values.future }).forEach((line) => say(line));
        say(`✔ ${content.articles.length} articles, ${content.authors.length} authors, ${content.categories.length} sections, ${content.pages.length} pages: ${skipped ? 'the rest would build' : 'no errors'}`);
        return values.strict && problems.length > 0 ? 1 : 0;
      }
      case 'build': {
        const started = performance.now();
        const [{ build }, { summaryLines }] = await Promise.all([import('./stages/build.js'), import('./content/content-summary.js')]);
        const now = clock.at ?? Date.now();
        say(`  as of ${formatInstant(now)}`);
        // A build with nothing new to publish stops after checking the content.
        const result = await build({ ...options, now, skipUnchanged: true });
        report(result.problems);
        const skipped = describeLeftOut(result.leftOut);
        if (skipped) console.error(`✖ ${skipped}`);
        summaryLines(result.counts, { drafts: values.drafts, future: values.future }).forEach((line) => say(line));
        say(`✔ built ${result.pages} files from ${result.articles} articles into ${terminalText(path.relative(process.cwd(), options.outDir) || '.')} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        return 0;
      }
      case 'serve': {
        // Without --port: 8080, or the next free port when it is busy.
        const port = values.port === undefined ? undefined : Number(values.port);
        if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
          console.error(`--port must be a whole number from 0 to 65535, not "${terminalText(String(values.port))}"`);
          return 2;
        }
        const [{ serve }, { DEFAULT_HOST, exposureWarning }, { PortInUseError }, { webEditorUrl }] = await Promise.all([
          import('./serve/serve.js'),
          import('./serve/hosts.js'),
          import('./serve/dev-server.js'),
          import('./serve/cms-backend.js'),
        ]);
        const host = values.host ?? DEFAULT_HOST;
        let built = false;
        const started = await serve({
          ...options,
          port,
          host,
          onReady: (url, { busyPort }) => {
            // Printed even with --quiet: the address is not the one the editor expects.
            if (busyPort !== undefined) console.error(`✖ port ${busyPort} is in use; serving on ${new URL(url).port} instead`);
            console.log(`Serving ${terminalText(options.outDir)} at ${terminalText(url)} (Ctrl+C to stop)`);
            const editor = webEditorUrl(options.outDir, url);
            if (editor) console.log(`Web editor at ${terminalText(editor)}: it saves stories into ${terminalText(path.relative(process.cwd(), options.contentDir) || '.')} and pictures into public/images, without git`);
            // Printed even with --quiet, next to the address, where it is seen.
            const warning = exposureWarning(host);
            if (warning) console.error(terminalText(warning));
          },
          onPreview: ({ urls, ms }) => console.log(`↻ ${terminalText(urls.join(', '))} updated in ${ms.toFixed(0)} ms; updating the pages it affects`),
          onUpdate: ({ problems, output, ms }) => {
            report(problems);
            console.log(`✔ ${output.rendered} pages updated in ${ms.toFixed(0)} ms`);
          },
          onBuild: ({ result, error, ms }) => {
            if (result) {
              built = true;
              report(result.problems);
              console.log(`✔ built ${result.pages} files in ${ms.toFixed(0)} ms`);
            } else {
              printFailure(error, values.verbose);
              console.log(built ? '✖ build failed; still serving the last good build, with the problems shown on every page' : '✖ build failed; the browser shows the problems until the site builds');
            }
          },
        }).catch((error: unknown) => {
          if (!(error instanceof PortInUseError)) throw error;
          // Our own sentence, with its way out: no "--verbose" note.
          console.error(`✖ ${error.message}`);
        });
        if (!started) return 1;
        return await new Promise<number>(() => {});
      }
      case 'due': {
        const { findDue, describeDue, dueExitCode } = await import('./stages/due.js');
        // Without stage lines: what is printed is the answer, the same on every run.
        const found = await findDue({ ...options, onStage: undefined, since: clock.since });
        report(found.problems);
        const { window, listed, verdict } = describeDue(found, options);
        window.forEach((line) => say(line));
        listed.forEach((line) => console.log(line));
        say(verdict);
        // Errors (and with --strict, warnings) were thrown as for check: exit 1.
        return dueExitCode(found);
      }
      case 'import':
        return await runImport(positionals.slice(1), values, say);
      case 'deploy':
        return await runDeploy(positionals.slice(1), values, say);
      default:
        console.error(unknownCommandLine(command, HELP) ?? `unknown command "${terminalText(command)}"`);
        return 2;
    }
  } catch (error) {
    printFailure(error, values.verbose);
    return 1;
  }
}

async function runNew(
  [headline, ...extra]: string[],
  values: { content: string; section?: string | undefined; author?: string[] | undefined; draft?: boolean | undefined; at?: string | undefined; verbose: boolean },
): Promise<number> {
  if (!headline || extra.length > 0 || !values.section || !values.author) {
    console.error('usage: broadsheet new "HEADLINE" --section SECTION --author AUTHOR [--author AUTHOR…] [--draft] [--at TIME] [--content DIR] (the headline in quotes)');
    return 2;
  }
  try {
    const { createArticle } = await import('./content/create-article.js');
    const made = createArticle({ contentDir: path.resolve(values.content), headline, section: values.section, authors: values.author, draft: values.draft ?? false, at: values.at, now: Date.now() });
    if ('written' in made) {
      console.log(terminalText(made.written));
      return 0;
    }
    console.error(`✖ ${terminalText('usage' in made ? made.usage : made.refused)}`);
    return 'usage' in made ? 2 : 1;
  } catch (error) {
    printFailure(error, values.verbose);
    return 1;
  }
}

async function runImport(
  [kind, source, ...extra]: string[],
  values: { content: string; public?: string | undefined; uploads?: string | undefined; force?: boolean | undefined; report?: string | undefined; quiet: boolean },
  say: (line: string) => void,
): Promise<number> {
  const { IMPORTERS } = await import('./import/importers.js');
  const kinds = Object.keys(IMPORTERS).join(', ');
  if (!kind || !source || extra.length > 0 || !Object.hasOwn(IMPORTERS, kind)) {
    console.error(`usage: broadsheet import KIND SOURCE [--content DIR] [--public DIR] [--uploads DIR] [--force] (KIND: ${kinds})`);
    return 2;
  }
  const [importer, { writeImport }, { noticeLine }] = await Promise.all([IMPORTERS[kind]!(), import('./import/write-import.js'), import('./import/import-report.js')]);
  const summary = await writeImport(importer({ source: path.resolve(source), uploads: values.uploads === undefined ? undefined : path.resolve(values.uploads) }), {
    kind,
    source,
    contentDir: path.resolve(values.content),
    publicDir: path.resolve(values.public ?? 'public'),
    force: values.force ?? false,
    reportFile: path.resolve(values.report ?? 'import-report.md'),
  });
  for (const item of summary.refused) console.error(`✖ ${terminalText(item.path)}: ${terminalText(item.reason)}`);
  if (!values.quiet) for (const notice of summary.notices) console.error(`${notice.kind}: ${terminalText(noticeLine(notice))}`);
  for (const file of summary.kept) console.error(`kept ${terminalText(file)}: changed since the last import (--force replaces it)`);
  for (const [what, n] of [...summary.counts].sort(([a], [b]) => (a < b ? -1 : 1))) say(`  ${String(n).padStart(6)} ${terminalText(what)}`);
  const verdict = summary.refused.length > 0 ? `✖ ${summary.refused.length} files refused; ` : '✔ ';
  console.log(`${verdict}${summary.written.length} files written, ${summary.unchanged.length} unchanged, ${summary.kept.length} kept; the report is in ${terminalText(values.report ?? 'import-report.md')}`);
  return summary.refused.length > 0 ? 1 : 0;
}

async function runDeploy(
  [target, ...extra]: string[],
  values: { out: string; endpoint?: string | undefined; region?: string | undefined; 'dry-run'?: boolean | undefined },
  say: (line: string) => void,
): Promise<number> {
  if (!target || extra.length > 0) {
    console.error('usage: broadsheet deploy s3://BUCKET[/PREFIX] [--out DIR] [--endpoint URL] [--region R] [--dry-run]');
    return 2;
  }
  const [{ deployToS3, DeployError }, { parseS3Target }] = await Promise.all([import('./deploy/deploy-s3.js'), import('./deploy/s3-target.js')]);
  const parsed = parseS3Target(target);
  if ('error' in parsed) {
    console.error(terminalText(parsed.error));
    return 2;
  }
  try {
    await deployToS3({ target, outDir: path.resolve(values.out), endpoint: values.endpoint, region: values.region, dryRun: values['dry-run'] ?? false, say: (line) => say(terminalText(line)) });
    return 0;
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    // Its lines are ours (one per problem); what they quote is made safe line by line.
    console.error(`✖ ${terminalLines(error.message)}`);
    return 1;
  }
}

/** Why an option of `deploy` cannot be used with `command`; undefined when it can. */
function usageOfDeployOptions(command: string, values: Record<string, unknown>): string | undefined {
  if (command === 'deploy') return undefined;
  const given = ['endpoint', 'region', 'dry-run'].find((name) => values[name] !== undefined);
  return given ? `--${given} is for deploy, not ${terminalText(command)}` : undefined;
}

/** Why an option of `new` cannot be used with `command`, or one of the others with `new`; undefined when none is misplaced. */
function usageOfNewOptions(command: string, values: Record<string, unknown>): string | undefined {
  if (command === 'new') {
    const other = ['drafts', 'future', 'since'].find((name) => values[name] !== undefined && values[name] !== false);
    return other === 'drafts' ? '--drafts is for check, build and serve; new takes --draft' : other ? `--${other} is not for new` : undefined;
  }
  if (values.draft !== undefined) return ['check', 'build', 'serve'].includes(command) ? `--draft is for new; ${terminalText(command)} takes --drafts` : `--draft is for new, not ${terminalText(command)}`;
  const given = ['section', 'author'].find((name) => values[name] !== undefined);
  return given ? `--${given} is for new, not ${terminalText(command)}` : undefined;
}

/** Why an option of `import` cannot be used with `command`; undefined when it can. */
function usageOfImportOptions(command: string, values: Record<string, unknown>): string | undefined {
  if (command === 'import') return undefined;
  const given = ['public', 'uploads', 'force', 'report'].find((name) => values[name] !== undefined);
  return given ? `--${given} is for import, not ${terminalText(command)}` : undefined;
}

/** Why --keep-going or --skip-invalid cannot be used with `command`; undefined when they can. */
function usageOfSkipping(command: string, keepGoing: boolean, skipInvalid: boolean): string | undefined {
  if (keepGoing && command !== 'check') return command === 'build' ? '--keep-going is for check; build takes --skip-invalid' : `--keep-going is for check, not ${terminalText(command)}`;
  if (skipInvalid && command !== 'build') return command === 'check' ? '--skip-invalid is for build; check takes --keep-going' : `--skip-invalid is for build, not ${terminalText(command)}`;
  return undefined;
}

/** Why `--format` cannot be `format` for `command`; undefined when it can. */
function usageOfFormat(command: string, format: string): string | undefined {
  if (format !== 'text' && format !== 'github') return `--format must be text or github, not "${terminalText(format)}"`;
  return format === 'github' && !['check', 'build', 'due'].includes(command) ? `--format is for check, build and due, not ${terminalText(command)}` : undefined;
}

/** With `--format github`: each problem as a workflow command too, on stdout, where the runner reads it. Set once in main. */
let annotate: ((problem: Problem) => string) | undefined;

function report(problems: readonly Problem[]): void {
  for (const problem of problems) {
    console.error(formatProblem(problem));
    if (annotate) console.log(annotate(problem));
  }
}

function printFailure(error: unknown, verbose: boolean): void {
  if (error instanceof ContentError) {
    report(error.problems);
    console.error(`✖ ${terminalText(error.message)}; nothing was written`);
  } else if (verbose && error instanceof Error) {
    console.error(terminalLines(error.stack ?? error.message));
  } else {
    console.error(`✖ ${terminalText(error instanceof Error ? error.message : String(error))} (run with --verbose for details)`);
  }
}

process.exitCode = await main(process.argv.slice(2));
