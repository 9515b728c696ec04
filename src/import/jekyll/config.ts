import { parseDocument } from 'yaml';
import { isKnownTimezone } from '../../content/dates.js';
import { isLanguageTag } from '../../content/schema.js';
import type { SourceTree } from '../source-tree.js';
import type { ImportNotice } from '../types.js';
import { asText, valueAt } from '../static-site/fields.js';
import type { SiteSettingsFound } from '../static-site/types.js';
import { siteAddress } from '../static-site/site-address.js';

/** What `_config.yml` tells the import. */
export interface JekyllConfig {
  /** The whole file, for `{{ site.x }}`. */
  data: Record<string, unknown>;
  settings: SiteSettingsFound;
  oldSite: { host?: string; prefix: string };
  permalink: string;
  /** The site's `author` (a name, or a mapping with one). */
  author?: string;
  notices: ImportNotice[];
}

/** Reads `_config.yml` (absent or unreadable: Jekyll's defaults, each assumption reported). */
export function readJekyllConfig(tree: SourceTree): JekyllConfig {
  const notices: ImportNotice[] = [];
  const file = '_config.yml';
  const say = (message: string, line?: number) => notices.push({ type: 'notice', kind: 'warning', message, source: { file, line } });
  let data: Record<string, unknown> = {};
  if (tree.has(file)) {
    const document = parseDocument(tree.readText(file), { logLevel: 'silent', uniqueKeys: false });
    const error = document.errors[0];
    const value: unknown = error ? undefined : document.toJS({ maxAliasCount: 50 });
    if (error) say(`_config.yml could not be read (${error.message.split('\n')[0]}); Jekyll's defaults are used`, error.linePos?.[0].line);
    else if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
  } else say('there is no _config.yml; Jekyll\'s defaults are used');

  const timezone = asText(data.timezone);
  const zone = timezone && isKnownTimezone(timezone) ? timezone : 'UTC';
  if (!timezone) say('_config.yml names no timezone: dates without an offset are read as UTC (set timezone: in site.yml if the site meant another)');
  else if (zone !== timezone) say(`the timezone "${timezone}" is not an IANA timezone: UTC is used`);

  const address = siteAddress(asText(data.url), asText(data.baseurl));
  if (address.problem) say(address.problem);
  const language = asText(data.lang) ?? asText(data.locale)?.replace('_', '-');
  const languageOk = language !== undefined && isLanguageTag(language);
  if (!languageOk) say(`_config.yml names no language${language ? ` Broadsheet reads ("${language}")` : ''}: en is used`);
  const title = asText(data.title);
  if (!title) say('_config.yml has no title: "Archive" is used');
  const author = asText(data.author) ?? asText(valueAt(data, 'author.name'));
  return {
    data,
    settings: {
      title: title ?? 'Archive',
      url: address.url,
      language: languageOk ? language : 'en',
      timezone: zone,
      description: asText(data.description),
    },
    oldSite: address.oldSite,
    permalink: asText(data.permalink) ?? 'date',
    author,
    notices,
  };
}
