import { describe, expect, test } from 'vitest';
import { fallbackFile, pictureFromEncoded, type EncodedFile, type EncodedImage } from '../../src/images/picture.js';

const MIME: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

/** Files as eleventy-img describes them, for one source hash; `widths` in the order it might list them. */
const files = (format: string, widths: number[], ratio = 675 / 1200): EncodedFile[] =>
  widths.map((width) => ({
    format,
    width,
    height: Math.floor(width * ratio),
    url: `/img/abc-${width}.${format}`,
    sourceType: MIME[format] ?? '',
    filename: `abc-${width}.${format}`,
  }));

describe('pictureFromEncoded', () => {
  test('a JPEG: AVIF, then WebP, then JPEG, each narrowest first; the widest JPEG is the <img>', () => {
    const encoded: EncodedImage = { jpeg: files('jpeg', [1200, 400, 800]), webp: files('webp', [400, 800, 1200]), avif: files('avif', [800, 400, 1200]) };
    expect(pictureFromEncoded(encoded, { width: 1200, height: 675 })).toEqual({
      sources: [
        { type: 'image/avif', srcset: '/img/abc-400.avif 400w, /img/abc-800.avif 800w, /img/abc-1200.avif 1200w' },
        { type: 'image/webp', srcset: '/img/abc-400.webp 400w, /img/abc-800.webp 800w, /img/abc-1200.webp 1200w' },
        { type: 'image/jpeg', srcset: '/img/abc-400.jpeg 400w, /img/abc-800.jpeg 800w, /img/abc-1200.jpeg 1200w' },
      ],
      src: '/img/abc-1200.jpeg',
      width: 1200,
      height: 675,
    });
  });

  test('the width and height are the measured ones, not eleventy-img’s rounded-down estimate', () => {
    // 1000×667 at 400 wide: eleventy-img says 266, the encoder writes 267.
    const encoded: EncodedImage = { avif: files('avif', [400], 667 / 1000), jpeg: files('jpeg', [400], 667 / 1000) };
    expect(fallbackFile(encoded).height).toBe(266);
    expect(pictureFromEncoded(encoded, { width: 400, height: 267 })).toMatchObject({ src: '/img/abc-400.jpeg', width: 400, height: 267 });
  });

  test('an image narrower than every width has one file per format, at its own width', () => {
    const encoded: EncodedImage = { avif: files('avif', [300]), webp: files('webp', [300]), png: files('png', [300]) };
    expect(pictureFromEncoded(encoded, { width: 300, height: 168 })).toEqual({
      sources: [
        { type: 'image/avif', srcset: '/img/abc-300.avif 300w' },
        { type: 'image/webp', srcset: '/img/abc-300.webp 300w' },
        { type: 'image/png', srcset: '/img/abc-300.png 300w' },
      ],
      src: '/img/abc-300.png',
      width: 300,
      height: 168,
    });
  });

  test('a WebP original: WebP is both a source and the fallback', () => {
    const encoded: EncodedImage = { webp: files('webp', [400, 800]), avif: files('avif', [400, 800]) };
    const picture = pictureFromEncoded(encoded, { width: 800, height: 450 });
    expect(picture.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(picture.src).toBe('/img/abc-800.webp');
  });

  test('no files at all is a bug, not an empty picture', () => {
    expect(() => pictureFromEncoded({ avif: [] }, { width: 1, height: 1 })).toThrow(/no files/);
  });
});
