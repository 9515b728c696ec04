import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import type { FileBelow } from '../util/files-below.js';

/*
 * What an SVG file holds that could act when a reader opens it on the
 * site's origin (an SVG is a document: it runs its scripts there) or that
 * reaches beyond the file. Read as XML, the way a browser reads an
 * `image/svg+xml` file, with names compared without their namespace prefix
 * (`<svg:script>`, `<html:iframe>`, `foo:href` are what they end in).
 */

/** Elements that run script, embed another document or change where links lead. */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'handler', 'listener', 'meta', 'link']);

/** Animation elements, which can set an attribute (an `href`, a handler) after the file was checked. */
const ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);

/** A `url(…)` (in CSS or a presentation attribute) that is not `url(#id)` or `url("#id")`. */
const OUTSIDE_URL = /url\s*\(\s*(?!['"]?#)/i;

/** Only these encodings are read as they are; a browser would decode any other into text this scan never saw. */
const UTF8_DECLARED = /^<\?xml[^>]*\bencoding\s*=\s*["'](?!utf-?8["'])/i;

const localName = (name: string): string => name.slice(name.lastIndexOf(':') + 1).toLowerCase();

/** Every finding in `svg` (the file's bytes), each one sentence; empty when it is inert. */
export function scanSvg(svg: Uint8Array): string[] {
  const findings = new Set<string>();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(svg);
  } catch {
    return ['bytes that are not UTF-8'];
  }
  // A browser reads a file of NULs between ASCII letters as UTF-16, which this scan would read as no markup at all.
  if (text.includes('\u0000')) return ['NUL bytes (UTF-16 text?)'];
  text = text.replace(/^\uFEFF/, '');
  if (UTF8_DECLARED.test(text)) findings.add('an encoding other than UTF-8');
  // Entities declared in the file are expanded by the browser, not by this parser: they could spell out any of the rest.
  if (/<!ENTITY/i.test(text)) findings.add('an entity declaration');
  let style: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element = localName(name);
        if (ACTIVE_ELEMENTS.has(element)) findings.add(`a <${element}> element`);
        if (element === 'style') style = '';
        for (const [attribute, value] of Object.entries(attributes)) {
          const local = localName(attribute);
          if (local.startsWith('on')) findings.add(`an event-handler attribute ${local}=`);
          else if (local === 'href' || local === 'src' || local === 'base') {
            if (!value.trim().startsWith('#')) findings.add(`a reference to another file or address in ${local}=`);
          } else if (OUTSIDE_URL.test(value) || /@import/i.test(value)) findings.add(`a url() to another file or address in ${local}=`);
          if (ANIMATIONS.has(element) && local === 'attributename' && /^(?:.*:)?(?:href|src|on.*)$/i.test(value.trim())) {
            findings.add(`an animation that sets ${value.trim()}=`);
          }
        }
      },
      ontext(chunk) {
        if (style !== undefined) style += chunk;
      },
      onclosetag(name) {
        if (localName(name) !== 'style' || style === undefined) return;
        if (OUTSIDE_URL.test(style) || /@import/i.test(style)) findings.add('a <style> that loads another file or address');
        style = undefined;
      },
      onprocessinginstruction(name) {
        // `<?xml …?>` is the declaration and `<!DOCTYPE …>` names a DTD no browser fetches (its entities are
        // found above); `<?xml-stylesheet …?>` loads a stylesheet, or an XSLT program.
        if (name.startsWith('!') || name.toLowerCase() === '?xml') return;
        findings.add(`a processing instruction <${name}>`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return [...findings];
}

/**
 * Every SVG among `files` through scanSvg, in file order: a browser opens
 * one as a document on the site's origin, where its script would run. A
 * compressed SVG (`.svgz`) is a finding of its own: it is not read.
 */
export function scanSvgFiles(files: readonly FileBelow[]): (FileBelow & { finding: string })[] {
  return files
    .filter(({ file }) => /\.svgz?$/i.test(file))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .flatMap((svg) => {
      const findings = /\.svgz$/i.test(svg.file) ? ['a compressed SVG, which the scan cannot read'] : scanSvg(readFileSync(svg.full));
      return findings.map((finding) => ({ ...svg, finding }));
    });
}
