import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { siteSchema } from '../../../src/content/schema.js';
import { validateContent, type ValidateOptions } from '../../../src/content/validate.js';
import { headersFor, parseHeadersFile } from '../../../src/deploy/headers-file.js';
import { adminFiles, adminPage } from '../../../src/outputs/admin/admin-files.js';
import { adminContentSecurityPolicy } from '../../../src/outputs/admin/admin-policy.js';
import { cmsConfig, renderCmsConfig } from '../../../src/outputs/admin/cms-config.js';
import { editorComponentsScript } from '../../../src/outputs/admin/editor-components.js';
import { renderHeaders } from '../../../src/outputs/seo/headers.js';
import { cmsScriptFiles } from '../../../src/stages/cms-script.js';
import { createCmsBackend } from '../../../src/serve/cms-backend.js';
import { checkBackendRequest } from '../../../src/serve/request-guard.js';
import { formatProblem } from '../../../src/util/problems.js';
import { sharedSample } from '../../helpers/shared-sample.js';
import { sources, SITE_YML, validArticle } from '../../helpers/sources.js';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/admin/config.yml');
const ADMIN_ON = 'admin:\n  enabled: true\n  backend:\n    repo: courier/newsroom\n';

/** The sample newsroom's site.yml with the web editor turned on. */
function sampleSite() {
  const written = parse(readFileSync(path.join(sharedSample().contentDir, 'site.yml'), 'utf8')) as Record<string, unknown>;
  return siteSchema.parse({ ...written, admin: { enabled: true, backend: { repo: 'courier/newsroom' } } });
}

