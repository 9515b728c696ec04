import { absoluteUrls } from './absolute-urls.js';
import { perItem } from './per-item.js';

/**
 * The item's content with absolute URLs (see absoluteUrls), read against the
 * item's own page. Parsed once per item object and shared by the three
 * formats of every feed the item is in.
 */
export const itemContentHtml = perItem((item, siteUrl) => absoluteUrls(item.contentHtml, siteUrl, item.url));
