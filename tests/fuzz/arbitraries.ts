import fc from 'fast-check';
import { stringify } from 'yaml';

/*
 * Generators for the fuzz tests, free of vitest so that bench/fuzz-times.ts
 * can time the same inputs (see expectations.ts for the shared checks).
 */

/** Every property runs from this seed, so a failure is the same failure on every machine. */
export const SEED = 20261125;

/** Lines as the loader counts them: a BOM is dropped and CRLF or CR alone ends a line. */
export const lineCount = (text: string): number => text.replace(/^\uFEFF/, '').split(/\r\n?|\n/).length;

/** Strings an outside contributor might write to break a page, a path or a parser. */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  'JaVaScRiPt&#58;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/images/../../secret.jpg',
  '/images/ok.jpg',
  '//evil.test/x.jpg',
  'https://evil.test/x.jpg',
  '{{ 6 | times: 7 }}',
  '{% raw %}',
  '{{ constructor.constructor("return process")() }}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  'prototype',
  'CON',
  'nul',
  'news',
  'jane-doe',
  'Harbour',
  '',
  ' ',
  '\t',
  '\u0000',
  '\uD800',
  '\uDC00x',
  '\u202E',
  '\uFEFF',
  '\uFFFD',
  'ß',
  'İstanbul',
  '日本語のニュース',
  '🦀🦀',
  'e\u0301',
  'yes',
  'NO',
  'null',
  '~',
  '0x1F',
  '1e3',
  '.inf',
  '---',
  '...',
  '- item',
  'key: value',
  '#comment',
  '&anchor',
  '*alias',
  '!!binary',
  'x'.repeat(300),
];

const WORDS = ['harbour', 'council', 'budget', 'tram', 'lifeboat', 'storm', 'Port', 'Ellery', 'news', 'sport', 'Culture'];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...WORDS), weight: 2 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  {
    arbitrary: fc.array(fc.constantFrom(...HOSTILE_STRINGS, ...WORDS, ' ', '\n'), { maxLength: 6 }).map((parts) => parts.join('')),
    weight: 2,
  },
);

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Dates as editors write them, well and badly: 2024-02-29, 2024-02-30, 2024-13-01T25:61… */
export const dateText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2024-02-29',
    '2024-02-30',
    '2023-02-29',
    '2025-04-31',
    '2025-03-14T08:30:00',
    '2025-03-30T01:30:00',
    '2025-10-26 01:30',
    '2025-03-14T08:30:00Z',
    '2025-03-14T08:30:00+05:30',
    '2025-03-14T08:30:00.123456789-09:00',
    '2024-W01',
    '2024-100',
    '14/03/2025',
    'yesterday',
    '0000-00-00',
    '9999-12-31T23:59:59',
    '+275760-09-13',
  ),
  fc
    .record({
      year: fc.integer({ min: 0, max: 10_000 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      time: fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }))),
      zone: fc.constantFrom('', 'Z', '+01:00', '-0930', '+14', '+25:00'),
      separator: fc.constantFrom('T', ' '),
    })
    .map(({ year, month, day, time, zone, separator }) => {
      const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
      return time ? `${date}${separator}${pad(time[0], 2)}:${pad(time[1], 2)}:${pad(time[2], 2)}${zone}` : date;
    }),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText, weight: 5 },
  { arbitrary: dateText, weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

const POLLUTERS = ['__proto__', 'constructor', 'prototype', 'polluted', 'isAdmin', 'toString', 'hasOwnProperty', 'valueOf'];

/** Plain YAML-able data nested a few levels, with keys that target prototypes. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { arbitrary: scalar, weight: 4 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    {
      arbitrary: fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...POLLUTERS), fc.string({ maxLength: 8 })), tie('value')), { maxLength: 4 })
        .map((entries) => new Map(entries)),
      weight: 1,
    },
    { arbitrary: fc.constant(new Map<string, unknown>([['polluted', 1], ['isAdmin', true]])), weight: 1 },
  ),
})).value;

/** A value for a known field: of the right shape `odds` times in `odds + 1`. */
const field = <T>(plausible: fc.Arbitrary<T>, odds: number): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: plausible, weight: odds }, { arbitrary: anyValue, weight: 1 });

const slugText = fc.oneof(fc.constantFrom('news', 'jane-doe', 'harbour-opens', 'sport/cup-final', 'a', 'CON', 'x-', ''), hostileText);

