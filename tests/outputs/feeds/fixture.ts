import type { FeedInput, FeedItem } from '../../../src/outputs/feeds/feed-input.js';

export const SITE_URL = 'https://courier.example.org/';

/** Every string a feed must carry as text, not markup. */
export const HOSTILE_TITLE = `</script><script>alert(1)</script> ]]> Fish & "chips" 'n' peas`;
export const HOSTILE_SUMMARY = 'Dockers & owners agree <b>terms</b> ]]> at last';

/** Newest first: an updated story with a hostile title, then one by two authors. */
export function fixtureFeed(): FeedInput {
  const updatedStory: FeedItem = {
    url: `${SITE_URL}business/harbour-deal/`,
    title: HOSTILE_TITLE,
    summary: HOSTILE_SUMMARY,
    contentHtml: [
      '<p>Read <a href="/news/earlier-talks/">the earlier talks</a> and <a href="notes/#vote">the notes</a>.</p>',
      '<p><img src="/images/harbour.jpg" alt="Cranes ]]> at dusk" srcset="/images/harbour-2x.jpg 2x"></p>',
      '<blockquote cite="/news/statement/"><p>We agree.</p></blockquote>',
      '<p>Code: <code>a[b[0]]&gt;c &amp;&amp; d</code> <a href="https://elsewhere.example/">out</a></p>',
    ].join('\n'),
    published: '2025-03-14T08:30:00+00:00',
    updated: '2025-03-15T10:00:00+00:00',
    authors: [{ name: 'Jane Doe', url: `${SITE_URL}authors/jane-doe/` }],
    categories: ['Business', 'Harbour & Docks'],
    image: { url: `${SITE_URL}images/harbour.jpg`, alt: 'Cranes at dusk' },
  };
  const sharedStory: FeedItem = {
    url: `${SITE_URL}business/rates-rise/`,
    title: 'Rates rise again',
    summary: 'The bank moved for the third time.',
    contentHtml: '<p>The bank <a href="/business/">moved</a>.</p>',
    published: '2025-03-13T17:05:00+01:00',
    authors: [
      { name: 'Sam Okafor', url: `${SITE_URL}authors/sam-okafor/` },
      { name: 'Jane Doe', url: `${SITE_URL}authors/jane-doe/` },
    ],
    categories: ['Business'],
  };
  return {
    title: 'The Ellery Courier: Business',
    description: 'Business news from Ellery & the harbour.',
    language: 'en-GB',
    homeUrl: `${SITE_URL}business/`,
    feedUrls: { rss: `${SITE_URL}business/feed.xml`, atom: `${SITE_URL}business/atom.xml`, json: `${SITE_URL}business/feed.json` },
    siteUrl: SITE_URL,
    iconUrl: `${SITE_URL}icon-512.png`,
    items: [updatedStory, sharedStory],
  };
}

/** The fixture's first item content, as every format must carry it. */
export const RESOLVED_CONTENT = [
  '<p>Read <a href="https://courier.example.org/news/earlier-talks/">the earlier talks</a> and <a href="https://courier.example.org/business/harbour-deal/notes/#vote">the notes</a>.</p>',
  '<p><img src="https://courier.example.org/images/harbour.jpg" alt="Cranes ]]> at dusk" srcset="https://courier.example.org/images/harbour-2x.jpg 2x"></p>',
  '<blockquote cite="https://courier.example.org/news/statement/"><p>We agree.</p></blockquote>',
  '<p>Code: <code>a[b[0]]&gt;c &amp;&amp; d</code> <a href="https://elsewhere.example/">out</a></p>',
].join('\n');

// RFC 822 with four-digit year and numeric zone, as RSS readers parse it.
export const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
export const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
