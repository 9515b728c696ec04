/*
 * Decap CMS editor components for Broadsheet's own body syntax: figures
 * (an image with a title), embeds (`::embed{…}`) and "Read more" blocks
 * (`::readmore{…}`), and the widget of a lead picture's alt text,
 * published as /admin/editor-components.js.
 */

/** The widget of a lead picture's alt text: required when there is a picture (see the script). */
export const ALT_TEXT_WIDGET = 'image-alt';

/** The editor components' ids, for the markdown field's `editor_components` (Decap's own image component is left out: `figure` replaces it). */
export const EDITOR_COMPONENTS = ['figure', 'embed', 'readmore', 'code-block'] as const;

/*
 * The script runs in the editor's browser, as it is written here: a
 * function's own text would carry whatever helpers the compiler that ran
 * the tests (or built dist/) added to it. Directive attributes are quoted;
 * a quote or ampersand inside one is written as a character reference.
 * A picture's title is "caption | credit" (see README, "Pictures in the text").
 */
const SCRIPT = String.raw`'use strict';
(function (cms) {
  function attribute(value) { return String(value || '').replace(/&/g, '&amp;').replace(/"/g, '&quot;'); }
  function fromAttribute(value) { return String(value || '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'); }
  function html(value) { return String(value || '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
  function unescapeMarkdown(value) { return String(value || '').replace(/\\(.)/g, '$1'); }

  // A lead picture needs its alt text, and a story without one needs none. Decap checks the
  // fields of an optional object even when it is empty, so "required" cannot say this: the
  // alt text field is a text field that asks for a value only when the picture is there.
  var text = cms.getWidget('string');
  class AltTextControl extends text.control {
    constructor(props) {
      super(props);
      var control = this;
      // Decap calls it without its object: bound here.
      this.isValid = function () {
        // The live draft: the entry among the props is the one the form opened with.
        var entry = typeof control.props.getEntry === 'function' ? control.props.getEntry() : control.props.entry;
        var picture = entry && entry.getIn ? entry.getIn(['data', 'image', 'src']) : undefined;
        if (picture && !String(control.props.value || '').trim()) {
          return { error: { type: 'PRESENCE', parentIds: control.props.parentIds, message: 'Alt text is required.' } };
        }
        return true;
      };
    }
  }
  cms.registerWidget('image-alt', AltTextControl, text.preview);

  cms.registerEditorComponent({
    id: 'figure',
    label: 'Picture',
    fields: [
      { name: 'src', label: 'Image', widget: 'image', choose_url: false },
      { name: 'alt', label: 'Alt text', widget: 'string', hint: 'What the picture shows, for readers who cannot see it. Required.' },
      { name: 'caption', label: 'Caption', widget: 'string', required: false },
      { name: 'credit', label: 'Credit', widget: 'string', required: false, hint: 'Such as Photo: Jane Doe.' }
    ],
    pattern: /^!\[((?:[^\]\\]|\\.)*)\]\((\S+?)(?: "((?:[^"\\]|\\.)*)")?\)$/,
    fromBlock: function (match) {
      var title = unescapeMarkdown(match[3]);
      var bar = title.lastIndexOf('|');
      return {
        alt: unescapeMarkdown(match[1]),
        src: match[2] || '',
        caption: (bar < 0 ? title : title.slice(0, bar)).trim(),
        credit: bar < 0 ? '' : title.slice(bar + 1).trim()
      };
    },
    toBlock: function (data) {
      var title = [data.caption || '', data.credit ? '| ' + data.credit : ''].filter(Boolean).join(' ');
      var alt = String(data.alt || '').replace(/[\\\]]/g, '\\$&');
      var src = String(data.src || '');
      return title ? '![' + alt + '](' + src + ' "' + title.replace(/[\\"]/g, '\\$&') + '")' : '![' + alt + '](' + src + ')';
    },
    toPreview: function (data) {
      var note = [data.caption, data.credit].filter(Boolean).join(' · ');
      return '<figure><img src="' + html(data.src) + '" alt="' + html(data.alt) + '">' + (note ? '<figcaption>' + html(note) + '</figcaption>' : '') + '</figure>';
    }
  });

  cms.registerEditorComponent({
    id: 'embed',
    label: 'Embed (video, post, chart, map)',
    fields: [
      { name: 'url', label: 'Address of the video, post, chart or map', widget: 'string', pattern: ['^https://', 'an address starting with https://'] },
      { name: 'title', label: 'Title', widget: 'string', required: false, hint: 'Read out to screen-reader users; without it they hear only the provider.' }
    ],
    pattern: /^::embed\{url="([^"]*)"(?: title="([^"]*)")?\}$/,
    fromBlock: function (match) { return { url: fromAttribute(match[1]), title: fromAttribute(match[2]) }; },
    toBlock: function (data) { return '::embed{url="' + attribute(data.url) + '"' + (data.title ? ' title="' + attribute(data.title) + '"' : '') + '}'; },
    toPreview: function (data) { return '<p><strong>Embed:</strong> ' + html(data.title || data.url) + '</p>'; }
  });

  cms.registerEditorComponent({
    id: 'readmore',
    label: 'Read more',
    fields: [{ name: 'slug', label: 'Story', widget: 'relation', collection: 'articles', value_field: '{{slug}}', search_fields: ['title'], display_fields: ['title'] }],
    pattern: /^::readmore\{slug="([^"]*)"\}$/,
    fromBlock: function (match) { return { slug: fromAttribute(match[1]) }; },
    toBlock: function (data) { return '::readmore{slug="' + attribute(data.slug) + '"}'; },
    toPreview: function (data) { return '<p><strong>Read more:</strong> ' + html(data.slug) + '</p>'; }
  });
})(window.CMS);
`;

/** The text of /admin/editor-components.js: Broadsheet's blocks registered with the CMS, once its script has loaded. */
export function editorComponentsScript(): string {
  return SCRIPT;
}
