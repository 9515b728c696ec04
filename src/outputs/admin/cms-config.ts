import { stringify } from 'yaml';
import type { AdminSettings } from '../../content/schema.js';
import { ALT_TEXT_WIDGET, EDITOR_COMPONENTS } from './editor-components.js';
import { MAX_ALIASES, MAX_CORRECTIONS, MAX_TAGS } from '../../content/limits.js';

/** What the web editor's configuration is made from. */
export interface CmsConfigInput {
  /** site.yml's `admin:`, turned on. */
  admin: AdminSettings;
  site: { url: string; timezone: string };
  /** The content folder and public/, relative to the project root (where `npm start` runs), `/`-separated. */
  contentFolder: string;
  publicFolder: string;
}

/** A Decap CMS field: the subset of its options this configuration uses. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  [option: string]: unknown;
}

/** The Decap CMS configuration: the subset of its options this configuration uses. */
export interface CmsConfig {
  backend: Record<string, string>;
  publish_mode: 'editorial_workflow';
  media_folder: string;
  public_folder: string;
  site_url: string;
  display_url: string;
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  collections: Record<string, unknown>[];
}

/** Broadsheet's slug rule (src/content/slug.ts) as a Decap pattern. */
const SLUG: [string, string] = ['^[a-z0-9]+(-[a-z0-9]+)*$', 'lowercase letters and digits, words joined by "-", such as harbour-wall'];
const SITE_PATH: [string, string] = ['^/([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*([A-Za-z0-9_~-][A-Za-z0-9._~-]*)?$', 'a site path such as /news/old-slug/'];
const WEB_ADDRESS: [string, string] = ['^https?://', 'an address starting with https://'];

/**
 * Dates as Broadsheet reads them without an offset: a time in the site's
 * timezone. The picker shows the browser's clock, but what it stores is
 * the time as written, which the build reads in the site's timezone.
 */
const DATE_FORMAT = 'YYYY-MM-DDTHH:mm:ss';

const datetime = (name: string, label: string, timezone: string, required: boolean): CmsField => ({
  name,
  label,
  widget: 'datetime',
  format: DATE_FORMAT,
  date_format: 'YYYY-MM-DD',
  time_format: 'HH:mm',
  required,
  hint: `In the site's time, ${timezone}.`,
});

const aliases = (owner: string): CmsField => ({
  name: 'aliases',
  label: 'Old addresses',
  widget: 'list',
  required: false,
  max: MAX_ALIASES,
  hint: `Old site paths of this ${owner} (such as /news/old-slug/): each keeps working as a redirect.`,
  field: { name: 'alias', label: 'Address', widget: 'string', pattern: SITE_PATH },
});

/** A body; a story's or page's offers Broadsheet's own blocks (pictures, embeds, "Read more") in place of Decap's image. */
const body = (label: string, required: boolean, components?: readonly string[]): CmsField => ({
  name: 'body',
  label,
  widget: 'markdown',
  required,
  ...(components ? { editor_components: [...components] } : {}),
});

/** The fields of an article, after articleSchema in src/content/schema.ts. */
function articleFields(timezone: string): CmsField[] {
  return [
    { name: 'title', label: 'Headline', widget: 'string' },
    { name: 'summary', label: 'Summary', widget: 'text', required: false, hint: 'The standfirst and the description search engines show; without it, the first paragraph.' },
    datetime('date', 'Publication date', timezone, true),
    datetime('updated', 'Updated', timezone, false),
    {
      name: 'authors',
      label: 'Authors',
      widget: 'relation',
      collection: 'authors',
      value_field: '{{slug}}',
      search_fields: ['name'],
      display_fields: ['name'],
      multiple: true,
      min: 1,
    },
    { name: 'category', label: 'Section', widget: 'relation', collection: 'sections', value_field: '{{slug}}', search_fields: ['name'], display_fields: ['name'] },
    { name: 'tags', label: 'Tags', widget: 'list', required: false, max: MAX_TAGS, hint: 'Words or phrases as readers should see them, such as City Council.' },
    {
      name: 'image',
      label: 'Lead image',
      widget: 'object',
      required: false,
      collapsed: false,
      fields: [
        // Neither is "required": Decap would then refuse every story without a picture. The alt text's widget asks for it when there is one.
        { name: 'src', label: 'Image', widget: 'image', required: false, choose_url: false },
        { name: 'alt', label: 'Alt text', widget: ALT_TEXT_WIDGET, required: false, hint: 'What the picture shows, for readers who cannot see it. Required with a picture.' },
        { name: 'caption', label: 'Caption', widget: 'string', required: false },
        { name: 'credit', label: 'Credit', widget: 'string', required: false, hint: 'Such as Photo: Jane Doe.' },
      ],
    },
    { name: 'draft', label: 'Draft', widget: 'boolean', required: false, default: false, hint: 'A draft is on no page of the site.' },
    {
      name: 'corrections',
      label: 'Corrections',
      widget: 'list',
      required: false,
      max: MAX_CORRECTIONS,
      fields: [datetime('date', 'Date', timezone, true), { name: 'text', label: 'What was corrected', widget: 'text' }],
    },
    { name: 'comments', label: 'Open to comments', widget: 'boolean', required: false, default: true },
    { name: 'slug', label: 'Slug', widget: 'string', required: false, pattern: SLUG, hint: 'Leave empty: the address comes from the file name.' },
    { name: 'canonical', label: 'First published at', widget: 'string', required: false, pattern: WEB_ADDRESS, hint: 'For a piece first published elsewhere: its original address.' },
    aliases('article'),
    body('Story', true, EDITOR_COMPONENTS),
  ];
}

