import type { ImportedFile } from '../types.js';
import type { LocatedImage } from './types.js';

/**
 * Copies each image an import uses into public/ once, whatever number of
 * stories show it, and answers with its new site path. Two source files
 * that would land on one public path (`Harbour.jpg` and `harbour.jpg`)
 * get `-2`, `-3`… rather than one replacing the other.
 */
export interface ImageShelf {
  place(image: LocatedImage, item: string): string;
  /** The copies made since the last call, to be yielded in order. */
  take(): ImportedFile[];
  readonly count: number;
}

export function createImageShelf(): ImageShelf {
  const bySource = new Map<string, string>();
  const taken = new Set<string>();
  let pending: ImportedFile[] = [];
  return {
    place(image, item) {
      const key = `${image.tree.root}\0${image.file}`;
      const known = bySource.get(key);
      if (known) return known;
      let path = image.publicPath;
      for (let n = 2; taken.has(path.toLowerCase()); n += 1) path = image.publicPath.replace(/(\.[a-z0-9]+)$/, `-${n}$1`);
      taken.add(path.toLowerCase());
      const sitePath = `/${path}`;
      bySource.set(key, sitePath);
      pending.push({ type: 'file', root: 'public', path, content: image.tree.readBytes(image.file), source: { file: image.file, item } });
      return sitePath;
    },
    take() {
      const files = pending;
      pending = [];
      return files;
    },
    get count() {
      return taken.size;
    },
  };
}
