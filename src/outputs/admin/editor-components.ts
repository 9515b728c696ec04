/*
 * Decap CMS editor components for Broadsheet's own body syntax: figures
 * (an image with a title), embeds (`::embed{…}`) and "Read more" blocks
 * (`::readmore{…}`). The registering function runs in the editor's
 * browser; it is written here, type-checked, and published as the text of
 * /admin/editor-components.js (see editorComponentsScript).
 */

/** What the registering function uses of the CMS's global object. */
interface EditorComponentHost {
  registerEditorComponent(component: {
    id: string;
    label: string;
    fields: Record<string, unknown>[];
    pattern: RegExp;
    fromBlock(match: RegExpMatchArray): Record<string, string>;
    toBlock(data: Record<string, string | undefined>): string;
    toPreview(data: Record<string, string | undefined>): string;
  }): void;
}

/** The editor components' ids, for the markdown field's `editor_components` (Decap's own image component is left out: `figure` replaces it). */
export const EDITOR_COMPONENTS = ['figure', 'embed', 'readmore', 'code-block'] as const;

/** Runs in the browser with the CMS's global object: nothing outside its body may be used. */
function registerBroadsheetComponents(cms: EditorComponentHost): void {
  // Directive attributes are quoted; a quote or ampersand inside is written as a character reference.
  const attribute = (value: string | undefined) => (value ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const fromAttribute = (value: string | undefined) => (value ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const html = (value: string | undefined) =>
    (value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  cms.registerEditorComponent({
    id: 'figure',
    label: 'Picture',
    fields: [
      { name: 'src', label: 'Image', widget: 'image', choose_url: false },
      { name: 'alt', label: 'Alt text', widget: 'string', hint: 'What the picture shows, for readers who cannot see it. Required.' },
      { name: 'caption', label: 'Caption', widget: 'string', required: false },
      { name: 'credit', label: 'Credit', widget: 'string', required: false, hint: 'Such as Photo: Jane Doe.' },
    ],
    // An image alone on its line; with a title it is a figure: "caption | credit".
    pattern: /^!\[((?:[^\]\\]|\\.)*)\]\((\S+?)(?: "((?:[^"\\]|\\.)*)")?\)$/,
    fromBlock(match) {
      const title = (match[3] ?? '').replace(/\\(.)/g, '$1');
      const bar = title.lastIndexOf('|');
      return {
        alt: (match[1] ?? '').replace(/\\(.)/g, '$1'),
        src: match[2] ?? '',
        caption: (bar < 0 ? title : title.slice(0, bar)).trim(),
        credit: bar < 0 ? '' : title.slice(bar + 1).trim(),
      };
    },
    toBlock({ src, alt, caption, credit }) {
      const title = [caption ?? '', credit ? `| ${credit}` : ''].filter(Boolean).join(' ');
      const escapedAlt = (alt ?? '').replace(/[\\\]]/g, '\\$&');
      return title ? `![${escapedAlt}](${src ?? ''} "${title.replace(/[\\"]/g, '\\$&')}")` : `![${escapedAlt}](${src ?? ''})`;
    },
    toPreview({ src, alt, caption, credit }) {
      const note = [caption, credit].filter(Boolean).join(' · ');
      return `<figure><img src="${html(src)}" alt="${html(alt)}">${note ? `<figcaption>${html(note)}</figcaption>` : ''}</figure>`;
    },
  });

  cms.registerEditorComponent({
    id: 'embed',
    label: 'Embed (video, post, chart, map)',
    fields: [
      { name: 'url', label: 'Address of the video, post, chart or map', widget: 'string', pattern: ['^https://', 'an address starting with https://'] },
      { name: 'title', label: 'Title', widget: 'string', required: false, hint: 'Read out to screen-reader users; without it they hear only the provider.' },
    ],
    pattern: /^::embed\{url="([^"]*)"(?: title="([^"]*)")?\}$/,
    fromBlock: (match) => ({ url: fromAttribute(match[1]), title: fromAttribute(match[2]) }),
    toBlock: ({ url, title }) => `::embed{url="${attribute(url)}"${title ? ` title="${attribute(title)}"` : ''}}`,
    toPreview: ({ url, title }) => `<p><strong>Embed:</strong> ${html(title || url)}</p>`,
  });

  cms.registerEditorComponent({
    id: 'readmore',
    label: 'Read more',
    fields: [{ name: 'slug', label: 'Story', widget: 'relation', collection: 'articles', value_field: '{{slug}}', search_fields: ['title'], display_fields: ['title'] }],
    pattern: /^::readmore\{slug="([^"]*)"\}$/,
    fromBlock: (match) => ({ slug: fromAttribute(match[1]) }),
    toBlock: ({ slug }) => `::readmore{slug="${attribute(slug)}"}`,
    toPreview: ({ slug }) => `<p><strong>Read more:</strong> ${html(slug)}</p>`,
  });
}

/** The text of /admin/editor-components.js: the registering function, called with the CMS once its script has loaded. */
export function editorComponentsScript(): string {
  return `'use strict';\n(${registerBroadsheetComponents.toString()})(window.CMS);\n`;
}