const ordinaryText = fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 30 }));
const ordinaryDate = fc.constantFrom('2025-03-14', '2024-02-29', '2025-03-14T08:30:00', '2025-10-26 01:30', '2025-03-14T08:30:00+05:30');

/**
 * An article's front matter, plus engine keys and prototype keys. `wild`:
 * every key optional and often of the wrong shape; `plausible`: the
 * required keys present and usually sound, so the later checks run too.
 */
export const articleFrontMatter = (mode: 'wild' | 'plausible'): fc.Arbitrary<Map<string, unknown>> => {
  const odds = mode === 'wild' ? 3 : 25;
  const text = mode === 'wild' ? hostileText : fc.oneof({ arbitrary: ordinaryText, weight: 3 }, { arbitrary: hostileText, weight: 1 });
  const date = mode === 'wild' ? dateText : fc.oneof({ arbitrary: ordinaryDate, weight: 4 }, { arbitrary: dateText, weight: 1 });
  const slug =
    mode === 'wild' ? slugText : fc.oneof({ arbitrary: fc.constantFrom('news', 'jane-doe', 'sport'), weight: 4 }, { arbitrary: slugText, weight: 1 });
  return fc
    .tuple(
      fc.record(
        {
          title: field(text, odds),
          summary: field(text, odds),
          date: field(date, odds),
          updated: field(date, odds),
          authors: field(fc.oneof(slug, fc.array(slug, { maxLength: 3 })), odds),
          author: field(slug, odds),
          category: field(slug, odds),
          tags: field(fc.oneof(text, fc.array(text, { maxLength: 4 })), odds),
          image: field(
            fc.record(
              {
                src: fc.oneof(
                  { arbitrary: fc.constantFrom('/images/harbour.jpg', '/images/a.b.c.png'), weight: mode === 'wild' ? 1 : 6 },
                  { arbitrary: hostileText, weight: 1 },
                ),
                alt: text,
                caption: text,
                credit: text,
                onerror: hostileText,
              },
              { requiredKeys: mode === 'wild' ? [] : ['src', 'alt'] },
            ),
            odds,
          ),
          slug: field(slug, odds),
          draft: field(fc.boolean(), odds),
          related: field(fc.oneof(fc.constant(false), fc.array(slug, { maxLength: 3 })), odds),
        },
        { requiredKeys: mode === 'wild' ? [] : ['title', 'date', 'authors', 'category'] },
      ),
      fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(
              ...POLLUTERS,
              'layout',
              'permalink',
              'eleventyComputed',
              'templateEngineOverride',
              'pagination',
              'eleventyExcludeFromCollections',
              'tilte',
              'Title',
              'tag',
              '',
              ' ',
              '<script>',
            ),
            fc.string({ maxLength: 10 }),
          ),
          fc.oneof(anyValue, fc.constant(new Map([['polluted', 1]])), fc.constantFrom('layouts/evil.njk', '/../../etc/passwd', '{{ page.url }}')),
        ),
        { maxLength: mode === 'wild' ? 4 : 2 },
      ),
      fc.boolean(),
    )
    .map(([known, extra, alias]) => {
      const fields: Record<string, unknown> = { ...known };
      if (mode === 'plausible') {
        // `author:` alone is the accepted alias; both at once is an error the wild mode covers.
        delete fields.author;
        if (alias) [fields.author, fields.authors] = [fields.authors, undefined];
      }
      return new Map<string, unknown>([...Object.entries(fields).filter(([, value]) => value !== undefined), ...extra]);
    });
};

