import { expect, test } from 'vitest';
import { renderAtom } from '../../../src/outputs/feeds/atom.js';
import type { FeedInput } from '../../../src/outputs/feeds/feed-input.js';
import { renderJsonFeed } from '../../../src/outputs/feeds/json-feed.js';
import { renderRss } from '../../../src/outputs/feeds/rss.js';

// One small feed in full, so that any change to the format shows in a diff.
const feed: FeedInput = {
  title: 'The Ellery Courier: Harbour',
  description: 'Ships & shore.',
  language: 'en-GB',
  homeUrl: 'https://courier.example.org/tags/harbour/',
  feedUrls: {
    rss: 'https://courier.example.org/tags/harbour/feed.xml',
    atom: 'https://courier.example.org/tags/harbour/atom.xml',
    json: 'https://courier.example.org/tags/harbour/feed.json',
  },
  siteUrl: 'https://courier.example.org/',
  iconUrl: 'https://courier.example.org/icon.png',
  items: [
    {
      url: 'https://courier.example.org/news/ferry-returns/',
      title: 'Ferry returns <at last>',
      summary: 'Service resumes on Monday & runs hourly.',
      contentHtml: '<p>See <a href="/news/timetable/">the timetable</a>.</p>',
      published: '2025-03-14T08:30:00+00:00',
      updated: '2025-03-14T12:00:00+00:00',
      authors: [
        { name: 'Jane Doe', url: 'https://courier.example.org/authors/jane-doe/' },
        { name: "Sam O'Neill", url: 'https://courier.example.org/authors/sam-oneill/' },
      ],
      categories: ['News', 'Harbour', 'News'],
      image: { url: 'https://courier.example.org/images/ferry.jpg', alt: 'The ferry at the quay' },
    },
  ],
};

test('RSS 2.0', () => {
  expect(renderRss(feed).toString()).toBe(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>The Ellery Courier: Harbour</title>
    <link>https://courier.example.org/tags/harbour/</link>
    <description>Ships &amp; shore.</description>
    <language>en-GB</language>
    <lastBuildDate>Fri, 14 Mar 2025 12:00:00 +0000</lastBuildDate>
    <atom:link href="https://courier.example.org/tags/harbour/feed.xml" rel="self" type="application/rss+xml"/>
    <image>
      <url>https://courier.example.org/icon.png</url>
      <title>The Ellery Courier: Harbour</title>
      <link>https://courier.example.org/tags/harbour/</link>
    </image>
    <item>
      <title>Ferry returns &lt;at last&gt;</title>
      <link>https://courier.example.org/news/ferry-returns/</link>
      <guid isPermaLink="true">https://courier.example.org/news/ferry-returns/</guid>
      <pubDate>Fri, 14 Mar 2025 08:30:00 +0000</pubDate>
      <atom:updated>2025-03-14T12:00:00+00:00</atom:updated>
      <description>Service resumes on Monday &amp;amp; runs hourly.</description>
      <content:encoded><![CDATA[<p>See <a href="https://courier.example.org/news/timetable/">the timetable</a>.</p>]]></content:encoded>
      <dc:creator>Jane Doe</dc:creator>
      <dc:creator>Sam O&apos;Neill</dc:creator>
      <category>News</category>
      <category>Harbour</category>
    </item>
  </channel>
</rss>
`);
});

test('Atom', () => {
  expect(renderAtom(feed).toString()).toBe(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>https://courier.example.org/tags/harbour/atom.xml</id>
  <title>The Ellery Courier: Harbour</title>
  <subtitle>Ships &amp; shore.</subtitle>
  <updated>2025-03-14T12:00:00+00:00</updated>
  <link rel="self" type="application/atom+xml" href="https://courier.example.org/tags/harbour/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://courier.example.org/tags/harbour/"/>
  <icon>https://courier.example.org/icon.png</icon>
  <entry>
    <id>https://courier.example.org/news/ferry-returns/</id>
    <title>Ferry returns &lt;at last&gt;</title>
    <link rel="alternate" type="text/html" href="https://courier.example.org/news/ferry-returns/"/>
    <published>2025-03-14T08:30:00+00:00</published>
    <updated>2025-03-14T12:00:00+00:00</updated>
    <author>
      <name>Jane Doe</name>
      <uri>https://courier.example.org/authors/jane-doe/</uri>
    </author>
    <author>
      <name>Sam O&apos;Neill</name>
      <uri>https://courier.example.org/authors/sam-oneill/</uri>
    </author>
    <category term="News"/>
    <category term="Harbour"/>
    <summary>Service resumes on Monday &amp; runs hourly.</summary>
    <content type="html">&lt;p&gt;See &lt;a href=&quot;https://courier.example.org/news/timetable/&quot;&gt;the timetable&lt;/a&gt;.&lt;/p&gt;</content>
  </entry>
</feed>
`);
});

test('JSON Feed 1.1', () => {
  expect(renderJsonFeed(feed).toString()).toBe(String.raw`{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "The Ellery Courier: Harbour",
  "home_page_url": "https://courier.example.org/tags/harbour/",
  "feed_url": "https://courier.example.org/tags/harbour/feed.json",
  "description": "Ships & shore.",
  "icon": "https://courier.example.org/icon.png",
  "language": "en-GB",
  "items": [
    {
      "id": "https://courier.example.org/news/ferry-returns/",
      "url": "https://courier.example.org/news/ferry-returns/",
      "title": "Ferry returns <at last>",
      "summary": "Service resumes on Monday & runs hourly.",
      "content_html": "<p>See <a href=\"https://courier.example.org/news/timetable/\">the timetable</a>.</p>",
      "image": "https://courier.example.org/images/ferry.jpg",
      "date_published": "2025-03-14T08:30:00+00:00",
      "date_modified": "2025-03-14T12:00:00+00:00",
      "authors": [
        {
          "name": "Jane Doe",
          "url": "https://courier.example.org/authors/jane-doe/"
        },
        {
          "name": "Sam O'Neill",
          "url": "https://courier.example.org/authors/sam-oneill/"
        }
      ],
      "tags": [
        "News",
        "Harbour"
      ]
    }
  ]
}
`);
});
