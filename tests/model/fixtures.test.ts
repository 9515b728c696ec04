import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import type { ContentSources } from '../../src/content/types.js';
import { peekSite, validateContent } from '../../src/content/validate.js';
import type { RenderedMarkdown } from '../../src/markdown/render.js';
import { buildSiteModel } from '../../src/model/build-model.js';
import type { Head, SiteModel } from '../../src/model/model.js';
import { NO_TERMS } from '../../src/related/terms.js';
import { fileOf, redirectFile } from '../../src/routes/addresses.js';
import type { AddressPlan } from '../../src/routes/plan.js';
import { displayPath } from '../../src/util/display-path.js';
import type { PipelineFile } from '../../src/workers/cached-results.js';
import { processAll } from '../../src/workers/process-pool.js';

/*
 * Each folder under fixtures/model/ holds a small newsroom (`content/`) and
 * what a build makes of it before writing anything: the site model
 * (`expected-model.json`) and the address plan (`expected-plan.json`). An
 * `options.json` there may ask for drafts and future stories, as
 * `--drafts` and `--future` do. UPDATE=1 rewrites the expected files; read
 * the diff before committing.
 */

const FIXTURES = path.join(import.meta.dirname, '../fixtures/model');
const UPDATE = Boolean(process.env.UPDATE);

/** The moment every case is built at: stories dated later are scheduled. */
const NOW = Date.parse('2025-06-01T12:00:00Z');

const EMPTY: RenderedMarkdown = { html: '', firstParagraph: '', words: 0 };

interface CaseOptions {
  drafts: boolean;
  future: boolean;
}

function caseOptions(caseDir: string): CaseOptions {
  const file = path.join(caseDir, 'options.json');
  const given: Partial<CaseOptions> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<CaseOptions>) : {};
  return { drafts: given.drafts ?? false, future: given.future ?? false };
}

/** Load, check and render, validate and plan, and model a content folder, as a build does (in this thread, without a cache or images). */
async function modelOf(contentDir: string, options: CaseOptions): Promise<{ model: SiteModel; plan: AddressPlan }> {
  const loaded = await loadContent(contentDir);
  const site = peekSite(loaded.sources);
  if (!site) throw new Error(`${contentDir}: site.yml is not valid`);
  const processed = await processAll(pipelineFiles(loaded.sources), {
    siteUrl: site.url,
    timezone: site.timezone,
    language: site.language,
    workers: 0,
  });
  const validated = validateContent(loaded.sources, {
    articleChecks: processed.checks,
    now: NOW,
    drafts: options.drafts,
    future: options.future,
    assetExists: () => false,
    bodies: (file) => processed.rendered.get(file),
  });
  // A fixture is a clean newsroom: not even a warning.
  expect([...loaded.problems, ...processed.problems, ...validated.problems]).toEqual([]);
  if (!validated.content || !validated.plan) throw new Error(`${contentDir}: no content`);
  const model = buildSiteModel(
    validated.content,
    (file) => processed.rendered.get(file) ?? EMPTY,
    (file) => processed.terms.get(file) ?? NO_TERMS,
  );
  return { model, plan: validated.plan };
}

/** The files to check and render, by kind, as the build hands them over. */
function pipelineFiles(sources: ContentSources): PipelineFile[] {
  return [
    ...sources.articles.map((file) => ({ ...file, kind: 'article' as const })),
    ...[...sources.authors, ...sources.categories, ...sources.pages].map((file) => ({ ...file, kind: 'page' as const })),
    ...sources.comments.map(({ path: file, text }) => ({ path: file, text, kind: 'comment' as const })),
  ];
}

/**
 * Stable JSON, two-space indented with a final newline. File paths are
 * shown from the case folder (`content/articles/…`), as an editor building
 * there would see them, so the files do not depend on where tests run.
 */
function stableJson(value: unknown, caseDir: string): string {
  const prefix = `${displayPath(caseDir)}/`;
  const text = JSON.stringify(
    value,
    (key, item: unknown) => {
      if (item instanceof Map || item instanceof Set) throw new Error(`${key}: a ${item.constructor.name} has no JSON form; turn it into an object or array first`);
      return typeof item === 'string' && item.startsWith(prefix) ? item.slice(prefix.length) : item;
    },
    2,
  );
  return `${text}\n`;
}

