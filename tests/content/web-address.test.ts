import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/util/problems.js';
import { validateContent } from '../../src/content/validate.js';
import { endpointProblem, siteUrlProblem } from '../../src/content/web-address.js';
import { sources } from '../helpers/sources.js';

const options = { now: Date.UTC(2026, 0, 1), drafts: false, future: false, assetExists: () => true };
const site = (lines: string) => `title: T\n${lines}\nlanguage: en\ntimezone: UTC\n`;
const report = (text: string) => validateContent(sources({}, { site: text }), options).problems.map(formatProblem);

describe('the comment endpoint: an https origin and a path, nothing else', () => {
  test.each(['https://comments.example.org/post', 'https://comments.example.org', 'https://c.example.org:8443/v3/entry/github/x/y/main/comments', 'https://c.example.org/a%20b/'])(
    '%s is an endpoint',
    (value) => expect(endpointProblem(value)).toBeUndefined(),
  );

  test.each([
    ['https://x;sandbox/entry', 'has the host "x;sandbox", which is not a name of letters, digits, "-" and "."'],
    ["https://x.org 'unsafe-inline'/entry", `has the host "x.org 'unsafe-inline'", which is not a name of letters, digits, "-" and "."`],
    ['https://x.org,evil.example/', 'has the host "x.org,evil.example", which is not a name of letters, digits, "-" and "."'],
    ['https://x.org/entry;sandbox', 'has ";" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
    ['https://x.org/a\nb', 'has "\\n" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
    ['https://x.org/a*', 'has "*" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
    ['https://x.org/%zz', 'has "%" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
    ['https://x.org/post?key=1', 'must not have a query (?…) or a fragment (#…)'],
    ['https://x.org/post#top', 'must not have a query (?…) or a fragment (#…)'],
    ['https://u:p@x.org/', 'must not hold a user name or password'],
    ['https://x.org:99999/', 'has the port 99999, above 65535'],
    ['https://[::1]/', 'has the host "[::1]", which is not a name of letters, digits, "-" and "."'],
    ['http://x.org/', 'must be an https:// address'],
    ['//x.org/', 'must be an https:// address'],
  ])('%j is refused: %s', (value, problem) => expect(endpointProblem(value)).toBe(problem));

  test('refused in site.yml at its line, so nothing reaches the CSP', () => {
    expect(report(site('url: https://x.example/\ncomments:\n  endpoint: "https://x;sandbox/entry"'))).toEqual([
      'content/site.yml:4:3 error: comments.endpoint: has the host "x;sandbox", which is not a name of letters, digits, "-" and "."',
    ]);
  });
});

describe("the site's url: goes into _headers, _redirects and robots.txt", () => {
  test.each(['https://courier.example.org/', 'https://example.org/news', 'http://localhost:8080/', 'https://example.org/a%20b/'])('%s is a site address', (value) =>
    expect(siteUrlProblem(value)).toBeUndefined(),
  );

  test.each([
    ['https://x.org/a?b=1', 'must not have a query (?…) or a fragment (#…)'],
    ['https://x.org/#top', 'must not have a query (?…) or a fragment (#…)'],
    ['https://x.org/a b/', 'has " " in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
    ['https://x.org/:slug/', 'has ":" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
    ['https://x.org/*/', 'has "*" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
    ['https://x.org/a\n/b 301', 'has "\\n" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
    ['https://user:pw@x.org/', 'must not hold a user name or password'],
    ['https://x_y.org/', 'has the host "x_y.org", which is not a name of letters, digits, "-" and "."'],
    ['ftp://x.org/', 'must be an http(s) address'],
    ['not a url', 'must be an http(s) address'],
  ])('%j is refused: %s', (value, problem) => expect(siteUrlProblem(value)).toBe(problem));

  test('refused in site.yml at its line (before, a query crashed the build naming no file)', () => {
    expect(report(site('url: "https://x.example/news?x=1"'))).toEqual(['content/site.yml:2:1 error: url: must not have a query (?…) or a fragment (#…)']);
  });
});