function authorFields(): CmsField[] {
  const link = (name: string, label: string, pattern: [string, string] = WEB_ADDRESS): CmsField => ({ name, label, widget: 'string', required: false, pattern });
  return [
    { name: 'name', label: 'Name', widget: 'string' },
    { name: 'role', label: 'Role', widget: 'string', required: false },
    { name: 'avatar', label: 'Photo', widget: 'image', required: false, choose_url: false },
    {
      name: 'links',
      label: 'Links',
      widget: 'object',
      required: false,
      collapsed: true,
      fields: [
        link('website', 'Website'),
        link('email', 'E-mail', ['^[^\\s@<>"]+@[^\\s@<>"]+\\.[^\\s@<>"]+$', 'an e-mail address']),
        link('mastodon', 'Mastodon'),
        link('bluesky', 'Bluesky'),
        link('x', 'X'),
        link('linkedin', 'LinkedIn'),
        link('github', 'GitHub'),
      ],
    },
    body('Biography', false),
  ];
}

function sectionFields(): CmsField[] {
  return [
    { name: 'name', label: 'Name', widget: 'string' },
    { name: 'description', label: 'Description', widget: 'text', required: false },
    { name: 'order', label: 'Order', widget: 'number', value_type: 'int', required: false, hint: 'Lower comes first in the navigation and on the home page.' },
    aliases('section'),
    body('Introduction', false),
  ];
}

function pageFields(timezone: string): CmsField[] {
  return [
    { name: 'title', label: 'Title', widget: 'string' },
    { name: 'summary', label: 'Summary', widget: 'text', required: false },
    {
      name: 'permalink',
      label: 'Address',
      widget: 'string',
      required: false,
      pattern: ['^/([a-z0-9]+(-[a-z0-9]+)*/)+$', 'a site path of slugs such as /about/'],
      hint: 'Leave empty for /<file name>/.',
    },
    datetime('updated', 'Updated', timezone, false),
    { name: 'draft', label: 'Draft', widget: 'boolean', required: false, default: false },
    aliases('page'),
    body('Text', true, EDITOR_COMPONENTS),
  ];
}

/**
 * The Decap CMS configuration of a newsroom, made from Broadsheet's schema
 * (src/content/schema.ts) and site.yml: articles in year folders, authors
 * and sections as the relations articles pick from, pages; media into
 * public/images; editorial workflow on. Pure, and the same for the same input.
 */
export function cmsConfig(input: CmsConfigInput): CmsConfig {
  const { backend } = input.admin;
  if (!backend) throw new Error('the web editor needs a backend (the schema requires one when it is on)');
  const folder = (name: string) => [input.contentFolder, name].filter((part) => part !== '' && part !== '.').join('/');
  const common = { create: true, extension: 'md', format: 'frontmatter' };
  const mediaFolder = [input.publicFolder, 'images'].filter((part) => part !== '' && part !== '.').join('/');
  return {
    backend: {
      name: backend.name,
      repo: backend.repo,
      branch: backend.branch,
      ...(backend.base_url ? { base_url: backend.base_url } : {}),
      ...(backend.auth_endpoint ? { auth_endpoint: backend.auth_endpoint } : {}),
    },
    publish_mode: 'editorial_workflow',
    media_folder: mediaFolder,
    public_folder: '/images',
    site_url: input.site.url,
    display_url: input.site.url,
    // Broadsheet's slugs: lowercase ASCII words joined by "-".
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articles',
        label: 'Articles',
        label_singular: 'Article',
        folder: folder('articles'),
        ...common,
        // New stories go where Broadsheet keeps them: a folder per year, the date before the slug.
        path: '{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}',
        // A collection with a path would keep its pictures next to each story; Broadsheet's are in public/ (a leading / is the project root).
        media_folder: `/${mediaFolder}`,
        public_folder: '/images',
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: ['date', 'title'],
        fields: articleFields(input.site.timezone),
      },
      {
        name: 'authors',
        label: 'Authors',
        label_singular: 'Author',
        folder: folder('authors'),
        ...common,
        slug: '{{slug}}',
        identifier_field: 'name',
        summary: '{{name}}',
        fields: authorFields(),
      },
      {
        name: 'sections',
        label: 'Sections',
        label_singular: 'Section',
        folder: folder('categories'),
        ...common,
        slug: '{{slug}}',
        identifier_field: 'name',
        summary: '{{name}}',
        fields: sectionFields(),
      },
      {
        name: 'pages',
        label: 'Pages',
        label_singular: 'Page',
        folder: folder('pages'),
        ...common,
        slug: '{{slug}}',
        summary: '{{title}}',
        fields: pageFields(input.site.timezone),
      },
    ],
  };
}

/** The configuration as `admin/config.yml` holds it, with a first line saying where it comes from. */
export function renderCmsConfig(config: CmsConfig): string {
  return `# Made by Broadsheet from its schema and content/site.yml on every build: change site.yml, not this file.\n${stringify(config, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
