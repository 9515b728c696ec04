import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/** A built site read back: every file, and every HTML page parsed, keyed by its URL. */
export interface BuiltSite {
  dir: string;
  files: string[];
  pages: Map<string, CheerioAPI>;
  page(url: string): CheerioAPI;
}

export function readSite(dir: string): BuiltSite {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const pages = new Map<string, CheerioAPI>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const url = '/' + file.replace(/(^|\/)index\.html$/, '$1');
    pages.set(url, load(readFileSync(path.join(dir, file), 'utf8')));
  }
  return {
    dir,
    files,
    pages,
    page(url) {
      const found = pages.get(url);
      if (!found) throw new Error(`no page at ${url}`);
      return found;
    },
  };
}

/** The file a site-root URL is served from, or undefined when nothing is there. */
export function fileForUrl(site: BuiltSite, url: string): string | undefined {
  const pathname = decodeURIComponent(new URL(url, 'https://x.invalid').pathname).replace(/^\//, '');
  const candidates = pathname === '' || pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}/index.html`];
  return candidates.find((c) => site.files.includes(c));
}

/** Collapse runs of white space, as a reader sees text. */
export const text = (value: string): string => value.replace(/\s+/g, ' ').trim();
