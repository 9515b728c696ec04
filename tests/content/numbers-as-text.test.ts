import { describe, expect, test } from 'vitest';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { formatProblem } from '../../src/util/problems.js';
import { article, AUTHORS, CATEGORIES, sources, validArticle } from '../helpers/sources.js';

const options: ValidateOptions = { now: Date.parse('2026-01-01T00:00:00Z'), drafts: false, future: false, assetExists: (p) => p === '/images/harbour.jpg' };

function validate(articleText: string, extra: Parameters<typeof sources>[1] = {}) {
  const result = validateContent(sources({ 'a.md': articleText }, extra), options);
  return { problems: result.problems.map(formatProblem), content: result.content };
}

describe('a number in a free-text field is read as the text written', () => {
  test.each([
    ['a tag - 47 in a block list', { tags: '\n  - 47\n  - Harbour' }, { tags: [{ name: '47', slug: '47' }, { name: 'Harbour', slug: 'harbour' }] }],
    ['a year as a tag', { tags: '[2024, Elections]' }, { tags: [{ name: '2024', slug: '2024' }, { name: 'Elections', slug: 'elections' }] }],
    ['a single tag written as a number', { tags: '1984' }, { tags: [{ name: '1984', slug: '1984' }] }],
    ['a negative number', { tags: '[-5]' }, { tags: [{ name: '-5', slug: '5' }] }],
    ['a decimal written in its shortest form', { tags: '[2.5]' }, { tags: [{ name: '2.5', slug: '2-5' }] }],
    ['a title', { title: '1984' }, { title: '1984' }],
    ['a summary', { summary: '42' }, { summary: '42' }],
    ['an image alt, caption and credit', { image: '{src: /images/harbour.jpg, alt: 2024, caption: 3, credit: 1999}' }, { image: { src: '/images/harbour.jpg', alt: '2024', caption: '3', credit: '1999' } }],
    ['a correction text', { corrections: '[{date: 2025-03-15, text: 12}]' }, { corrections: [{ date: { epoch: Date.parse('2025-03-15T00:00:00Z'), hasTime: false }, text: '12' }] }],
  ])('%s', (_, fields, expected) => {
    const { problems, content } = validate(validArticle(fields));
    expect(problems).toEqual([]);
    expect(content?.articles[0]).toMatchObject(expected);
  });

  test("an author's name and role and a section's name and description", () => {
    const { problems, content } = validate(validArticle(), {
      authors: { ...AUTHORS, 'jane-doe': '---\nname: 1984\nrole: 7\n---\nBio.\n' },
      categories: { ...CATEGORIES, news: '---\nname: 2024\ndescription: 100\norder: 1\n---\nThe news.\n' },
    });
    expect(problems).toEqual([]);
    expect(content?.authors.find((a) => a.slug === 'jane-doe')).toMatchObject({ name: '1984', role: '7' });
    expect(content?.categories.find((c) => c.slug === 'news')).toMatchObject({ name: '2024', description: '100', order: 1 });
  });
});

describe('numbers that reading as text would change, and values that are not text, stay errors', () => {
  const line = (n: number, column: number, message: string) => `content/articles/a.md:${n}:${column} error: ${message}`;
  test.each([
    ['a leading zero', { tags: '[007]' }, [line(6, 8, 'tags.0: must be text, but YAML read 7 as a number; put the value in quotes')]],
    ['a trailing zero', { title: '1.10' }, [line(2, 1, 'title: must be text, but YAML read 1.1 as a number; put the value in quotes')]],
    ['a leading zero in a title', { title: '01234' }, [line(2, 1, 'title: must be text, but YAML read 1234 as a number; put the value in quotes')]],
    ['an exponent', { tags: '[1e3]' }, [line(6, 8, 'tags.0: must be text, but YAML read 1000 as a number; put the value in quotes')]],
    ['a plus sign', { tags: '[+5]' }, [line(6, 8, 'tags.0: must be text, but YAML read 5 as a number; put the value in quotes')]],
    ['hexadecimal', { summary: '0x1F' }, [line(7, 1, 'summary: must be text, but YAML read 31 as a number; put the value in quotes')]],
    ['true as a tag', { tags: 'true' }, [line(6, 1, 'tags.0: must be text, but YAML read true as a boolean; put the value in quotes')]],
    ['false in a tag list', { tags: '[Harbour, false]' }, [line(6, 17, 'tags.1: must be text, but YAML read false as a boolean; put the value in quotes')]],
    ['an empty tag', { tags: '[Harbour, null]' }, [line(6, 17, 'tags.1: is empty; give it a value or delete the line')]],
    ['a boolean title', { title: 'false' }, [line(2, 1, 'title: must be text, but YAML read false as a boolean; put the value in quotes')]],
  ])('%s', (_, fields, expected) => {
    expect(validate(validArticle(fields)).problems).toEqual(expected);
  });

  test('YAML 1.2 reads yes as text: tags: yes is the tag "yes", draft: yes is refused', () => {
    expect(validate(validArticle({ tags: 'yes' })).content?.articles[0]?.tags).toEqual([{ name: 'yes', slug: 'yes' }]);
    expect(validate(validArticle({ draft: 'yes' })).problems).toEqual([line(7, 1, 'draft: must be true or false, not text')]);
  });

  test('numbers where a number is meant are never read as text, nor text as numbers', () => {
    expect(validate(validArticle(), { categories: { ...CATEGORIES, business: '---\nname: Business\norder: "2"\n---\n' } }).problems).toEqual([
      'content/categories/business.md:3:1 error: order: must be a number, not text',
    ]);
    const site = 'title: T\nurl: https://x.example/\nlanguage: en\ntimezone: UTC\nrelated: {count: "5"}\n';
    expect(validate(validArticle(), { site }).problems).toEqual(['content/site.yml:5:11 error: related.count: must be a number, not text']);
  });

  test('slugs are not free text: an author or section written as a number stays an error', () => {
    expect(validate(article({ title: 'A', date: '2025-01-01', authors: '[2024]', category: 'news' })).problems).toEqual([
      line(4, 11, 'authors.0: must be text, but YAML read 2024 as a number; put the value in quotes'),
    ]);
    expect(validate(validArticle({ category: '7' })).problems).toEqual([line(5, 1, 'category: must be text, but YAML read 7 as a number; put the value in quotes')]);
  });
});
