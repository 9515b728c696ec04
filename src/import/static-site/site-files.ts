import { markdownFile, yamlFile } from '../newsroom-files.js';
import { aliasProblem } from '../old-addresses.js';
import type { ImportEvent } from '../types.js';
import type { PlannedEntry } from './plan.js';
import type { StaticSite } from './types.js';

/** A section's file: its name as the old site wrote it, its description and introduction where it had them. */
export function sectionFile(site: StaticSite, slug: string, name: string): ImportEvent {
  const found = site.sections.get(name);
  return {
    type: 'file',
    root: 'content',
    path: `categories/${slug}.md`,
    content: markdownFile({ name, description: found?.description }, found?.intro ?? ''),
    source: { file: found?.source ?? '.', item: `section “${name}”` },
  };
}

/** True when a list page's old address can redirect: a plain path, to a tag page that has published stories. */
export function keepsRedirect(old: string, target: string, publishedTags: ReadonlySet<string>): boolean {
  if (aliasProblem(old)) return false;
  const tag = /^\/tags\/([^/]+)\/$/.exec(target)?.[1];
  return tag === undefined ? target !== '/tags/' || publishedTags.size > 0 : publishedTags.has(tag);
}

/** `site.yml`: the old site's settings, its pages for the footer, and the redirects of its list pages. */
export function siteFile(site: StaticSite, planned: readonly PlannedEntry[], publishedTags: ReadonlySet<string>): ImportEvent {
  const pages = planned.filter((entry) => entry.entry.kind === 'page' && !entry.entry.draft).map((entry) => entry.slug);
  const redirects = Object.fromEntries([...site.redirects].filter(([old, target]) => keepsRedirect(old, target, publishedTags)));
  const { title, url, language, timezone, description } = site.settings;
  return {
    type: 'file',
    root: 'content',
    path: 'site.yml',
    content: yamlFile({
      title,
      url,
      language,
      timezone,
      description,
      pages: pages.length ? pages : undefined,
      redirects: Object.keys(redirects).length ? redirects : undefined,
    }),
    source: { file: site.configFile, item: 'the site settings' },
  };
}
