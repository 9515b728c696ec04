import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, renderHeaders } from '../../../src/outputs/seo/headers.js';

describe('_headers', () => {
  test('every SVG file gets a sandbox of its own, by its path, under the path prefix', () => {
    const { content } = renderHeaders({ url: 'https://example.org/news/' }, ['/img/*'], [], ['/images/logo.svg', '/images/a chart*:x.svg']);
    expect(content).toBe(
      [
        '/news/*',
        `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
        '  X-Content-Type-Options: nosniff',
        '  Referrer-Policy: strict-origin-when-cross-origin',
        '  X-Frame-Options: DENY',
        '/news/images/a%20chart%2A%3Ax.svg',
        '  Content-Security-Policy: sandbox',
        '/news/images/logo.svg',
        '  Content-Security-Policy: sandbox',
        '/news/img/*',
        '  Cache-Control: public, max-age=31536000, immutable',
        '',
      ].join('\n'),
    );
  });

  test("the comment endpoint's origin is one source of form-action", () => {
    const { content } = renderHeaders({ url: 'https://example.org/' }, [], ['https://comments.example.org']);
    expect(content).toContain("form-action 'self' https://comments.example.org; frame-ancestors 'none'");
  });
});
