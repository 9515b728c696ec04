import { describe, expect, test } from 'vitest';
import { BUILT_IN_NAMES, createEmbedMatcher } from '../../src/markdown/embeds/providers.js';

const match = createEmbedMatcher([
  { name: 'Council TV', address: 'https://video.example.org/watch/{id}', frame: 'https://video.example.org/embed/{id}', aspectRatio: '16:9' },
]);

describe('addresses each provider embeds, and the frame it loads', () => {
  test.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ', 'YouTube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?t=90s', 'YouTube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ', 'YouTube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'Vimeo', 'https://player.vimeo.com/video/76979871?dnt=1', 'https://vimeo.com/76979871'],
    ['https://player.vimeo.com/video/76979871?h=abc123', 'Vimeo', 'https://player.vimeo.com/video/76979871?dnt=1&h=abc123', 'https://vimeo.com/76979871/abc123'],
    ['https://twitter.com/jack/status/20', 'X', undefined, 'https://x.com/jack/status/20'],
    ['https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3k43tv4rft22g', 'Bluesky', 'https://embed.bsky.app/embed/did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3k43tv4rft22g', 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3k43tv4rft22g'],
    ['https://bsky.app/profile/courier.bsky.social/post/3k43tv4rft22g', 'Bluesky', undefined, 'https://bsky.app/profile/courier.bsky.social/post/3k43tv4rft22g'],
    ['https://mastodon.social/@Gargron/109302123456789012', 'Mastodon', 'https://mastodon.social/@Gargron/109302123456789012/embed', 'https://mastodon.social/@Gargron/109302123456789012'],
    ['https://www.instagram.com/reel/Cx_yZ-123/', 'Instagram', undefined, 'https://www.instagram.com/reel/Cx_yZ-123/'],
    ['https://www.tiktok.com/@courier.news/video/7301234567890123456', 'TikTok', 'https://www.tiktok.com/player/v1/7301234567890123456', 'https://www.tiktok.com/@courier.news/video/7301234567890123456'],
    ['https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', 'Spotify', 'https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC', 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC'],
    ['https://soundcloud.com/courier-news/council-briefing', 'SoundCloud', 'https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fcourier-news%2Fcouncil-briefing', 'https://soundcloud.com/courier-news/council-briefing'],
    ['https://podcasts.apple.com/gb/podcast/the-weekly/id123?i=1000456', 'Apple Podcasts', 'https://embed.podcasts.apple.com/gb/podcast/the-weekly/id123?i=1000456', 'https://podcasts.apple.com/gb/podcast/the-weekly/id123?i=1000456'],
    ['https://datawrapper.dwcdn.net/AbC12/', 'Datawrapper', 'https://datawrapper.dwcdn.net/AbC12/', 'https://datawrapper.dwcdn.net/AbC12/'],
    ['https://flo.uri.sh/visualisation/16012345/embed', 'Flourish', 'https://flo.uri.sh/visualisation/16012345/embed', 'https://public.flourish.studio/visualisation/16012345/'],
    ['https://www.openstreetmap.org/#map=10/0/0', 'OpenStreetMap', 'https://www.openstreetmap.org/export/embed.html?bbox=-0.54932,-0.41199,0.54932,0.41199&layer=mapnik', 'https://www.openstreetmap.org/#map=10/0/0'],
    ['https://video.example.org/watch/meeting-1', 'Council TV', 'https://video.example.org/embed/meeting-1', 'https://video.example.org/watch/meeting-1'],
  ])('%s → %s', (address, provider, frame, page) => {
    expect(match(address)).toMatchObject({ provider, frame, page });
  });
});

describe('addresses that are no embed', () => {
  test.each([
    ['http, not https', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a look-alike host', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['a host ending like one', 'https://notyoutube.com/watch?v=dQw4w9WgXcQ'],
    ['a user part', 'https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ'],
    ['credentials on an allowed host', 'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a port', 'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ'],
    ['YouTube open redirect', 'https://www.youtube.com/redirect?q=https://evil.example/'],
    ['YouTube attribution link', 'https://www.youtube.com/attribution_link?u=/watch%3Fv%3DdQw4w9WgXcQ'],
    ['an id too long', 'https://youtu.be/dQw4w9WgXcQX'],
    ['an id with a slash', 'https://www.youtube.com/watch?v=dQw4w9W%2FXcQ'],
    ['a path after the id', 'https://www.youtube.com/embed/dQw4w9WgXcQ/../../redirect'],
    ['an empty segment', 'https://vimeo.com//76979871'],
    ['Vimeo with letters', 'https://vimeo.com/channels'],
    ['X without a status', 'https://x.com/jack'],
    ['Mastodon on an unknown server', 'https://evil.example/@user/109302123456789012'],
    ['Spotify with a short id', 'https://open.spotify.com/track/abc'],
    ['a SoundCloud page', 'https://soundcloud.com/discover/sets/charts-top'],
    ['Flourish with an id that is not a number', 'https://public.flourish.studio/visualisation/abc/'],
    ['OpenStreetMap without a view', 'https://www.openstreetmap.org/'],
    ['OpenStreetMap off the map', 'https://www.openstreetmap.org/#map=10/95/0'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['a custom provider with a longer path', 'https://video.example.org/watch/meeting-1/more'],
    ['a custom provider with a query', 'https://video.example.org/watch/meeting-1?next=https://evil.example/'],
    ['a custom provider with a dot in the id', 'https://video.example.org/watch/..'],
    ['a very long address', `https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=${'a'.repeat(5000)}`],
  ])('%s: %s', (_, address) => {
    expect(match(address)).toBeUndefined();
  });
});

test('thirteen providers are built in, in the order hints list them', () => {
  expect(BUILT_IN_NAMES).toEqual(['YouTube', 'Vimeo', 'X', 'Bluesky', 'Mastodon', 'Instagram', 'TikTok', 'Spotify', 'SoundCloud', 'Apple Podcasts', 'Datawrapper', 'Flourish', 'OpenStreetMap']);
});
