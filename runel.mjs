import { readFileSync, rmSync } from 'node:fs';
import { writePages } from '/work/main/dist/eleventy/write-pages.js';
const model = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if (process.argv[4] === 'articles') model.archives = [];
rmSync('/work/elev-out', { recursive: true, force: true });
const c = process.cpuUsage(); const t = performance.now();
const files = await writePages(model, process.argv[3] ?? '/work/main/templates', '/work/elev-out', { templatePages: true });
const u = process.cpuUsage(c);
console.log('pages', files.length, 'wall', (performance.now() - t).toFixed(0), 'cpu/page', ((u.user + u.system) / 1000 / files.length).toFixed(2));
