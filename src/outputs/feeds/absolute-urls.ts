import { DomUtils, parseDocument } from 'htmlparser2';

// The attributes holding one URL that sanitized article HTML can carry
// (GitHub's sanitizing rules allow `cite` on quotes, insertions and deletions).
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'longdesc'] as const;

// Browsers ignore C0 controls and spaces around a URL in an attribute.
const SURROUNDING_SPACE = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// `/\host` and `//host` both name another host in a browser.
const OTHER_HOST = /^[/\\][/\\]/;
const ASCII_SPACE_AROUND = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
const NOT_SPACE = /^[^\t\n\f\r ]+/;

/**
 * `url` made absolute the way the site's pages read it. A root-relative URL
 * (`/news/x/`) is read under `siteUrl`, because the build prefixes those with
 * the site's sub-path (Eleventy's HtmlBasePlugin); any other relative URL is
 * read against `pageUrl`, as a browser on that page would. Absolute URLs, and
 * URLs no browser could resolve, come back unchanged.
 */
export function absoluteUrl(url: string, siteUrl: string, pageUrl: string = siteUrl): string {
  const trimmed = url.replace(SURROUNDING_SPACE, '');
  if (HAS_SCHEME.test(trimmed)) return url;
  const rootRelative = trimmed.startsWith('/') && !OTHER_HOST.test(trimmed);
  try {
    return rootRelative ? new URL(`.${trimmed}`, siteUrl).href : new URL(trimmed, pageUrl).href;
  } catch {
    return url;
  }
}

// As HTML reads a `srcset`: a candidate's URL is the run up to whitespace,
// so it may itself hold commas (a data: URL); commas that end it only
// separate candidates.
function absoluteSrcset(srcset: string, resolve: (url: string) => string): string {
  const candidates: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\t\n\f\r ,]+/, '');
    const url = NOT_SPACE.exec(rest)?.[0];
    if (url === undefined) break;
    rest = rest.slice(url.length);
    const bare = url.replace(/,+$/, '');
    let descriptor = '';
    if (bare === url) {
      const end = rest.indexOf(',');
      descriptor = (end === -1 ? rest : rest.slice(0, end)).replace(ASCII_SPACE_AROUND, '');
      rest = end === -1 ? '' : rest.slice(end + 1);
    }
    candidates.push(descriptor ? `${resolve(bare)} ${descriptor}` : resolve(bare));
  }
  return candidates.join(', ');
}

/**
 * Article HTML with the URLs in its `href`, `src`, `srcset`, `cite` and
 * `longdesc` attributes made absolute (see absoluteUrl): a feed reader shows
 * the content far from the site, with no base to resolve them against.
 * Everything else comes back as the same markup, re-serialized.
 */
export function absoluteUrls(html: string, siteUrl: string, pageUrl: string = siteUrl): string {
  const resolve = (url: string) => absoluteUrl(url, siteUrl, pageUrl);
  const document = parseDocument(html);
  for (const element of DomUtils.findAll(() => true, document.children)) {
    const attributes = element.attribs;
    for (const name of URL_ATTRIBUTES) {
      const value = attributes[name];
      if (value !== undefined) attributes[name] = resolve(value);
    }
    if (attributes.srcset !== undefined) attributes.srcset = absoluteSrcset(attributes.srcset, resolve);
  }
  // `utf8` keeps text as written instead of turning every non-ASCII letter
  // into an entity, escaping only what HTML needs. `emptyAttrs` writes
  // `alt=""` rather than a bare `alt`: the same to HTML, but also plain to
  // readers that treat content as XHTML.
  return DomUtils.getOuterHTML(document, { encodeEntities: 'utf8', emptyAttrs: true });
}
