import { scanSvgFiles } from '../publish/scan-svg.js';
import { displayPath } from '../util/display-path.js';
import { entriesBelow } from '../util/files-below.js';
import { error, type Problem } from '../util/problems.js';

/**
 * Every file under `public/` as a site path (`/images/a.jpg`), and an error
 * for every symbolic link or other entry that is not a regular file. The
 * writer copies regular files only, so a link would vanish from the site
 * without a word, or, were it followed, publish whatever it points at on the
 * build machine: the build refuses it before anything is written. So is an
 * SVG that would act when opened (the post-build scan would refuse it too,
 * but only after rendering, and `check` would have passed it).
 */
export function publicSitePaths(publicDir: string): { sitePaths: Set<string>; problems: Problem[] } {
  const { files, links, others } = entriesBelow(publicDir);
  const problems = [
    ...links.map(({ full }) =>
      error(displayPath(full), 'symbolic links in public/ are not published', { hint: 'put the file (or the folder) itself in public/, not a link to it' }),
    ),
    ...others.map(({ full }) => error(displayPath(full), 'is not a regular file (a pipe, socket or device), so it cannot be published', { hint: 'delete it' })),
    ...scanSvgFiles(files).map(({ full, finding }) =>
      error(displayPath(full), `this SVG would be published with ${finding}`, {
        hint: 'a browser opening it would act on that: remove it from the file, or export the image as PNG',
      }),
    ),
  ];
  return { sitePaths: new Set(files.map(({ file }) => `/${file}`)), problems };
}
