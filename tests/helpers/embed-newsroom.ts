import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeNewsroom } from './newsroom.js';
import { article, SITE_YML, validArticle } from './sources.js';

/** One address of each built-in provider, and one of the site.yml provider below, with a title each. */
export const EVERY_EMBED: readonly { url: string; title: string }[] = [
  { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Council meeting' },
  { url: 'https://vimeo.com/76979871', title: 'The tram depot' },
  { url: 'https://x.com/CourierNews/status/1790123456789012346', title: 'Road closures' },
  { url: 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3k43tv4rft22g', title: 'The council on Bluesky' },
  { url: 'https://mastodon.social/@Gargron/109302123456789012', title: 'A post on Mastodon' },
  { url: 'https://www.instagram.com/p/C1a2B3c4D5e/', title: 'The festival in pictures' },
  { url: 'https://www.tiktok.com/@courier.news/video/7301234567890123456', title: 'Sixty seconds on the budget' },
  { url: 'https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5', title: 'This week’s podcast' },
  { url: 'https://soundcloud.com/courier-news/council-briefing', title: 'Council briefing' },
  { url: 'https://podcasts.apple.com/gb/podcast/the-courier-weekly/id1234567890?i=1000654321098', title: 'Episode 12' },
  { url: 'https://datawrapper.dwcdn.net/AbC12/3/', title: 'Council tax since 2010' },
  { url: 'https://public.flourish.studio/visualisation/16012345/', title: 'Results by ward' },
  { url: 'https://www.openstreetmap.org/#map=15/51.50070/-0.12460', title: 'Where the road closes' },
  { url: 'https://video.example.org/watch/meeting-2026', title: 'Full council on Council TV' },
];

/** The frame origins of EVERY_EMBED, sorted: X and Instagram are link cards, with none. */
export const EVERY_FRAME_ORIGIN = [
  'https://datawrapper.dwcdn.net',
  'https://embed.bsky.app',
  'https://embed.podcasts.apple.com',
  'https://flo.uri.sh',
  'https://mastodon.social',
  'https://open.spotify.com',
  'https://player.vimeo.com',
  'https://video.example.org',
  'https://w.soundcloud.com',
  'https://www.openstreetmap.org',
  'https://www.tiktok.com',
  'https://www.youtube-nocookie.com',
];

/**
 * A newsroom whose site.yml allows one provider of its own (Council TV),
 * with `/news/every-embed/` holding one of each embed and
 * `/news/harbour-wall/` none, `/news/link-card/` only an X post (no frame).
 */
export function writeEmbedNewsroom(): string {
  const body = ['The council met on Tuesday.', ...EVERY_EMBED.map(({ url, title }) => `::embed{url="${url}" title="${title}"}`), 'The end.'].join('\n\n');
  const root = writeNewsroom({
    'harbour-wall.md': validArticle(),
    'link-card.md': article({ title: 'Link card', date: '2025-03-13T08:30:00', authors: '[jane-doe]', category: 'news' }, `::embed{url="${EVERY_EMBED[2]?.url}" title="A post"}\n`),
    'every-embed.md': article({ title: 'Every embed', date: '2025-03-15T08:30:00', authors: '[jane-doe]', category: 'news' }, `${body}\n`),
  });
  writeFileSync(
    path.join(root, 'content/site.yml'),
    `${SITE_YML}embeds:\n  - name: Council TV\n    address: https://video.example.org/watch/{id}\n    frame: https://video.example.org/embed/{id}\n`,
  );
  return root;
}
