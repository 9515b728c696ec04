import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { entriesBelow } from '../util/files-below.js';
import { scanSvgFiles } from './scan-svg.js';

/** Attributes a browser follows as a URL (or a list of them). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data', 'longdesc', 'ping', 'manifest', 'usemap']);

/** Elements that run or embed active content; our templates use none. */
const ACTIVE_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'style']);

const UNSAFE_SCHEME = /^(?:javascript|vbscript|data|livescript|mocha):/;

const NO_SCRIPTS: ReadonlySet<string> = new Set();

/**
 * What a page holds that our templates never write: scripts, event-handler
 * attributes, script URLs, embedded frames. Each finding is one sentence.
 * `scripts` are the `src` of the scripts our templates put on this page; any
 * other script came from content, whatever slipped past the sanitizer.
 * Pure: the HTML in, the findings out.
 */
export function scanPage(html: string, scripts: ReadonlySet<string> = NO_SCRIPTS): string[] {
  const findings = new Set<string>();
  let jsonLd: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') {
          if (attributes.type === 'application/ld+json' && attributes.src === undefined) jsonLd = '';
          else if (attributes.src === undefined || !scripts.has(attributes.src)) findings.add('a <script> element that is not from the templates');
        }
        if (ACTIVE_ELEMENTS.has(name)) findings.add(`an <${name}> element`);
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh' && UNSAFE_SCHEME.test(refreshTarget(attributes.content ?? ''))) {
          findings.add('a refresh to a script URL');
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) findings.add(`an event-handler attribute ${attribute}=`);
          else if (URL_ATTRIBUTES.has(attribute)) {
            const unsafe = urlsIn(attribute, value).map(normaliseUrl).find((url) => UNSAFE_SCHEME.test(url));
            if (unsafe) findings.add(`a ${unsafe.split(':')[0]}: URL in ${attribute}=`);
          }
        }
      },
      ontext(text) {
        if (jsonLd !== undefined) jsonLd += text;
      },
      onclosetag(name) {
        if (name !== 'script' || jsonLd === undefined) return;
        // Content that closed the element early leaves JSON that does not parse.
        try {
          JSON.parse(jsonLd);
        } catch {
          findings.add('a JSON-LD block that is not valid JSON');
        }
        jsonLd = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return [...findings];
}

/** How a browser reads a URL's scheme: entities are already decoded; it drops whitespace and control characters and ignores case. */
function normaliseUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

const urlsIn = (attribute: string, value: string): string[] =>
  attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];

const refreshTarget = (content: string): string => normaliseUrl(content.replace(/^[^;,]*[;,]\s*(?:url\s*=\s*)?/i, '').replace(/^['"]|['"]$/g, ''));

/**
 * Check a written folder: it holds only regular files and folders (no link
 * can lead out of it), every SVG in it passes scanSvg, and each of
 * `htmlFiles` passes scanPage, with the scripts `scripts` allows that file
 * (keyed by file). Returns findings as `file: finding`, with files relative
 * to `dir`.
 */
export function scanOutput(
  dir: string,
  htmlFiles: Iterable<string>,
  scripts: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): { file: string; finding: string }[] {
  return [...scanFolder(dir), ...scanPages(dir, htmlFiles, scripts)];
}

/**
 * One walk of the folder: entries that are neither a regular file nor a
 * folder (a link could lead out of it), and every SVG through scanSvg. The
 * whole folder is read, not a list of files written, since public/ and the
 * encoded images are copied in rather than written.
 */
export function scanFolder(dir: string): { file: string; finding: string }[] {
  const { files, links, others } = entriesBelow(dir);
  return [
    ...links.map(({ file }) => ({ file, finding: 'a symbolic link' })),
    ...others.map(({ file }) => ({ file, finding: 'neither a file nor a folder' })),
    ...scanSvgFiles(files).map(({ file, finding }) => ({ file, finding })),
  ];
}

/** Each of `htmlFiles` (relative to `dir`) through scanPage, with the scripts allowed to it. */
export function scanPages(
  dir: string,
  htmlFiles: Iterable<string>,
  scripts: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): { file: string; finding: string }[] {
  const results: { file: string; finding: string }[] = [];
  const root = path.resolve(dir);
  for (const file of htmlFiles) {
    const full = path.resolve(root, file);
    if (!full.startsWith(root + path.sep)) {
      results.push({ file, finding: 'a path outside the output folder' });
      continue;
    }
    for (const finding of scanPage(readFileSync(full, 'utf8'), scripts.get(file))) results.push({ file, finding });
  }
  return results;
}
