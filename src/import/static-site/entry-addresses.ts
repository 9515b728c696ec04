import type { BodyAddress } from '../body-links.js';
import { sitePathOf } from '../old-addresses.js';
import type { ImportNotice } from '../types.js';
import type { ImageShelf } from './image-shelf.js';
import { isImagePath } from './public-path.js';
import type { SiteEntry, StaticSite } from './types.js';

/** Says something about an entry: the source line it came from, the written file's line it ended up at. */
export type Note = (kind: ImportNotice['kind'], message: string, line?: number, targetLine?: number) => void;

/** An address as a path of the old site (relative ones as written); undefined for another site's or a scheme's. */
export function localPath(address: string, oldSite: StaticSite['oldSite']): string | undefined {
  return sitePathOf(address, oldSite) ?? (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(address) ? undefined : address);
}

/**
 * What becomes of an address in an entry's body: a link to an old address
 * leads to the new one, a link to the old site by its full address or path
 * prefix becomes a path of the new site (which adds its own prefix), and an
 * image found in the source is copied into public/ and named by its new
 * path. An image that is nowhere becomes a link, and one on another site
 * stays, each with a word.
 */
export function relinkAddress(
  site: StaticSite,
  shelf: ImageShelf,
  entry: SiteEntry,
  address: BodyAddress,
  addressByOld: ReadonlyMap<string, string>,
  item: string,
  warn: (message: string) => void,
): string | { asLink: string } | undefined {
  const { url } = address;
  if (/^(?:mailto|tel):|^#/i.test(url)) return undefined;
  const sitePath = localPath(url, site.oldSite);
  if (sitePath === undefined) {
    if (address.kind === 'image') warn(`the image ${url} stays on another site: copy it into public/images/ to keep it`);
    return undefined;
  }
  const [pathPart = '', rest = ''] = splitFragment(sitePath);
  if (address.kind === 'link') {
    const moved = addressByOld.get(pathPart);
    return moved !== undefined ? moved + rest : sitePath !== url ? sitePath : undefined;
  }
  if (!isImagePath(pathPart)) return undefined;
  const located = site.locateImage(entry, pathPart);
  if (!located) {
    warn(`the image ${url} is not in the site's folder: kept as a link to its old address`);
    return { asLink: url };
  }
  return shelf.place(located, item);
}

const splitFragment = (path: string): [string, string] => {
  const at = path.search(/[?#]/);
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)];
};

/** An entry's lead image, copied into public/; left out, with a word, when it is not a file of the site. */
export function leadImage(site: StaticSite, shelf: ImageShelf, entry: SiteEntry, item: string, note: Note) {
  const wanted = entry.image;
  if (!wanted) return undefined;
  const sitePath = localPath(wanted.ref, site.oldSite);
  const located = sitePath === undefined ? undefined : site.locateImage(entry, splitFragment(sitePath)[0]);
  if (!located) {
    const where = sitePath === undefined ? 'is on another site' : "is not in the site's folder";
    note('warning', `the lead image ${wanted.ref} ${where}: left out (a lead image is a file in public/)`, wanted.line);
    return undefined;
  }
  let alt = wanted.alt?.trim();
  if (!alt) {
    alt = entry.title;
    note('warning', 'the lead image has no alt text: the headline stands in for it; describe the picture', wanted.line);
  }
  return { src: shelf.place(located, item), alt, caption: wanted.caption, credit: wanted.credit };
}
