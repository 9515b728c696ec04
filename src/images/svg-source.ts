import { closeSync, openSync, readSync } from 'node:fs';

/*
 * Whether an image file is an SVG, told as the encoder would tell it: sharp
 * (libvips) takes any file whose first bytes are text with `<svg` in them,
 * or gzip (a compressed SVG), for an SVG, whatever its name. Lead images and
 * avatars are photos to encode; an SVG is a document that can carry script,
 * so it is refused before the encoder or a reader's browser opens it.
 */

/** The first bytes of the raster formats the encoder reads; a file starting so is read as one, whatever else it holds. */
const RASTER_SIGNATURES: readonly (readonly number[])[] = [
  [0xff, 0xd8, 0xff], // JPEG
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP)
];
const GZIP = [0x1f, 0x8b];
/** libvips looks for `<svg` near the start; a longer look costs nothing and misses less. */
const LOOK = 64 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((byte, index) => bytes[index] === byte);

/** Whether the file `name` with `bytes` (its start is enough) is, or would be read as, an SVG. */
export function isSvgSource(name: string, bytes: Uint8Array): boolean {
  if (/\.svgz?$/i.test(name) || startsWith(bytes, GZIP)) return true;
  // An AVIF (or HEIF) file: a box of type `ftyp` at byte 4.
  if (RASTER_SIGNATURES.some((signature) => startsWith(bytes, signature)) || String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp') return false;
  return /<svg/i.test(Buffer.from(bytes.subarray(0, LOOK)).toString('latin1'));
}

/** The first bytes of a file, as many as isSvgSource looks at. */
export function readStart(file: string): Uint8Array {
  const bytes = new Uint8Array(LOOK);
  const fd = openSync(file, 'r');
  try {
    return bytes.subarray(0, readSync(fd, bytes, 0, LOOK, 0));
  } finally {
    closeSync(fd);
  }
}