/** The data a YAML parser should give back for what `articleFrontMatter` generated. */
export function asPlainData(value: unknown): unknown {
  if (value instanceof Map) {
    const object: Record<string, unknown> = {};
    // defineProperty, so that "__proto__" is a key like any other, as in YAML.
    for (const [key, item] of value) {
      Object.defineProperty(object, String(key), { value: asPlainData(item), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  if (Array.isArray(value)) return value.map(asPlainData);
  return value;
}

const YAML_TOKENS = [
  ':', ': ', '-', '- ', '[', ']', '{', '}', ',', '&a', '&b ', '*a', '*b', '!', '!!str ', '!!binary ', '!!js/function ', '!foo ',
  '|', '|-', '>', '>+', '#', ' #', '"', "'", '\\', '\t', ' ', '  ', '\n', '\n', '\n  ', '\n- ', '? ', '<<: ', '%YAML 1.1\n', '...',
  '---', '--- ', '__proto__', 'constructor', 'title', 'title: ', 'date: ', 'authors: ', 'tags: ', 'image: ', 'src: ', 'layout: ',
  'permalink: ', 'eleventyComputed: ', 'polluted', '2024-02-30', '0x1F', '1e999', '.nan', 'null', '~', 'yes', 'word', 'Harbour',
  '\u0000', '\uD800', '\u2028', '\uFEFF', '日本', '{{ x }}', '`', '@', '%',
];

/** Text from YAML's punctuation, which parsers find hardest. */
export const yamlishText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...YAML_TOKENS), weight: 6 }, { arbitrary: fc.string({ maxLength: 4 }), weight: 1 }), {
    maxLength: 60,
  })
  .map((tokens) => tokens.join(''));

/** Opening fences, right and wrong: other languages, spaces, a BOM, a blank line first. */
export const openingFence = fc.oneof(
  { arbitrary: fc.constant('---'), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '---yaml',
      '--- yaml',
      '---yml ',
      '---YAML',
      '---js',
      '---javascript',
      '---JSON',
      '---json',
      '---toml',
      '---coffee',
      '--- js ',
      '---constructor',
      '---__proto__',
      '---toString',
      '----',
      '--',
      '\uFEFF---',
      '\uFEFF\uFEFF---',
      ' ---',
      '\n---',
      '\n\n---',
      '',
    ),
    weight: 1,
  },
);

export const closingFence = fc.oneof(
  { arbitrary: fc.constant('---'), weight: 3 },
  { arbitrary: fc.constantFrom('--- ', '---\t', '---x', '----', '...', '', '---yaml'), weight: 1 },
);

export const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r');

const MARKDOWN_TOKENS = [
  '*', '**', '_', '__', '[', ']', '(', ')', '<', '>', '#', '# ', '`', '```', '~~~', '-', '- ', '|', '| --- |', '!', '![', '~', '~~', '\\',
  '&', ';', '&amp;', '&#58;', '&colon;', '&#x3A;', '\n', '\n', '\n\n', ' ', '  ', '    ', '\t', '1.', '2.', '3)', '10.', '[^1]', '[^1]: ',
  'word', 'Harbour', 'council', 'http://x.test/', 'https://bugle.example.org/local', 'mailto:a@x.test', 'javascript:', 'JaVaScRiPt&#58;',
  'java\tscript:', '&#106;avascript:', 'data:text/html,', 'vbscript:', 'file:///etc/passwd', '<script>', '</script>', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src="javascript:alert(1)">', '<style>body{}</style>', '<a href="javascript:x">',
  '<object data=x>', '<embed src=x>', '<math><mi xlink:href="javascript:alert(1)">', '<!--', '-->', '<![CDATA[', '{{ 6 | times: 7 }}', '{% raw %}',
  '{% endraw %}', '{{ constructor.constructor("return process")() }}', '{{', '}}', '{%', '%}', '\u0000', '\uD800', '\uDFFF', '\u00A0', '\u2028',
  '\uFEFF', 'e\u0301', '🦀', '日本語', '<http://x.test/>', '<javascript:alert(1)>', 'www.x.test', 'a@x.test',
];

/** Text from Markdown's punctuation and from XSS and template payloads. */
export const markdownText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...MARKDOWN_TOKENS), weight: 8 }, { arbitrary: fc.string({ maxLength: 4 }), weight: 1 }), {
    maxLength: 120,
  })
  .map((tokens) => tokens.join(''));

/** Link and image syntax with hostile destinations, which token soup rarely assembles. */
export const markdownLinks: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom('[a](', '![a](', '[a]: ', '<', '[a](<'),
      fc.constantFrom(
        'javascript:alert(1)',
        'JaVaScRiPt&#58;alert(1)',
        'java%0ascript:alert(1)',
        'java&#x09;script:alert(1)',
        '&#x6A;avascript:alert(1)',
        ' javascript:alert(1)',
        '\u0001javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox',
        'file:///etc/passwd',
        'http://x.test/',
        'https://x.test/a?b=c#d',
        'mailto:a@x.test',
        'tel:+441234',
        '/local/path',
        '../up',
        '#frag',
        '//evil.test/',
        'x" onmouseover="alert(1)',
      ),
      fc.constantFrom(')', ' "t")', '>)', '>', '\n', ' "x" onclick="y")'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((links) => links.map((parts) => parts.join('')).join('\n\n'));

/** A file whose front matter is YAML written by the `yaml` package from generated fields. */
export const stringifiedFile = fc
  .record({
    data: fc.oneof(articleFrontMatter('wild'), articleFrontMatter('plausible')),
    body: markdownText,
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ data, body, crlf, bom }) => {
    const yaml = stringify(data);
    const lf = `---\n${yaml}---\n${body}`;
    return { data, yaml, text: `${bom ? '\uFEFF' : ''}${crlf ? lf.replace(/\n/g, '\r\n') : lf}`, crlf };
  });

