import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isSvgSource, readStart } from '../../src/images/svg-source.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

describe('isSvgSource tells an SVG as the encoder would, by name or by bytes', () => {
  test.each([
    ['an .svg name', 'chart.svg', PNG, true],
    ['an upper-case .SVG name', 'chart.SVG', JPEG, true],
    ['an .svgz name', 'chart.svgz', PNG, true],
    ['SVG bytes under a .png name', 'photo.png', SVG, true],
    ['SVG after an XML declaration and a comment', 'photo.jpg', Buffer.from('<?xml version="1.0"?>\n<!-- x -->\n<SVG/>'), true],
    ['gzip bytes (a compressed SVG) under a .jpg name', 'photo.jpg', Buffer.from([0x1f, 0x8b, 0x08, 0x00]), true],
    ['a PNG', 'photo.png', PNG, false],
    ['a PNG whose text chunk mentions <svg', 'photo.png', Buffer.concat([PNG, Buffer.from('tEXt<svg')]), false],
    ['a JPEG', 'photo.jpg', JPEG, false],
    ['a GIF', 'anim.gif', Buffer.from('GIF89a'), false],
    ['a WebP', 'photo.webp', Buffer.from('RIFF\0\0\0\0WEBP'), false],
    ['an AVIF', 'photo.avif', Buffer.from('\0\0\0\x1cftypavif'), false],
    ['text that is no image at all', 'notes.jpg', Buffer.from('not a JPEG'), false],
  ])('%s', (_name, file, bytes, expected) => {
    expect(isSvgSource(file, bytes)).toBe(expected);
  });

  test('readStart reads the first bytes of a file, all of a short one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-svg-source-'));
    try {
      writeFileSync(path.join(dir, 'short.png'), SVG);
      writeFileSync(path.join(dir, 'long.png'), Buffer.concat([Buffer.alloc(100_000), SVG]));
      expect(Buffer.from(readStart(path.join(dir, 'short.png')))).toEqual(SVG);
      expect(readStart(path.join(dir, 'long.png')).length).toBe(64 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
