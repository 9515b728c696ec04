import type { ElementContent } from 'hast';
import type { Image, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bodyMarker } from './body-marker.js';
import { failAt } from './notes.js';

/** An image in a body that names a file of the site, to be checked against public/ and shown as a picture. */
export interface BodyImage {
  /** Site path, decoded: `/images/harbour dawn.jpg`. Not yet known to exist. */
  src: string;
  alt: string;
  /** Where the image starts, counted from the body's first line. */
  line: number;
  column: number;
}

declare module 'vfile' {
  interface DataMap {
    /** The images of the body that name files of the site, in the order of their marks. */
    bodyImages: BodyImage[];
  }
}

/**
 * Prepare the images of a body for the image pipeline. An image that names
 * a file of the site (`/images/x.jpg`) is recorded and marked, so that the
 * model can put its encoded picture in its place (body-marker.ts); one on
 * another host stays a plain `<img>`, with a warning. An image alone in its
 * paragraph with a title becomes a figure: the title is the caption, and
 * what follows its last `|` the credit (`"The new pier | Photo: Jane Doe"`).
 * An image without alt text, or with a relative path, is an error; one whose
 * address the sanitizer removes (`javascript:`, `data:`) is a warning.
 */
export function remarkBodyImages() {
  return (tree: Root, file: VFile): undefined => {
    visit(tree, 'paragraph', (node) => {
      const image = loneImage(node);
      if (image?.title) makeFigure(node, image, image.title);
    });
    const images: BodyImage[] = [];
    visit(tree, 'image', (node) => {
      const where = node.position?.start;
      if ((node.alt ?? '').trim() === '') {
        failAt(file, `image ${node.url || '(no address)'} has no alt text`, node, 'describe what the picture shows for readers who cannot see it: ![A tram leaving the depot](…)');
      }
      const kind = addressKind(node.url);
      if (kind === 'remote') {
        file.message(`image ${node.url} is on another host: it is shown as it is, not resized, and readers' browsers fetch it from there`, node).note =
          'copy the file into public/images/ and write its path, such as /images/harbour.jpg';
      } else if (kind === 'site') {
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataBodyImage: `${bodyMarker(file)}-${images.length}` } };
        images.push({ src: sitePath(node.url), alt: node.alt ?? '', line: where?.line ?? 1, column: where?.column ?? 1 });
      } else if (kind === 'scheme') {
        // The sanitizer removes such an address (javascript:, data:…): said, as every removal is.
        file.message(`image address "${node.url}" is removed: only files of the site and https:// addresses are shown`, node).note = HINT;
      } else {
        failAt(file, `image address "${node.url}" is neither a file of the site nor an https:// address`, node, HINT);
      }
    });
    if (images.length > 0) file.data.bodyImages = images;
  };
}

/** The image a paragraph holds and nothing else (blank text around it aside). */
function loneImage(node: Paragraph): Image | undefined {
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return content.length === 1 && content[0]?.type === 'image' ? content[0] : undefined;
}

function makeFigure(node: Paragraph, image: Image, title: string): void {
  const bar = title.lastIndexOf('|');
  const caption = (bar === -1 ? title : title.slice(0, bar)).trim();
  const credit = bar === -1 ? '' : title.slice(bar + 1).trim();
  const parts: ElementContent[] = [];
  if (caption) parts.push({ type: 'text', value: caption });
  if (credit) {
    if (caption) parts.push({ type: 'text', value: ' ' });
    parts.push({ type: 'element', tagName: 'span', properties: { className: ['credit'] }, children: [{ type: 'text', value: credit }] });
  }
  // The caption says it now; a tooltip would say it twice.
  image.title = null;
  node.data = { ...node.data, hName: 'figure', hProperties: { className: ['body-figure'] } };
  node.children = parts.length === 0 ? [image] : [image, { type: 'text', value: '', data: { hName: 'figcaption', hChildren: parts } }];
}

const HINT = 'write the path of a file in public/ from the site root, such as /images/harbour.jpg, or an https:// address';

/** A file of this site (`/images/x.jpg`), a file on another host, an address of another kind (`javascript:`, `data:`), or a relative path (`images/x.jpg`). */
function addressKind(url: string): 'site' | 'remote' | 'scheme' | 'relative' {
  if (/^https?:\/\/[^/]/i.test(url) || url.startsWith('//')) return 'remote';
  if (url.startsWith('/') && !url.startsWith('/\\')) return 'site';
  return /^[a-z][a-z\d+.-]*:/i.test(url) ? 'scheme' : 'relative';
}

/** The site path an address names: percent-escapes decoded, as public/'s files are listed. */
function sitePath(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