describe('the configuration made from the schema', () => {
  test('for the sample newsroom it is the fixture, exactly (UPDATE=1 rewrites it)', () => {
    const site = sampleSite();
    const made = renderCmsConfig(cmsConfig({ admin: site.admin, site, contentFolder: 'content', publicFolder: 'public' }));
    if (process.env.UPDATE) writeFileSync(FIXTURE, made);
    expect(made).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  test('articles are in year folders, pick authors and sections from their collections, and need alt text for a picture', () => {
    const site = sampleSite();
    const config = cmsConfig({ admin: site.admin, site, contentFolder: 'content', publicFolder: 'public' });
    const articles = config.collections.find((collection) => collection.name === 'articles') as { folder: string; path: string; fields: Record<string, unknown>[] };
    expect(articles.folder).toBe('content/articles');
    expect(articles.path).toBe('{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}');
    const field = (name: string) => articles.fields.find((candidate) => candidate.name === name);
    expect(field('authors')).toMatchObject({ widget: 'relation', collection: 'authors', value_field: '{{slug}}', multiple: true });
    expect(field('category')).toMatchObject({ widget: 'relation', collection: 'sections', value_field: '{{slug}}' });
    const image = field('image') as { required: boolean; fields: Record<string, unknown>[] };
    expect(image.required).toBe(false);
    // Required with a picture only: by our widget, since Decap's "required" would refuse every story without one.
    expect(image.fields.find((inner) => inner.name === 'alt')).toMatchObject({ widget: 'image-alt', required: false });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.collections.map((collection) => [collection.name, collection.folder])).toEqual([
      ['articles', 'content/articles'],
      ['authors', 'content/authors'],
      ['sections', 'content/categories'],
      ['pages', 'content/pages'],
    ]);
  });

  test('the backend is the one site.yml names, with its OAuth proxy', () => {
    const site = siteSchema.parse({
      ...sampleSite(),
      admin: { enabled: true, backend: { name: 'gitlab', repo: 'courier/newsroom', branch: 'trunk', base_url: 'https://auth.courier.example.org', auth_endpoint: 'oauth/authorize' } },
    });
    const config = cmsConfig({ admin: site.admin, site, contentFolder: 'content', publicFolder: 'public' });
    expect(config.backend).toEqual({ name: 'gitlab', repo: 'courier/newsroom', branch: 'trunk', base_url: 'https://auth.courier.example.org', auth_endpoint: 'oauth/authorize' });
    expect(adminContentSecurityPolicy(site.admin)).toContain("connect-src 'self' blob: data: https://auth.courier.example.org https://gitlab.com;");
  });
});

describe('site.yml', () => {
  const check = (site: string) => validateContent(sources({ 'a.md': validArticle() }, { site }), OPTIONS).problems.map(formatProblem);

  test('the editor is off by default; on, it needs the repository it publishes to', () => {
    expect(siteSchema.parse(parse(SITE_YML)).admin).toEqual({ enabled: false });
    expect(check(`${SITE_YML}admin:\n  enabled: true\n`)).toEqual([
      expect.stringMatching(/^content\/site\.yml:\d+:\d+ error: admin\.backend: is needed when the web editor is on/),
    ]);
    expect(check(`${SITE_YML}admin:\n  enabled: true\n  backend:\n    repo: newsroom\n`)).toEqual([
      expect.stringMatching(/admin\.backend\.repo: must be the repository as owner\/name/),
    ]);
    expect(check(`${SITE_YML}${ADMIN_ON}`)).toEqual([]);
  });
});

const OPTIONS: ValidateOptions = { now: Date.parse('2026-01-01T00:00:00Z'), drafts: false, future: false, assetExists: () => true };

describe('the address plan', () => {
  const aliased = { 'a.md': validArticle({ aliases: '[/admin/]' }) };

  test('with the editor on, /admin/ is its folder: an alias or a section there is an editor error', () => {
    const problems = validateContent(sources(aliased, { site: `${SITE_YML}${ADMIN_ON}` }), OPTIONS).problems.map(formatProblem);
    expect(problems).toEqual([expect.stringMatching(/^content\/articles\/a\.md:\d+:\d+ error: aliases: \/admin\/ is already the folder of the web editor\n/)]);
    const section = validateContent(
      sources({ 'a.md': validArticle() }, { site: `${SITE_YML}${ADMIN_ON}`, categories: { news: '---\nname: News\n---\n', admin: '---\nname: Admin\n---\n' } }),
      OPTIONS,
    ).problems.map(formatProblem);
    expect(section).toEqual([expect.stringContaining("content/categories/admin.md:1:1 error: the section's address /admin/ is already the folder of the web editor")]);
  });

  test('with the editor off, /admin/ is an address like any other', () => {
    expect(validateContent(sources(aliased), OPTIONS).problems).toEqual([]);
  });
});

describe('_headers', () => {
  const site = { url: 'https://courier.example.org/' };
  const admin = sampleSite().admin;
  const off = renderHeaders(site, ['/css/site.1234567890.css'], [], ['/images/logo.svg'], ['https://www.youtube-nocookie.com']).content;
  const on = renderHeaders(site, ['/css/site.1234567890.css'], [], ['/images/logo.svg'], ['https://www.youtube-nocookie.com'], adminContentSecurityPolicy(admin)).content;

  test("the readers' rule is the same with the editor on and off, and every other line stays", () => {
    const blocks = (text: string) => text.split(/\n(?=\/)/);
    expect(blocks(on)[0]).toBe(blocks(off)[0]);
    expect(blocks(on).filter((block) => !block.startsWith('/admin/'))).toEqual(blocks(off));
  });

  test('/admin/ gets its own policy in place of the readers’, and noindex; reader pages keep theirs', () => {
    const rules = parseHeadersFile(on).rules;
    const adminHeaders = headersFor(rules, '/admin/');
    expect(adminHeaders.get('content-security-policy')?.value).toBe(adminContentSecurityPolicy(admin));
    expect(adminHeaders.get('x-robots-tag')?.value).toBe('noindex');
    const reader = headersFor(rules, '/news/a-story/');
    expect(reader.get('content-security-policy')?.value).toBe(headersFor(parseHeadersFile(off).rules, '/news/a-story/').get('content-security-policy')?.value);
    expect(reader.get('content-security-policy')?.value).not.toContain("'unsafe-inline'");
    expect(reader.get('content-security-policy')?.value).not.toContain("'unsafe-eval'");
    expect(reader.has('x-robots-tag')).toBe(false);
  });
});

describe('the files of /admin/', () => {
  test('with the editor off (the sample as it is) the build writes none, and _headers has no rule for it', () => {
    const { siteDir } = sharedSample();
    expect(existsSync(path.join(siteDir, 'admin'))).toBe(false);
    expect(readFileSync(path.join(siteDir, '_headers'), 'utf8')).not.toContain('/admin/');
    expect(readFileSync(path.join(siteDir, 'sitemap.xml'), 'utf8')).not.toContain('/admin/');
  });

  test('the page is noindex, has no reader template, and loads only the CMS and our components from the site itself', () => {
    const $ = load(adminPage({ url: 'https://example.org/news/', title: 'The <Courier>', language: 'en-GB' }));
    expect($('meta[name="robots"]').attr('content')).toBe('noindex, nofollow');
    expect($('title').text()).toBe('Web editor · The <Courier>');
    expect($('script').map((_, element) => $(element).attr('src')).get()).toEqual(['/news/admin/decap-cms.js', '/news/admin/editor-components.js']);
    expect($('link[rel="stylesheet"], style, header, footer, nav').length).toBe(0);
    expect($('link[rel="icon"]').attr('href')).toBe('/news/images/favicon.svg');
  });

  test('with the editor on: page, configuration and components, and the CMS script with its chunks from node_modules', () => {
    const site = sampleSite();
    const files = adminFiles({ admin: site.admin, site, contentFolder: 'content', publicFolder: 'public' });
    expect(files.map((file) => file.path)).toEqual(['admin/index.html', 'admin/config.yml', 'admin/editor-components.js']);
    const script = cmsScriptFiles();
    expect(script.get('admin/decap-cms.js')).toMatch(/node_modules\/decap-cms\/dist\/decap-cms\.js$/);
    expect([...script.keys()].filter((file) => /^admin\/\d+\.decap-cms\.js$/.test(file)).length).toBeGreaterThan(10);
    expect([...script.keys()].some((file) => file.endsWith('.map'))).toBe(false);
  });
});

describe('editor components', () => {
  type Component = {
    id: string;
    pattern: RegExp;
    fromBlock(match: RegExpMatchArray): Record<string, string>;
    toBlock(data: Record<string, string>): string;
    toPreview(data: Record<string, string>): string;
  };
  const components = new Map<string, Component>();
  const widgets = new Map<string, new (props: Record<string, unknown>) => { isValid(): unknown }>();
  /** What the alt-text widget is built on: Decap's text field, a class taking its props. */
  class TextControl {
    constructor(readonly props: Record<string, unknown>) {}
  }
  new Function('window', editorComponentsScript())({
    CMS: {
      registerEditorComponent: (component: Component) => components.set(component.id, component),
      getWidget: (name: string) => (name === 'string' ? { control: TextControl, preview: undefined } : undefined),
      registerWidget: (name: string, control: new (props: Record<string, unknown>) => { isValid(): unknown }) => widgets.set(name, control),
    },
  });
  const roundTrip = (id: string, block: string) => {
    const component = components.get(id);
    const match = component ? block.match(component.pattern) : null;
    if (!component || !match) throw new Error(`${id} does not match ${block}`);
    return { data: component.fromBlock(match), block: component.toBlock(component.fromBlock(match)) };
  };

  test('a picture with caption and credit, with a credit only, and without a title', () => {
    expect(roundTrip('figure', '![Boats \\] at dawn](/images/harbour-dawn.jpg "The harbour at first light | Photo: Jane Doe")')).toEqual({
      data: { alt: 'Boats ] at dawn', src: '/images/harbour-dawn.jpg', caption: 'The harbour at first light', credit: 'Photo: Jane Doe' },
      block: '![Boats \\] at dawn](/images/harbour-dawn.jpg "The harbour at first light | Photo: Jane Doe")',
    });
    expect(roundTrip('figure', '![A chart](/images/turnout.png "| Chart: Courier graphics")').block).toBe('![A chart](/images/turnout.png "| Chart: Courier graphics")');
    expect(roundTrip('figure', '![A chart](/images/turnout.png)').block).toBe('![A chart](/images/turnout.png)');
  });

  test('an embed and a "Read more" block keep their attributes, quotes included', () => {
    expect(roundTrip('embed', '::embed{url="https://datawrapper.dwcdn.net/AbC12/3/" title="Council tax &quot;since&quot; 2010"}')).toEqual({
      data: { url: 'https://datawrapper.dwcdn.net/AbC12/3/', title: 'Council tax "since" 2010' },
      block: '::embed{url="https://datawrapper.dwcdn.net/AbC12/3/" title="Council tax &quot;since&quot; 2010"}',
    });
    expect(roundTrip('embed', '::embed{url="https://vimeo.com/1"}').block).toBe('::embed{url="https://vimeo.com/1"}');
    expect(roundTrip('readmore', '::readmore{slug="tram-line-first-passengers"}').block).toBe('::readmore{slug="tram-line-first-passengers"}');
  });

  test('alt text is asked for when the story has a lead picture, and only then', () => {
    const AltText = widgets.get('image-alt');
    if (!AltText) throw new Error('no image-alt widget');
    const entry = (image: Record<string, string> | undefined) => ({ getIn: (keys: string[]) => (keys.join('.') === 'data.image.src' ? image?.src : undefined) });
    // Decap's `entry` prop is the story as the form opened it; getEntry() gives it as it is now.
    const valid = (image: Record<string, string> | undefined, value: string) =>
      new AltText({ entry: entry(undefined), getEntry: () => entry(image), value, parentIds: [] }).isValid();
    expect(valid({ src: '/images/harbour-dawn.jpg' }, '')).toEqual({ error: { type: 'PRESENCE', parentIds: [], message: 'Alt text is required.' } });
    expect(valid({ src: '/images/harbour-dawn.jpg' }, '   ')).toMatchObject({ error: { message: 'Alt text is required.' } });
    expect(valid({ src: '/images/harbour-dawn.jpg' }, 'Boats at dawn')).toBe(true);
    expect(valid(undefined, '')).toBe(true);
  });

  test('previews escape what editors typed', () => {
    expect(components.get('embed')?.toPreview({ url: 'https://x.org/', title: '<img src=x onerror=alert(1)>' })).toBe(
      '<p><strong>Embed:</strong> &lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });
});

describe('the local backend behind the request guard', () => {
  const allowed = new Set(['localhost:8080']);
  const post = (headers: Record<string, string>, method = 'POST') => checkBackendRequest({ method, url: '/admin/api/v1', headers: { host: 'localhost:8080', ...headers } }, allowed);

  test.each([
    ['a script of its own page', { origin: 'http://localhost:8080', 'content-type': 'application/json' }, 'POST', true],
    ['another site', { origin: 'https://evil.example', 'content-type': 'application/json' }, 'POST', false],
    ['no page at all (no Origin)', { 'content-type': 'application/json' }, 'POST', false],
    ['a form (not JSON)', { origin: 'http://localhost:8080', 'content-type': 'text/plain' }, 'POST', false],
    ['a GET', { origin: 'http://localhost:8080', 'content-type': 'application/json' }, 'GET', false],
  ])('%s', (_, headers, method, ok) => {
    expect(post(headers, method).ok).toBe(ok);
  });
});

describe('the web editor as serve answers it', () => {
  test('off (no /admin/ built), it answers nothing; on, its configuration gets the local backend at the address the browser used, under the _headers policy', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'broadsheet-admin-serve-'));
    try {
      const backend = await createCmsBackend({ outDir: out, projectDir: out });
      expect(backend.answers('/admin/')).toBe(false);
      const site = sampleSite();
      mkdirSync(path.join(out, 'admin'));
      for (const file of adminFiles({ admin: site.admin, site, contentFolder: 'content', publicFolder: 'public' })) writeFileSync(path.join(out, file.path), file.content);
      writeFileSync(path.join(out, '_headers'), renderHeaders(site, [], [], [], [], adminContentSecurityPolicy(site.admin)).content);
      expect(backend.answers('/admin/')).toBe(true);
      expect(backend.answers('/news/')).toBe(false);

      const server = createServer((request, response) => void backend.handle(request, response));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const response = await fetch(`${origin}/admin/config.yml`);
        expect(response.headers.get('content-security-policy')).toBe(adminContentSecurityPolicy(site.admin));
        expect(response.headers.get('x-robots-tag')).toBe('noindex');
        const served = parse(await response.text()) as { local_backend: unknown; backend: unknown };
        expect(served.local_backend).toEqual({ url: `${origin}/admin/api/v1`, allowed_hosts: ['127.0.0.1'] });
        expect(served.backend).toEqual({ name: 'github', repo: 'courier/newsroom', branch: 'main' });
        expect(readFileSync(path.join(out, 'admin', 'config.yml'), 'utf8')).not.toContain('local_backend');
        const info = await fetch(`${origin}/admin/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
        expect(await info.json()).toMatchObject({ type: 'local_fs', publish_modes: ['simple'] });
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
