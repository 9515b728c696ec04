import { describe, expect, test } from 'vitest';
import { parseS3Target } from '../../src/deploy/s3-target.js';

describe('s3://BUCKET[/PREFIX]', () => {
  test.each([
    ['s3://courier-site', { bucket: 'courier-site', prefix: '' }],
    ['s3://courier-site/', { bucket: 'courier-site', prefix: '' }],
    ['s3://courier-site/news', { bucket: 'courier-site', prefix: 'news/' }],
    ['s3://courier-site/news/2026/', { bucket: 'courier-site', prefix: 'news/2026/' }],
  ])('%s', (text, expected) => {
    expect(parseS3Target(text)).toEqual(expected);
  });

  test.each([
    ['courier-site', /is not an S3 address/],
    ['https://courier-site.s3.amazonaws.com/', /is not an S3 address/],
    ['s3://Courier_Site', /is not a bucket name/],
    ['s3://courier-site/a//b', /no empty, "\." or "\.\." parts/],
    ['s3://courier-site/../other', /no empty, "\." or "\.\." parts/],
  ])('%s is refused', (text, message) => {
    const result = parseS3Target(text);
    expect('error' in result && result.error).toMatch(message);
  });
});
