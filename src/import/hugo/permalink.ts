import { DateTime } from 'luxon';

/**
 * Hugo's urlize for paths: lowercase, spaces to `-`, and only letters,
 * digits, marks and `.`, `_`, `-`, `/` kept (`What's new?` → `whats-new`).
 */
export function hugoUrlize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}._\-/]/gu, '')
    .replace(/-{2,}/g, '-');
}

/** What a page's address is made of. */
export interface HugoPageParts {
  /** The page's folders below the content folder, the section first (`['posts', '2019']`). */
  folders: readonly string[];
  /** The file's name without its extension, or a bundle's folder name. */
  name: string;
  slug?: string;
  title: string;
  /** ISO date, read in `timezone`. */
  date?: string;
  timezone: string;
}

/** A page's address under its section's permalink pattern, or Hugo's default (its path, the slug replacing the name). */
export function hugoPageAddress(pattern: string | undefined, parts: HugoPageParts, uglyUrls: boolean): string {
  const ending = uglyUrls ? '.html' : '/';
  if (!pattern) {
    const path = [...parts.folders, parts.slug ?? parts.name].map(hugoUrlize).join('/');
    return `/${path}${ending}`;
  }
  const date = parts.date ? DateTime.fromISO(parts.date, { zone: parts.timezone }).setZone(parts.timezone).setLocale('en') : undefined;
  const values: Record<string, string> = {
    year: date?.toFormat('yyyy') ?? '',
    month: date?.toFormat('MM') ?? '',
    monthname: date?.toFormat('LLLL').toLowerCase() ?? '',
    day: date?.toFormat('dd') ?? '',
    weekday: date ? String(date.weekday % 7) : '',
    weekdayname: date?.toFormat('cccc').toLowerCase() ?? '',
    yearday: date ? String(date.ordinal) : '',
    section: hugoUrlize(parts.folders[0] ?? ''),
    sections: parts.folders.map(hugoUrlize).join('/'),
    title: hugoUrlize(parts.title),
    slug: hugoUrlize(parts.slug ?? parts.title),
    filename: hugoUrlize(parts.name),
    contentbasename: hugoUrlize(parts.name),
    slugorfilename: hugoUrlize(parts.slug ?? parts.name),
    slugorcontentbasename: hugoUrlize(parts.slug ?? parts.name),
  };
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  const filled = pattern.replace(new RegExp(`:(${names.join('|')})`, 'g'), (_, name: string) => values[name] ?? '');
  const path = `/${filled}`.replace(/\/{2,}/g, '/');
  return uglyUrls && path.endsWith('/') && path !== '/' ? `${path.slice(0, -1)}.html` : path;
}
