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
 * `baseUrl` + `page/N/`. An empty list still gets its first page, so a
 * section with no articles yet is not a 404.
 */
export function paginate<T>(items: readonly T[], perPage: number, baseUrl: string): ListPage<T>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const urlOf = (pageNumber: number) => (pageNumber === 1 ? baseUrl : `${baseUrl}page/${pageNumber}/`);
  return Array.from({ length: pageCount }, (_, index) => {
    const pageNumber = index + 1;
    return {
      url: urlOf(pageNumber),
      items: items.slice(index * perPage, (index + 1) * perPage),
      pageNumber,
      pageCount,
      previousUrl: pageNumber > 1 ? urlOf(pageNumber - 1) : undefined,
      nextUrl: pageNumber < pageCount ? urlOf(pageNumber + 1) : undefined,
    };
  });
}

/** The address of the first page of the list that `url` (any of its pages) belongs to. */
export const firstPageUrl = (url: string): string => url.replace(/page\/\d+\/$/, '');