/** The plan with its maps as objects, in file order. */
function planJson(plan: AddressPlan): unknown {
  const sorted = <T>(map: Map<string, T>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: sorted(plan.files), folders: sorted(plan.folders) };
}

/** Compare `actual` with the expected file, or with UPDATE write it and check it reads back the same. */
function expectFile(file: string, actual: string): void {
  if (UPDATE) writeFileSync(file, actual);
  else if (!existsSync(file)) throw new Error(`${displayPath(file)} is missing: run the test with UPDATE=1 to write it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Every `<head>` of the model, with where it is. */
function heads(model: SiteModel): [string, Head][] {
  return [
    ...Object.entries(model.heads),
    ...model.articles.map((page): [string, Head] => [page.url, page.head]),
    ...model.archives.map((page): [string, Head] => [page.url, page.head]),
    ...model.pages.map((page): [string, Head] => [page.url, page.head]),
  ];
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('model fixtures (content/ → expected-model.json, expected-plan.json)', () => {
  test('there are cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    test(name, async () => {
      const caseDir = path.join(FIXTURES, name);
      const { model, plan } = await modelOf(path.join(caseDir, 'content'), caseOptions(caseDir));
      const modelText = stableJson(model, caseDir);
      const planText = stableJson(planJson(plan), caseDir);
      expect(modelText + planText).not.toContain(displayPath(caseDir));
      expectFile(path.join(caseDir, 'expected-model.json'), modelText);
      expectFile(path.join(caseDir, 'expected-plan.json'), planText);

      // The plan and the model agree: each page of the model has its file, and each planned page is in the model.
      const pages = [
        ...model.articles.map((page) => ({ url: page.url, kind: 'article' })),
        ...model.archives.map((page) => ({ url: page.url, kind: page.kind })),
        ...model.pages.map((page) => ({ url: page.url, kind: 'static page' })),
      ];
      const plannedAs = (page: { url: string; kind: string }) => plan.files.get(fileOf(page.url))?.kind === page.kind && plan.files.get(fileOf(page.url))?.url === page.url;
      expect(pages.filter((page) => !plannedAs(page))).toEqual([]);
      const modelled = new Set(pages.map((page) => page.url));
      const plannedPages = [...plan.files.values()].filter((file) => ['article', 'section', 'author', 'tag', 'static page'].includes(file.kind));
      expect(plannedPages.filter((file) => !modelled.has(file.url))).toEqual([]);

      // Each alias a published article lists is a redirect of the model, each redirect of the model is a planned
      // one leading to a planned page, and each planned redirect is in the model (a draft or scheduled story shown
      // by request has a banner, and no redirects yet).
      const aliases = model.articles.flatMap((page) => (page.banner === undefined ? page.aliases : []));
      const redirects = new Map(model.redirects.map((redirect) => [redirect.from, redirect.to]));
      expect(aliases.filter((alias) => !redirects.has(alias))).toEqual([]);
      expect(model.redirects.filter(({ from, to }) => plan.files.get(redirectFile(from))?.kind !== 'redirect' || plan.files.get(fileOf(to)) === undefined)).toEqual([]);
      expect([...plan.files.values()].filter((file) => file.kind === 'redirect' && !redirects.has(file.url))).toEqual([]);

      // Each feed a head links to is a planned feed.
      const feedLinks = heads(model).flatMap(([page, head]) => head.feeds.map((feed) => ({ page, href: feed.href })));
      expect(feedLinks.length).toBeGreaterThan(0);
      const unplanned = feedLinks.filter(({ href }) => {
        if (!href.startsWith(model.site.url)) return true;
        const sitePath = `/${href.slice(model.site.url.length)}`;
        return plan.files.get(fileOf(sitePath))?.kind !== 'feed';
      });
      expect(unplanned).toEqual([]);
    });
  }
});
