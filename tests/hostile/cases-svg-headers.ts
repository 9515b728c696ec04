import type { CheerioAPI } from 'cheerio';
import { TEMPLATE_IDS } from '../../src/markdown/template-ids.js';
import type { CaseFiles, HostileCase } from './cases.js';

/** A case that also needs files in public/ (by path under it): the harness runs a copy of Broadsheet with them. */
export type CaseWithPublicFiles = HostileCase & { publicFiles?: PublicFiles };

/** Files by path under public/, as they are written. */
export type PublicFiles = Record<string, string | Buffer>;

/** The files under public/ that `cases` need, all together. */
export const publicFilesOf = (cases: readonly HostileCase[]): PublicFiles =>
  Object.assign({}, ...cases.map((c) => (c as CaseWithPublicFiles).publicFiles ?? {}));

const article = (slug: string, lines: string[], body = 'The first paragraph.\n'): CaseFiles => ({
  [`articles/${slug}.md`]: `---\ntitle: "An SVG or header case"\ndate: 2025-03-14T08:30:00\nauthors: [jane-doe]\ncategory: news\n${lines.join('\n')}\n---\n${body}`,
});

const SCRIPTED_SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(process.env.BROADSHEET_CANARY)"><script>alert(document.domain)</script></svg>';
const SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>';

/** No two elements of the page share an id, and the skip link still leads to <main>. */
const idsUnique = (page: CheerioAPI): void => {
  const ids = page('[id]').map((_, el) => page(el).attr('id')).get();
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) throw new Error(`ids used twice: ${repeated.join(', ')}`);
  if (!page('#main').is('main')) throw new Error('#main is not the <main> element');
};

const bodyImage = (src: string) => (page: CheerioAPI): void => {
  if (page(`.story-body img[src="${src}"]`).length !== 1) throw new Error(`the body does not show ${src}`);
};

/** SVG images and values bound for host files: cases that share the suite's two builds. */
export const SVG_AND_HEADER_CASES: readonly CaseWithPublicFiles[] = [
  {
    kind: 'field',
    name: 'an SVG lead image with onload and <script>',
    files: article('svg-001', ['image:', '  src: /images/hostile-lead.svg', '  alt: A chart']),
    publicFiles: { 'images/hostile-lead.svg': SCRIPTED_SVG },
    outcome: { refused: { message: /image \/images\/hostile-lead\.svg is an SVG, which cannot be a lead image/, line: 7 } },
  },
  {
    kind: 'field',
    name: 'an SVG lead image named .png',
    files: article('svg-002', ['image:', '  src: /images/disguised.png', '  alt: A photo']),
    publicFiles: { 'images/disguised.png': SCRIPTED_SVG },
    outcome: { refused: { message: /image \/images\/disguised\.png is an SVG, which cannot be a lead image/, line: 7 } },
  },
  {
    kind: 'field',
    name: 'an SVG avatar',
    files: { 'authors/svg-author.md': '---\nname: Vector Person\navatar: /images/hostile-avatar.svg\n---\nDraws.\n' },
    publicFiles: { 'images/hostile-avatar.svg': SCRIPTED_SVG },
    outcome: { refused: { message: /image \/images\/hostile-avatar\.svg is an SVG, which cannot be an avatar/, line: 3 } },
  },
  {
    kind: 'body',
    name: 'an inert SVG shown in the text',
    files: article('svg-003', [], '![A chart](/images/inert-chart.svg)\n\nThe first paragraph.\n'),
    publicFiles: { 'images/inert-chart.svg': SAFE_SVG },
    outcome: { renders: { url: '/news/svg-003/', check: bodyImage('/images/inert-chart.svg') } },
  },
  {
    kind: 'body',
    name: 'a heading for every id the templates use',
    files: article('svg-004', [], `${TEMPLATE_IDS.map((id) => `## ${id.replace(/-/g, ' ')}\n\n`).join('')}## Correction 1\n\n## Comment jane doe\n\n## More in section\n\nText.\n`),
    outcome: { renders: { url: '/news/svg-004/', check: idsUnique } },
  },
  ...['/old page/', '/old/:splat/', '/old/*', '/old/\n/evil 200', '/old/%0a/'].map(
    (alias, index): CaseWithPublicFiles => ({
      kind: 'slug or path',
      name: `an alias ${JSON.stringify(alias)} bound for _redirects`,
      files: article(`alias-${index + 1}`, [`aliases: [${JSON.stringify(alias)}]`]),
      outcome: { refused: { message: /aliases\.0: must be a site path such as \/news\/old-slug\//, line: 6 } },
    }),
  ),
];
