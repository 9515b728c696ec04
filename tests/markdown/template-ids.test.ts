import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/markdown/render.js';
import { isTemplateId, TEMPLATE_ID_FAMILIES, TEMPLATE_IDS } from '../../src/markdown/template-ids.js';

const TEMPLATES = path.resolve(import.meta.dirname, '../../templates');
const render = createRenderer({ siteUrl: 'https://courier.example.org/' });

/** Every `id="…"` written in templates/, as written. */
function idsInTemplates(): string[] {
  const files = readdirSync(TEMPLATES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.njk'));
  return [...new Set(files.flatMap((file) => [...readFileSync(path.join(TEMPLATES, file), 'utf8').matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]!)))].sort();
}

/** The ids of a rendered body's headings. */
const headingIds = (markdown: string): string[] => load(render(markdown).html)('h1, h2, h3, h4, h5, h6').map((_, el) => load(el)('*').attr('id') ?? '').get();

describe('the ids the templates use', () => {
  test('every id="…" in templates/ is listed, as it is or as a family', () => {
    const families = new Set(TEMPLATE_ID_FAMILIES.map((family) => family.written));
    const missing = idsInTemplates().filter((id) => (id.includes('{{') ? !families.has(id) : !TEMPLATE_IDS.includes(id)));
    expect(missing, 'add these to src/markdown/template-ids.ts').toEqual([]);
  });

  test("every id passed to moreList() is in the family of story.njk's {{ id }}", () => {
    const article = readFileSync(path.join(TEMPLATES, '_includes/pages/article.njk'), 'utf8');
    const passed = [...article.matchAll(/moreList\([^)]*'([^']*)'\s*\)/g)].map((m) => m[1]!);
    expect(passed.length).toBeGreaterThan(0);
    for (const id of passed) expect(isTemplateId(id), id).toBe(true);
  });
});

describe('heading ids never equal an id of the page', () => {
  /** A heading whose text slugs to `id`. */
  const headingFor = (id: string) => `## ${id.replace(/-/g, ' ')}`;
  const examples = [...TEMPLATE_IDS, 'home-1', 'home-12', 'correction-1', 'comment-jane-doe', 'comment-1', 'more-from-author', 'more-in-section', 'user-content-fn-1', 'user-content-fnref-note'];

  test.each(examples)('a heading "%s"', (id) => {
    const [given] = headingIds(headingFor(id));
    expect(given).toBeDefined();
    expect(isTemplateId(given!), `${id} → ${given}`).toBe(false);
  });

  test('a colliding heading is suffixed as a repeated one would be; a comment anchor gets section- in front', () => {
    expect(headingIds('## Main\n\n## Main\n\n## Related heading\n\n## Correction 2\n\n## Comment: Jane Doe')).toEqual([
      'main-1',
      'main-2',
      'related-heading-1',
      'correction-2-1',
      'section-comment-jane-doe',
    ]);
  });

  test('ordinary headings keep the ids they had, repeats included', () => {
    expect(headingIds('## What happens next\n\n## Main street closes\n\n## Comments\n\n## What happens next\n\n### Home')).toEqual([
      'what-happens-next',
      'main-street-closes',
      'comments',
      'what-happens-next-1',
      'home',
    ]);
  });

  test('no two elements of a body share an id, footnotes included', () => {
    const html = render('## Footnote label\n\nText[^1]\n\n## Main\n\n[^1]: A note.\n').html;
    const ids = load(html)('[id]').map((_, el) => load(el)('*').attr('id')).get();
    expect(new Set(ids).size).toBe(ids.length);
  });
});
