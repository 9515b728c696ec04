import type { CheerioAPI } from 'cheerio';
import type { HostileCase } from './cases.js';

/*
 * Hostile embeds: addresses that would put a frame from a host the
 * newsroom did not allow on a page, or a script, a style or srcdoc through a
 * directive's attributes; and a story with ten thousand embeds.
 */

const article = (slug: string, body: string): Record<string, string> => ({
  [`articles/${slug}.md`]: `---\ntitle: "An embed case"\ndate: 2025-03-14T08:30:00\nauthors: [jane-doe]\ncategory: news\n---\nThe first paragraph.\n\n${body}\n`,
});

/** The body's first line is the file's line 7, and the embed comes after a blank line: line 9. */
const EMBED_LINE = 9;

const refused = (slug: string, name: string, url: string): HostileCase => ({
  kind: 'body',
  name,
  files: article(slug, `::embed{url="${url}" title="A frame"}`),
  outcome: { refused: { message: /::embed address is not one of an allowed provider/, line: EMBED_LINE } },
});

/** Embeds that must be refused, each an error at its line. */
export const REFUSED_EMBED_CASES: readonly HostileCase[] = [
  refused('embed-001', 'a javascript: address', 'javascript:alert(process.env.BROADSHEET_CANARY)'),
  refused('embed-002', 'a data: address', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
  refused('embed-003', 'an http: address of a provider', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'),
  refused('embed-004', 'a host not allowed', 'https://evil.example/embed/x'),
  refused('embed-005', 'a look-alike host', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ'),
  refused('embed-006', 'a user part that hides the host', 'https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ'),
  refused('embed-007', 'an open redirect on an allowed host', 'https://www.youtube.com/redirect?q=https%3A%2F%2Fevil.example%2F'),
  refused('embed-008', 'a path that climbs out of the embed path', 'https://www.youtube.com/embed/dQw4w9WgXcQ/../../redirect?q=https://evil.example/'),
  refused('embed-009', 'a Mastodon address on a server not allowed', 'https://evil.example/@user/109302123456789012'),
  {
    kind: 'limit',
    name: '10,000 embeds in one story',
    files: article('embed-010', Array.from({ length: 10_000 }, (_, i) => `::embed{url="https://vimeo.com/${i + 1}" title="Video ${i + 1}"}`).join('\n\n')),
    outcome: { refused: { message: /more than 50 embeds in one story/, line: EMBED_LINE + 100 } },
  },
  {
    kind: 'body',
    name: 'an embed written as a container around text',
    files: article('embed-011', ':::embed{url="https://vimeo.com/1"}\nWatch now.\n:::'),
    outcome: { refused: { message: /:::embed is not an embed/, line: EMBED_LINE } },
  },
];

const noFrameOrScript = (page: CheerioAPI): void => {
  const found = page('.story-body').find('iframe, script, style, object, embed, [srcdoc], [style], [onload], [onerror]');
  if (found.length > 0) throw new Error(`the body holds ${found.map((_, el) => el.tagName).get().join(', ')}`);
};

/** Embeds that render, with nothing active: look-alikes stay links, other attributes are dropped with a warning. */
export const SAFE_EMBED_CASES: readonly HostileCase[] = [
  {
    kind: 'body',
    name: 'srcdoc, style and an event handler as directive attributes',
    files: article('embed-101', '::embed{url="https://vimeo.com/76979871" title="Safe" srcdoc="<script>alert(1)</script>" style="position:fixed;inset:0" onload="alert(1)"}'),
    outcome: {
      renders: {
        url: '/news/embed-101/',
        warning: /::embed attribute "srcdoc" ignored/,
        check: (page) => {
          noFrameOrScript(page);
          if (page('.story-body .embed[data-embed-src="https://player.vimeo.com/video/76979871?dnt=1"]').length !== 1) throw new Error('the facade is missing');
        },
      },
    },
  },
  {
    kind: 'body',
    name: 'a look-alike host alone on a line stays a link',
    files: article('embed-102', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ'),
    outcome: {
      renders: {
        url: '/news/embed-102/',
        check: (page) => {
          noFrameOrScript(page);
          if (page('.story-body .embed').length !== 0) throw new Error('a look-alike became an embed');
          if (page('.story-body a[href="https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ"]').length !== 1) throw new Error('the link is gone');
          if (page('script[src*="embeds"]').length !== 0) throw new Error('the embed script is loaded without an embed');
        },
      },
    },
  },
  {
    kind: 'body',
    name: 'a facade written as raw HTML is removed',
    files: article('embed-103', '<div class="embed" data-embed-kind="video" data-embed-src="https://evil.example/"><a class="embed-link" href="https://evil.example/">Play</a></div>'),
    outcome: {
      renders: {
        url: '/news/embed-103/',
        check: (page) => {
          if (page('[data-embed-src]').length !== 0) throw new Error('raw HTML made a facade');
          if (page('script[src*="embeds"]').length !== 0) throw new Error('the embed script is loaded without an embed');
        },
      },
    },
  },
];
