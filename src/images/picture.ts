/*
 * What a processed image is to the templates: the files of each format with
 * their widths, and the fallback `<img>` with its real size. Pure: the input
 * is the metadata @11ty/eleventy-img returns for the files it wrote.
 */

/** Where an image is shown, which decides the widths it is encoded at. */
export type ImageKind = 'lead' | 'avatar';

/** One format of a picture, for a `<source>` element. */
export interface PictureSource {
  /** MIME type, such as `image/avif`. */
  type: string;
  /** Every width of this format: `/img/ab12-400.avif 400w, /img/ab12-800.avif 800w`. */
  srcset: string;
}

/** A processed image, ready to print as `<picture>`. */
export interface Picture {
  /** Best-compressed format first; the original's format last. */
  sources: PictureSource[];
  /** The largest file in the original's format, for browsers without `<picture>`. */
  src: string;
  /** Intrinsic size of `src`, so the browser reserves the box before the file arrives. */
  width: number;
  height: number;
}

/** Pictures by kind, then by the site path of their source. */
export type PictureSet = Readonly<Record<ImageKind, ReadonlyMap<string, Picture>>>;

/** Widths encoded for each kind; never above the original's own width. */
export const IMAGE_WIDTHS: Readonly<Record<ImageKind, readonly number[]>> = {
  // The article column is at most ~42rem: 1200 px covers it at 2x.
  lead: [400, 800, 1200],
  // Avatars are shown at 4rem and 8rem.
  avatar: [96, 192],
};

/** `auto` is the original's format, always kept so every browser has a file it can show. */
export const IMAGE_FORMATS: readonly string[] = ['avif', 'webp', 'auto'];

/** One file eleventy-img wrote (the fields Broadsheet reads). */
export interface EncodedFile {
  format: string;
  width: number;
  height: number;
  url: string;
  sourceType: string;
  filename: string;
}

/** eleventy-img's result: the files of each format, by format name. */
export type EncodedImage = Readonly<Record<string, readonly EncodedFile[]>>;

/** Browsers try `<source>`s in order, so the smaller modern formats go first. */
const PREFERENCE = ['avif', 'webp'];
const rank = (format: string): number => {
  const index = PREFERENCE.indexOf(format);
  return index === -1 ? PREFERENCE.length : index;
};

/**
 * The formats of `encoded` in the order a `<picture>` lists them, each with
 * its files narrowest first. The original's format is the one outside the
 * preference list (or, for a WebP or AVIF original, the last one).
 */
export function formatsInOrder(encoded: EncodedImage): { format: string; files: EncodedFile[] }[] {
  return Object.entries(encoded)
    .filter(([, files]) => files.length > 0)
    .map(([format, files]) => ({ format, files: [...files].sort((a, b) => a.width - b.width) }))
    .sort((a, b) => rank(a.format) - rank(b.format));
}

/** The file the `<img>` shows: the widest of the last format. */
export function fallbackFile(encoded: EncodedImage): EncodedFile {
  const last = formatsInOrder(encoded).at(-1)?.files.at(-1);
  if (!last) throw new Error('eleventy-img returned no files');
  return last;
}

/**
 * The picture description of an encoded image. `size` is the fallback file's
 * measured size: eleventy-img computes heights by rounding down, the encoder
 * rounds to nearest, and the attributes must match the file.
 */
export function pictureFromEncoded(encoded: EncodedImage, size: { width: number; height: number }): Picture {
  const fallback = fallbackFile(encoded);
  return {
    sources: formatsInOrder(encoded).map(({ files }) => ({
      type: files[0]?.sourceType ?? '',
      srcset: files.map((file) => `${file.url} ${file.width}w`).join(', '),
    })),
    src: fallback.url,
    width: size.width,
    height: size.height,
  };
}
