import mime from 'mime';

/** Media types read as text whose bytes Broadsheet writes in UTF-8: said so, since a bucket sends no charset of its own. */
const TEXT_TYPE = /^text\/|[/+](xml|json|javascript)$/;

/**
 * The Content-Type of a built file by its name, as a static host would send
 * it; `application/octet-stream` for a name no type is known for (the
 * search index's own files, `_headers`).
 */
export function contentTypeOf(file: string): string {
  const type = mime.getType(file) ?? 'application/octet-stream';
  return TEXT_TYPE.test(type) ? `${type}; charset=utf-8` : type;
}
