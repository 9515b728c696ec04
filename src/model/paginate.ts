import { listPagePath, pageCount } from '../routes/addresses.js';

/** One page of a paginated list. */
export interface ListPage<T> {
  url: string;
  items: T[];
  pageNumber: number;
  pageCount: number;
  previousUrl: string | undefined;
  nextUrl: string | undefined;
}

/**
 * Split `items` into pages of `perPage`: the first at `baseUrl`, the rest at
 * the addresses the address plan gives them. An empty list still gets its
 * first page, so a section with no articles yet is not a 404.
 */
export function paginate<T>(items: readonly T[], perPage: number, baseUrl: string): ListPage<T>[] {
  const count = pageCount(items.length, perPage);
  const urlOf = (pageNumber: number) => listPagePath(baseUrl, pageNumber);
  return Array.from({ length: count }, (_, index) => {
    const pageNumber = index + 1;
    return {
      url: urlOf(pageNumber),
      items: items.slice(index * perPage, (index + 1) * perPage),
      pageNumber,
      pageCount: count,
      previousUrl: pageNumber > 1 ? urlOf(pageNumber - 1) : undefined,
      nextUrl: pageNumber < count ? urlOf(pageNumber + 1) : undefined,
    };
  });
}
