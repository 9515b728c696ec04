import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';

/*
 * Some parts of a body are finished only at the model stage, once every
 * article and picture is known: a body image becomes a <picture>, a "Read
 * more" block gets its headline. The renderer marks each such element with
 * an attribute whose value starts with a digest of the body's own Markdown.
 * An editor cannot write that value into the body it is the digest of, so
 * only elements our plugins made are ever filled in; and the same body
 * always gets the same marks, so renderings stay cacheable and builds
 * reproducible.
 */

/** The attribute on a body image to fill in, as HTML writes it; its value is `<marker>-<index in images>`. */
export const BODY_IMAGE_ATTRIBUTE = 'data-body-image';
/** The attribute on a "Read more" block to fill in; its value is `<marker>-<index in readMore>`. */
export const READ_MORE_ATTRIBUTE = 'data-read-more';

/** What a mark's value looks like, for the sanitizer. */
export const MARK_VALUE = /^[0-9a-f]{16}-\d+$/;

declare module 'vfile' {
  interface DataMap {
    /** The digest every mark of this body starts with (see body-marker.ts). */
    bodyMarker: string;
  }
}

/** The marker of the body `file` holds, made once per file. */
export function bodyMarker(file: VFile): string {
  file.data.bodyMarker ??= createHash('sha256').update(String(file.value)).digest('hex').slice(0, 16);
  return file.data.bodyMarker;
}
