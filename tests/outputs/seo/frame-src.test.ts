import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, renderHeaders } from '../../../src/outputs/seo/headers.js';

describe('frame-src in the CSP', () => {
  test('names the frame origins given, after default-src', () => {
    const policy = contentSecurityPolicy([], ['https://player.vimeo.com', 'https://www.youtube-nocookie.com']);
    expect(policy.split('; ').slice(0, 2)).toEqual(["default-src 'self'", 'frame-src https://player.vimeo.com https://www.youtube-nocookie.com']);
  });

  test('is left out without embeds: the policy is what it was', () => {
    expect(contentSecurityPolicy([], [])).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-src');
  });

  test('reaches _headers', () => {
    const { content } = renderHeaders({ url: 'https://example.org/' }, [], [], [], ['https://flo.uri.sh']);
    expect(content).toContain("default-src 'self'; frame-src https://flo.uri.sh; script-src");
  });
});
