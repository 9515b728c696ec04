import { DateTime } from 'luxon';

/** Jekyll's named permalink styles, as its documentation spells them out. */
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The pattern a `permalink:` value stands for: a style's name, or a pattern itself. */
export const permalinkPattern = (value: string): string => STYLES[value] ?? value;

/** What a post's address is made of. */
export interface PermalinkParts {
  /** An ISO date (the post's), read in `timezone` as Jekyll does. */
  date: string;
  timezone: string;
  /** The slug as the file name (or `slug:`) wrote it, before Jekyll slugifies it. */
  name: string;
  categories: readonly string[];
  outputExtension: string;
}

/**
 * Jekyll's slugify: `pretty` keeps the characters a path may hold as they
 * are and `cased` keeps capitals (`:title`); the default mode keeps letters
 * and digits only, lowercased (`:slug`).
 */
export function jekyllSlugify(text: string, mode: 'default' | 'pretty', cased: boolean): string {
  const other = mode === 'pretty' ? /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu : /[^\p{M}\p{L}\p{Nd}]+/gu;
  const slug = text.replace(other, '-').replace(/^-+|-+$/g, '');
  return cased ? slug : slug.toLowerCase();
}

/** A post's address under `pattern` (a style's name or a pattern with `:placeholders`), before the site's `baseurl`. */
export function jekyllPostAddress(pattern: string, parts: PermalinkParts): string {
  const date = DateTime.fromISO(parts.date, { zone: parts.timezone }).setZone(parts.timezone).setLocale('en');
  const values: Record<string, string> = {
    year: date.toFormat('yyyy'),
    month: date.toFormat('MM'),
    i_month: String(date.month),
    day: date.toFormat('dd'),
    i_day: String(date.day),
    short_year: date.toFormat('yy'),
    hour: date.toFormat('HH'),
    minute: date.toFormat('mm'),
    second: date.toFormat('ss'),
    y_day: date.toFormat('ooo'),
    short_month: date.toFormat('LLL'),
    long_month: date.toFormat('LLLL'),
    short_day: date.toFormat('ccc'),
    long_day: date.toFormat('cccc'),
    week: date.toFormat('WW'),
    w_year: date.toFormat('kkkk'),
    w_day: date.toFormat('E'),
    title: jekyllSlugify(parts.name, 'pretty', true),
    slug: jekyllSlugify(parts.name, 'default', false),
    name: jekyllSlugify(parts.name, 'default', false),
    categories: parts.categories.map((category) => category.toLowerCase()).join('/'),
    output_ext: parts.outputExtension,
  };
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  const placeholder = new RegExp(`:(${names.join('|')})`, 'g');
  const filled = permalinkPattern(pattern).replace(placeholder, (_, name: string) => values[name] ?? '');
  return `/${filled}`.replace(/\/{2,}/g, '/');
}
