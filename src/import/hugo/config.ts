import { isKnownTimezone } from '../../content/dates.js';
import { isLanguageTag } from '../../content/schema.js';
import { readFrontMatterBlock } from '../front-matter-block.js';
import type { SourceTree } from '../source-tree.js';
import type { ImportNotice } from '../types.js';
import { asText, valueAt } from '../static-site/fields.js';
import { siteAddress } from '../static-site/site-address.js';
import type { SiteSettingsFound } from '../static-site/types.js';

/** The config file names Hugo looks for at the site's root, in its order. */
const CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

export interface HugoConfig {
  /** The config file read, or `.` when there is none. */
  file: string;
  /** Top-level keys lowercased (Hugo reads them without regard to case). */
  data: Record<string, unknown>;
  settings: SiteSettingsFound;
  oldSite: { host?: string; prefix: string };
  /** Section → permalink pattern. */
  permalinks: Map<string, string>;
  uglyUrls: boolean;
  contentDir: string;
  staticDir: string;
  author?: string;
  notices: ImportNotice[];
}

/** Reads the site's config (absent or unreadable: Hugo's defaults, each assumption reported). */
export function readHugoConfig(tree: SourceTree): HugoConfig {
  const notices: ImportNotice[] = [];
  const file = CONFIG_FILES.find((name) => tree.has(name));
  const say = (message: string, line?: number) => notices.push({ type: 'notice', kind: 'warning', message, source: { file: file ?? '.', line } });
  let data: Record<string, unknown> = {};
  if (file) {
    const format = file.endsWith('.toml') ? '+++' : file.endsWith('.json') ? '' : '---';
    const text = tree.readText(file);
    // The front matter reader knows the three formats; a config file is one block of it.
    const read = readFrontMatterBlock(format ? `${format}\n${text}\n${format}\n` : text.trim().replace(/^\{/, '{\n').replace(/\}$/, '\n}'));
    if (read.ok) data = Object.fromEntries(Object.entries(read.block.data).map(([key, value]) => [key.toLowerCase(), value]));
    else say(`${file} could not be read (${read.problem.message}); Hugo's defaults are used`, read.problem.line);
  } else say('there is no hugo.toml or config file at the site\'s root; Hugo\'s defaults are used');
  if (tree.files.some((name) => name.startsWith('config/'))) say('a config/ folder is not read: only the config file at the root is');

  const timezone = asText(data.timezone);
  const zone = timezone && isKnownTimezone(timezone) ? timezone : 'UTC';
  if (!timezone) say('the config names no timeZone: dates without an offset are read as UTC, as Hugo does');
  else if (zone !== timezone) say(`the timeZone "${timezone}" is not an IANA timezone: UTC is used`);
  const address = siteAddress(asText(data.baseurl), undefined);
  if (address.problem) say(address.problem);
  const language = asText(data.languagecode) ?? asText(data.defaultcontentlanguage);
  const languageOk = language !== undefined && isLanguageTag(language);
  if (!languageOk) say(`the config names no languageCode${language ? ` Broadsheet reads ("${language}")` : ''}: en is used`);
  if (data.languages !== undefined) say('the site has several languages: only the content folder is read, as one language');
  const title = asText(data.title);
  if (!title) say('the config has no title: "Archive" is used');

  const permalinks = new Map<string, string>();
  const table = data.permalinks;
  const pageTable = valueAt(table, 'page');
  for (const source of [table, pageTable]) {
    if (!source || typeof source !== 'object' || Array.isArray(source)) continue;
    for (const [section, pattern] of Object.entries(source)) if (typeof pattern === 'string') permalinks.set(section, pattern);
  }
  const params = data.params;
  return {
    file: file ?? '.',
    data,
    settings: {
      title: title ?? 'Archive',
      url: address.url,
      language: languageOk ? language : 'en',
      timezone: zone,
      description: asText(valueAt(params, 'description')) ?? asText(data.description),
    },
    oldSite: address.oldSite,
    permalinks,
    uglyUrls: data.uglyurls === true,
    contentDir: (asText(data.contentdir) ?? 'content').replace(/^\.?\/+|\/+$/g, ''),
    staticDir: (asText(data.staticdir) ?? 'static').replace(/^\.?\/+|\/+$/g, ''),
    author: asText(valueAt(params, 'author')) ?? asText(valueAt(params, 'author.name')) ?? asText(data.author) ?? asText(valueAt(data, 'author.name')),
    notices,
  };
}