/** A file whose front matter is raw YAML-ish punctuation, inside right and wrong fences. */
export const rawFile = fc
  .record({ opening: openingFence, yaml: yamlishText, closing: closingFence, body: markdownText, eol: lineBreak })
  .map(({ opening, yaml, closing, body, eol }) => [opening, yaml, closing, body].join(eol));

/** Any of the above, or a nearly valid article, so that the schema's own checks run often. */
export const articleFile: fc.Arbitrary<string> = fc.oneof(
  stringifiedFile.map(({ text }) => text),
  rawFile,
  fc
    .record({ title: hostileText, tags: fc.array(hostileText, { maxLength: 3 }), extra: yamlishText })
    .map(({ title, tags, extra }) => `---\n${stringify({ title, date: '2025-03-14', authors: ['jane-doe'], category: 'news', tags })}${extra}\n---\nBody.\n`),
);

/** Where the pipeline fuzz test and its benchmark say the generated article is. */
export const FUZZ_ARTICLE_PATH = 'content/articles/2025/2025-03-14-harbour-reopens-after-storm-repairs.md';

/**
 * Front matter in the sample newsroom's style, for generated bodies;
 * checkArticle does not look at other files, so the author need not exist.
 */
export const FUZZ_FRONT_MATTER = `---
title: Harbour reopens after storm repairs
summary: Fishing boats return to the inner harbour three months after the December storm.
date: 2025-03-14T09:00:00
authors:
  - jane-doe
category: news
tags:
  - Harbour
  - Storms
image:
  src: /images/harbour.jpg
  alt: Boats moored in the inner harbour at dawn
  caption: The inner harbour on the morning it reopened.
  credit: "Photo: Courier staff"
---
`;

/**
 * How to write a deeply nested or repetitive body, kept as a recipe so that
 * a counterexample prints in one line: a prefix repeated k times on one
 * line; a list or quote nested one level more on each of k lines, indented as
 * editors do (1 to 4 columns, a tab, a quote); or an inline run.
 */
export type DeepRecipe =
  | { shape: 'prefix'; unit: string; k: number; tail: string }
  | { shape: 'lines'; indent: string; marker: string; k: number }
  | { shape: 'inline'; unit: string; k: number };

export const deepRecipe: fc.Arbitrary<DeepRecipe> = fc.oneof(
  fc.record({
    shape: fc.constant('prefix' as const),
    unit: fc.constantFrom('>', '> ', '- ', '* ', '+ ', '1. ', '1) ', '> - ', '- > ', '>\t', ' > ', '* > 1. '),
    k: fc.integer({ min: 1, max: 400 }),
    tail: markdownText,
  }),
  fc.record({
    shape: fc.constant('lines' as const),
    indent: fc.constantFrom('  ', ' ', '   ', '    ', '\t', '  > ', '> '),
    marker: fc.constantFrom('- ', '* ', '1. ', '10) ', '> ', '>'),
    k: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({
    shape: fc.constant('inline' as const),
    unit: fc.constantFrom('[', '*a', '_a', '[a](', '![', '<a ', '`', '**', '~~a', '[^a]', '](', '<!--', '&#'),
    k: fc.integer({ min: 1, max: 400 }),
  }),
);

export function deepText(recipe: DeepRecipe): string {
  switch (recipe.shape) {
    case 'prefix':
      return recipe.unit.repeat(recipe.k) + recipe.tail;
    case 'lines':
      return Array.from({ length: recipe.k }, (_, i) => `${recipe.indent.repeat(i)}${recipe.marker}item ${i}`).join('\n');
    case 'inline':
      return recipe.unit.repeat(recipe.k);
  }
}
