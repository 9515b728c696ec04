import type { OutputFile } from '../seo/sitemaps.js';
import { ADMIN_PATHS, fileOf, pathPrefix, SITE_PATHS } from '../../routes/addresses.js';
import { cmsConfig, renderCmsConfig, type CmsConfigInput } from './cms-config.js';
import { editorComponentsScript } from './editor-components.js';

/** What the web editor's files are made from: its configuration's input and the site's name and language. */
export interface AdminFilesInput extends CmsConfigInput {
  site: CmsConfigInput['site'] & { title: string; language: string };
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The web editor's page: no reader template, never indexed, and nothing but
 * the CMS's script and our editor components, both files of the site (the
 * CMS loads its configuration from config.yml next to the page).
 */
export function adminPage(site: { url: string; title: string; language: string }): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(site.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>Web editor · ${escapeHtml(site.title)}</title>`,
    // The site's icon, as every reader page names it.
    `<link rel="icon" href="${escapeHtml(`${pathPrefix(site)}${SITE_PATHS.icon}`)}">`,
    '</head>',
    '<body>',
    ...adminScripts(site).map((src) => `<script src="${escapeHtml(src)}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The scripts the web editor's page loads, as written into it: the CMS, then our components. */
export function adminScripts(site: { url: string }): string[] {
  const prefix = pathPrefix(site);
  return [`${prefix}${ADMIN_PATHS.script}`, `${prefix}${ADMIN_PATHS.components}`];
}

/** The web editor's own files: its page, its configuration and our editor components (the CMS's script is copied: see cmsScriptFiles). */
export function adminFiles(input: AdminFilesInput): OutputFile[] {
  return [
    { path: fileOf(ADMIN_PATHS.page), content: adminPage(input.site) },
    { path: fileOf(ADMIN_PATHS.config), content: renderCmsConfig(cmsConfig(input)) },
    { path: fileOf(ADMIN_PATHS.components), content: editorComponentsScript() },
  ];
}
