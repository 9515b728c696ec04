import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ADMIN_PATHS, fileOf } from '../routes/addresses.js';

const require = createRequire(import.meta.url);

/** The CMS's script and the chunks it loads from next to itself (`<id>.decap-cms.js`); source maps and the other build are left out. */
const CMS_FILE = /^(?:\d+\.)?decap-cms\.js$/;

/**
 * The files of Decap CMS the web editor's page loads, by their file in the
 * output (`admin/decap-cms.js`, `admin/1077.decap-cms.js`…), with the file
 * in node_modules each is copied from: the site serves the CMS itself, from
 * no CDN. The script finds its chunks by its own address.
 */
export function cmsScriptFiles(): Map<string, string> {
  const dist = path.dirname(require.resolve('decap-cms/dist/decap-cms.js'));
  const folder = path.posix.dirname(fileOf(ADMIN_PATHS.script));
  return new Map(
    readdirSync(dist)
      .filter((name) => CMS_FILE.test(name))
      .sort()
      .map((name) => [`${folder}/${name}`, path.join(dist, name)]),
  );
}
