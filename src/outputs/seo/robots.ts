import type { OutputFile } from './sitemaps.js';
import { siteBase } from './sitemap-site.js';
import { HOST_FILES } from '../../routes/addresses.js';

/** What `robots.txt` needs. */
export interface RobotsOptions {
  /** Absolute URL of the site root; may have a path (`https://example.org/news/`). */
  siteUrl: string;
  /**
   * Sitemaps to announce: paths relative to the output root (as in
   * `OutputFile.path`), resolved against `siteUrl`, or absolute URLs.
   */
  sitemaps: readonly string[];
  /** Turn every crawler away from every page, and announce no sitemap: for a preview that may be shared. */
  disallowAll?: boolean | undefined;
}

/**
 * `robots.txt` that lets every crawler fetch everything and names each
 * sitemap by absolute URL, sorted and without repeats so the file does not
 * depend on the order given; with `disallowAll`, one that lets none fetch
 * anything and names no sitemap. Crawlers read it only at a host's root; when
 * `siteUrl` has a path the file is still written, with a comment saying so,
 * for whoever runs the host to copy from.
 */
export function renderRobots(options: RobotsOptions): OutputFile {
  const base = siteBase(options.siteUrl);
  // URL parsing strips tabs and newlines, so a sitemap name cannot smuggle in a rule of its own.
  const sitemaps = [...new Set(options.sitemaps.map((name) => sitemapUrl(name, base)))].sort();

  const lines: string[] = [];
  if (base.pathname !== '/') {
    lines.push(
      `# This site lives under ${base.pathname}, but crawlers read robots.txt only at ${new URL('/robots.txt', base).href}; these lines take effect only when copied there.`,
    );
  }
  if (options.disallowAll) lines.push('User-agent: *', 'Disallow: /');
  else {
    lines.push('User-agent: *', 'Allow: /');
    if (sitemaps.length > 0) lines.push('', ...sitemaps.map((url) => `Sitemap: ${url}`));
  }
  lines.push('');
  return { path: HOST_FILES.robots, content: lines.join('\n') };
}

function sitemapUrl(name: string, base: URL): string {
  const url = new URL(name, base);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`sitemap must resolve to an http or https URL: ${name}`);
  }
  return url.href;
}
