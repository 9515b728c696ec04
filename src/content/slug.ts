import slugify from '@sindresorhus/slugify';

/** Lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const MAX_SLUG_LENGTH = 100;

// A folder named like a DOS device cannot be created or served on Windows hosts.
export const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why `value` cannot be a slug ("must …"), or undefined when it can. */
export function slugProblem(value: string): string | undefined {
  if (!SLUG_PATTERN.test(value)) return 'must be lowercase ASCII letters and digits in words joined by "-"';
  if (value.length > MAX_SLUG_LENGTH) return `must be at most ${MAX_SLUG_LENGTH} characters`;
  if (WINDOWS_RESERVED.test(value)) return 'must not be a name Windows reserves for devices (con, prn, aux, nul, com1…, lpt1…)';
  return undefined;
}

/** The file name without `.md` and without a leading `YYYY-MM-DD-` date. */
export function slugFromFileName(fileName: string): string {
  return fileName.replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
}

// Tags repeat across thousands of articles; transliteration is the costly part.
const slugCache = new Map<string, string>();

/** A URL slug for free text such as a tag: transliterated, lowercase, hyphenated. */
export function slugifyText(text: string): string {
  let slug = slugCache.get(text);
  if (slug === undefined) {
    slug = slugify(text, { decamelize: false });
    if (slugCache.size < 100_000) slugCache.set(text, slug);
  }
  return slug;
}
