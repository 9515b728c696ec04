import { readFileSync } from 'node:fs';
import { transform } from 'lightningcss';
import { filesBelow } from '../util/files-below.js';
import { displayPath } from '../util/display-path.js';
import { warning, type Problem } from '../util/problems.js';

/**
 * The bytes published for each stylesheet in `public/` (by its path there,
 * `css/site.css`): the file, then any text `appended` to it (site.yml's
 * theme after site.css), minified by Lightning CSS. Comments and spaces are
 * for the people who edit the file; readers download every byte of it on
 * their first page, and the article page's budget is 12 KB gzipped.
 * A stylesheet Lightning CSS cannot read is published as written, with a
 * warning naming it.
 */
export function publishedStylesheets(publicDir: string, appended: ReadonlyMap<string, string> = new Map()): { stylesheets: Map<string, Buffer>; problems: Problem[] } {
  const stylesheets = new Map<string, Buffer>();
  const problems: Problem[] = [];
  for (const { file, full } of filesBelow(publicDir)) {
    if (!file.endsWith('.css')) continue;
    const code = Buffer.concat([readFileSync(full), Buffer.from(appended.get(file) ?? '')]);
    try {
      stylesheets.set(file, Buffer.from(transform({ filename: file, code, minify: true }).code));
    } catch (cause) {
      stylesheets.set(file, code);
      const { message, loc } = cause as { message?: string; loc?: { line: number; column: number } };
      problems.push(
        warning(displayPath(full), `this stylesheet could not be read to be made smaller (${message ?? String(cause)}); it is published as it is`, {
          ...(loc ? { position: { line: loc.line, column: loc.column } } : {}),
          hint: 'a browser may skip the rule it stops at too: check the CSS there',
        }),
      );
    }
  }
  return { stylesheets, problems };
}
