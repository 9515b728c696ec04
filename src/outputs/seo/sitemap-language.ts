const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * The `<news:language>` code for a BCP 47 tag: its ISO 639 primary subtag
 * (`en-GB` → `en`), except that Google names written Chinese by script,
 * `zh-cn` for Simplified and `zh-tw` for Traditional. A script subtag decides
 * (`zh-Hant` → `zh-tw`), else the region (`zh-HK` → `zh-tw`), else
 * Simplified, the script of most Chinese readers.
 */
export function newsLanguage(tag: string): string {
  const subtags = tag.toLowerCase().split(/[-_]/);
  const primary = subtags[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(primary)) {
    throw new Error(`language "${tag}" does not start with an ISO 639 code such as en or pt-BR`);
  }
  if (primary !== 'zh') return primary;
  if (subtags.includes('hant')) return 'zh-tw';
  if (subtags.includes('hans')) return 'zh-cn';
  return subtags.some((subtag) => TRADITIONAL_REGIONS.has(subtag)) ? 'zh-tw' : 'zh-cn';
}
