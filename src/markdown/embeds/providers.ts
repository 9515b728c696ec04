/*
 * The embed providers Broadsheet knows: how each one's addresses look, and
 * the frame (if any) a reader may load from it after a click. Addresses are
 * read with `URL` and compared by exact host and by path segment, never by a
 * pattern over the whole text, so a look-alike host (`youtube.com.evil.example`),
 * a user part (`https://youtube.com@evil.example/`) or an open-redirect path
 * on an allowed host (`/redirect?q=…`) is simply not an embed. The frame and
 * the link to the original are rebuilt from the few parts checked (an id),
 * never copied from the address.
 */

/** Which sandbox and permissions the page script gives the frame (public/js/embeds.js holds the sets). */
export type EmbedKind = 'video' | 'audio' | 'post' | 'chart' | 'map' | 'other';

/** How the frame is sized: an aspect ratio, or a player of fixed height (see public/css/site.css). */
export const EMBED_SHAPES = ['16x9', '9x16', '4x3', '3x2', '1x1', 'strip', 'player', 'list'] as const;
export type EmbedShape = (typeof EMBED_SHAPES)[number];

/** What an address embeds. */
export interface Embed {
  /** The provider's name as readers know it. */
  provider: string;
  kind: EmbedKind;
  shape: EmbedShape;
  /** The original, rebuilt from the parts checked: where the facade links to. */
  page: string;
  /** The frame a click loads; undefined where the provider offers none without its script (a link card). */
  frame: string | undefined;
}

/** A provider a newsroom allows in site.yml (`embeds:`), already validated. */
export interface CustomProvider {
  name: string;
  /** An https address with one `{id}`, e.g. `https://video.example.org/watch/{id}`. */
  address: string;
  /** Where the frame is, with the same `{id}`. */
  frame: string;
  aspectRatio: (typeof CUSTOM_RATIOS)[number];
}

/** The ratios a site.yml provider may give (the stylesheet sizes these). */
export const CUSTOM_RATIOS = ['16:9', '9:16', '4:3', '3:2', '1:1'] as const;

interface Provider {
  name: string;
  match: (url: URL) => Omit<Embed, 'provider'> | undefined;
}

/** The placeholder of a custom provider's address and frame. */
export const ID_PLACEHOLDER = '{id}';

/** The longest id a custom provider's `{id}` stands for. */
export const MAX_CUSTOM_ID = 64;

const ID_CHARACTERS = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
const ALNUM = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const DIGITS = new Set('0123456789');

/** `value` is 1 to `max` characters (exactly `max` when `exact`), each in `allowed`. */
function made(value: string | undefined, allowed: ReadonlySet<string>, max: number, exact = false): value is string {
  if (value === undefined || value.length === 0 || value.length > max || (exact && value.length !== max)) return false;
  for (const char of value) if (!allowed.has(char)) return false;
  return true;
}

const isId = (value: string | undefined, max = MAX_CUSTOM_ID): value is string => made(value, ID_CHARACTERS, max);
const isDigits = (value: string | undefined, max = 20): value is string => made(value, DIGITS, max);

/**
 * The path's segments, one trailing `/` allowed; undefined for an empty
 * segment (`//`), which no provider's own addresses have.
 */
function segments(url: URL): string[] | undefined {
  const path = url.pathname.endsWith('/') && url.pathname.length > 1 ? url.pathname.slice(0, -1) : url.pathname;
  if (path === '/') return [];
  const parts = path.slice(1).split('/');
  return parts.includes('') ? undefined : parts;
}

/** Read as the provider would, without the parts that only a browser's address bar adds. */
function plain(url: URL, hosts: readonly string[]): string[] | undefined {
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return undefined;
  if (!hosts.includes(url.hostname)) return undefined;
  return segments(url);
}

const YOUTUBE_ID = 11;

const youtube: Provider = {
  name: 'YouTube',
  match(url) {
    const parts = plain(url, ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com']);
    if (!parts) return undefined;
    let id: string | undefined;
    let shorts = false;
    if (url.hostname === 'youtu.be') id = parts.length === 1 ? parts[0] : undefined;
    else if (parts.length === 1 && parts[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
    else if (parts.length === 2 && (parts[0] === 'embed' || parts[0] === 'live' || parts[0] === 'shorts')) {
      id = parts[1];
      shorts = parts[0] === 'shorts';
    }
    if (!made(id, ID_CHARACTERS, YOUTUBE_ID, true)) return undefined;
    // A start time: `t=90` or `t=90s`, the forms YouTube's share button writes.
    const t = url.searchParams.get('t') ?? '';
    const start = isDigits(t.endsWith('s') ? t.slice(0, -1) : t, 6) ? Number.parseInt(t, 10) : 0;
    return {
      kind: 'video',
      shape: shorts ? '9x16' : '16x9',
      page: shorts ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
      frame: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
    };
  },
};

const vimeo: Provider = {
  name: 'Vimeo',
  match(url) {
    const parts = plain(url, ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
    if (!parts) return undefined;
    const [first, second] = url.hostname === 'player.vimeo.com' ? (parts[0] === 'video' ? parts.slice(1) : []) : parts;
    if (!isDigits(first, 12) || parts.length > 2) return undefined;
    // An unlisted video's address carries its key: `vimeo.com/123/abcdef`, or `?h=abcdef` on the player.
    const key = url.hostname === 'player.vimeo.com' ? (url.searchParams.get('h') ?? undefined) : second;
    if (key !== undefined && !made(key, ALNUM, 20)) return undefined;
    // `dnt=1`: Vimeo's player sets no tracking cookies.
    return {
      kind: 'video',
      shape: '16x9',
      page: `https://vimeo.com/${first}${key ? `/${key}` : ''}`,
      frame: `https://player.vimeo.com/video/${first}?dnt=1${key ? `&h=${key}` : ''}`,
    };
  },
};

const X_HANDLE = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_');

/** X offers a frame only through its script, which would run on our pages: a link card. */
const x: Provider = {
  name: 'X',
  match(url) {
    const parts = plain(url, ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);
    if (!parts || parts.length !== 3 || parts[1] !== 'status' || !made(parts[0], X_HANDLE, 15) || !isDigits(parts[2], 20)) return undefined;
    return { kind: 'post', shape: '1x1', page: `https://x.com/${parts[0]}/status/${parts[2]}`, frame: undefined };
  },
};

const HANDLE = new Set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-');
const DID_PLC = new Set('abcdefghijklmnopqrstuvwxyz234567');

/**
 * Bluesky's frame is addressed by the account's DID, which a handle
 * (`name.bsky.social`) only yields through a network call: an address that
 * names the DID (`/profile/did:plc:…/post/…`) gets a frame, one with a
 * handle a link card.
 */
const bluesky: Provider = {
  name: 'Bluesky',
  match(url) {
    const parts = plain(url, ['bsky.app']);
    if (!parts || parts.length !== 4 || parts[0] !== 'profile' || parts[2] !== 'post' || !made(parts[3], ALNUM, 64)) return undefined;
    const [, account, , post] = parts;
    const did = account?.startsWith('did:plc:') && made(account.slice('did:plc:'.length), DID_PLC, 24, true);
    if (!did && !made(account, HANDLE, 253)) return undefined;
    return {
      kind: 'post',
      shape: '1x1',
      page: `https://bsky.app/profile/${account}/post/${post}`,
      frame: did ? `https://embed.bsky.app/embed/${account}/app.bsky.feed.post/${post}` : undefined,
    };
  },
};

/**
 * Mastodon is many servers: the large ones are known here, and a newsroom
 * adds its own in site.yml. A post's frame is the server's documented
 * `…/embed` address, so each server used is a frame origin of its own.
 */
export const MASTODON_SERVERS = [
  'mastodon.social',
  'mastodon.online',
  'mastodon.world',
  'mstdn.social',
  'mas.to',
  'fosstodon.org',
  'hachyderm.io',
  'infosec.exchange',
  'journa.host',
  'newsie.social',
];

const mastodon: Provider = {
  name: 'Mastodon',
  match(url) {
    const parts = plain(url, MASTODON_SERVERS);
    if (!parts || parts.length !== 2 || !parts[0]?.startsWith('@') || !made(parts[0].slice(1), X_HANDLE, 30) || !isDigits(parts[1], 20)) return undefined;
    const page = `https://${url.hostname}/${parts[0]}/${parts[1]}`;
    return { kind: 'post', shape: '1x1', page, frame: `${page}/embed` };
  },
};

/** Instagram's frame is built by its script, which would run on our pages: a link card. */
const instagram: Provider = {
  name: 'Instagram',
  match(url) {
    const parts = plain(url, ['instagram.com', 'www.instagram.com']);
    if (!parts || parts.length !== 2 || !(parts[0] === 'p' || parts[0] === 'reel' || parts[0] === 'tv') || !isId(parts[1], 64)) return undefined;
    return { kind: 'post', shape: '1x1', page: `https://www.instagram.com/${parts[0]}/${parts[1]}/`, frame: undefined };
  },
};

const TIKTOK_HANDLE = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.');

/** TikTok's documented embed player, `/player/v1/<id>`. */
const tiktok: Provider = {
  name: 'TikTok',
  match(url) {
    const parts = plain(url, ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com']);
    if (!parts || parts.length !== 3 || !parts[0]?.startsWith('@') || !made(parts[0].slice(1), TIKTOK_HANDLE, 30) || parts[1] !== 'video' || !isDigits(parts[2], 25)) {
      return undefined;
    }
    return { kind: 'video', shape: '9x16', page: `https://www.tiktok.com/${parts[0]}/video/${parts[2]}`, frame: `https://www.tiktok.com/player/v1/${parts[2]}` };
  },
};

const SPOTIFY_TYPES = ['track', 'album', 'playlist', 'episode', 'show', 'artist'];

const spotify: Provider = {
  name: 'Spotify',
  match(url) {
    const all = plain(url, ['open.spotify.com']);
    // Localised addresses start with `intl-de` and the like.
    const parts = all?.[0]?.startsWith('intl-') ? all.slice(1) : all;
    if (!parts || parts.length !== 2 || !SPOTIFY_TYPES.includes(parts[0] ?? '') || !made(parts[1], ALNUM, 22, true)) return undefined;
    const [type, id] = parts;
    return {
      kind: 'audio',
      shape: type === 'track' || type === 'episode' ? 'strip' : 'list',
      page: `https://open.spotify.com/${type}/${id}`,
      frame: `https://open.spotify.com/embed/${type}/${id}`,
    };
  },
};

/** First segments of SoundCloud's own pages, which are not accounts. */
const SOUNDCLOUD_PAGES = new Set(['discover', 'search', 'you', 'stations', 'charts', 'upload', 'settings', 'pages', 'jobs', 'terms-of-use', 'messages', 'notifications']);

/** SoundCloud's widget player, given the track's or playlist's address. */
const soundcloud: Provider = {
  name: 'SoundCloud',
  match(url) {
    const parts = plain(url, ['soundcloud.com', 'www.soundcloud.com', 'm.soundcloud.com']);
    if (!parts || !isId(parts[0], 100) || SOUNDCLOUD_PAGES.has(parts[0])) return undefined;
    const set = parts.length === 3 && parts[1] === 'sets' && isId(parts[2], 100);
    if (!set && !(parts.length === 2 && isId(parts[1], 100) && parts[1] !== 'sets')) return undefined;
    const page = `https://soundcloud.com/${parts.join('/')}`;
    return { kind: 'audio', shape: set ? 'list' : 'player', page, frame: `https://w.soundcloud.com/player/?url=${encodeURIComponent(page)}` };
  },
};

const LOWER = new Set('abcdefghijklmnopqrstuvwxyz');
const SLUG = new Set('abcdefghijklmnopqrstuvwxyz0123456789-%ABCDEF');

/** A show (`/gb/podcast/name/id123`) or one episode of it (`?i=1000…`), in Apple's embed player. */
const applePodcasts: Provider = {
  name: 'Apple Podcasts',
  match(url) {
    const parts = plain(url, ['podcasts.apple.com']);
    if (!parts || !made(parts[0], LOWER, 2, true) || parts[1] !== 'podcast') return undefined;
    const rest = parts.slice(2);
    const slug = rest.length === 2 ? rest[0] : undefined;
    const show = rest.at(-1);
    if (rest.length < 1 || rest.length > 2 || (slug !== undefined && !made(slug, SLUG, 200)) || !show?.startsWith('id') || !isDigits(show.slice(2), 15)) return undefined;
    const episode = url.searchParams.get('i') ?? undefined;
    if (episode !== undefined && !isDigits(episode, 20)) return undefined;
    const path = `${parts[0]}/podcast/${slug ? `${slug}/` : ''}${show}${episode ? `?i=${episode}` : ''}`;
    return { kind: 'audio', shape: episode ? 'player' : 'list', page: `https://podcasts.apple.com/${path}`, frame: `https://embed.podcasts.apple.com/${path}` };
  },
};

/** A chart published on Datawrapper's CDN (`datawrapper.dwcdn.net/AbC12/3/`), or its share page (`datawrapper.de/_/AbC12/`). */
const datawrapper: Provider = {
  name: 'Datawrapper',
  match(url) {
    const parts = plain(url, ['datawrapper.dwcdn.net', 'www.datawrapper.de', 'datawrapper.de']);
    if (!parts) return undefined;
    const cdn = url.hostname === 'datawrapper.dwcdn.net';
    const [id, version] = cdn ? parts : parts[0] === '_' && parts.length === 2 ? parts.slice(1) : [];
    if (!made(id, ALNUM, 5, true) || parts.length > 2 || (version !== undefined && !isDigits(version, 6))) return undefined;
    const frame = `https://datawrapper.dwcdn.net/${id}/${version ? `${version}/` : ''}`;
    return { kind: 'chart', shape: '4x3', page: frame, frame };
  },
};

/** A visualisation or story published on Flourish, in its documented embed frame on flo.uri.sh. */
const flourish: Provider = {
  name: 'Flourish',
  match(url) {
    const parts = plain(url, ['public.flourish.studio', 'flo.uri.sh']);
    if (!parts || !(parts[0] === 'visualisation' || parts[0] === 'story') || !isDigits(parts[1], 12)) return undefined;
    if (parts.length !== (url.hostname === 'flo.uri.sh' && parts[2] === 'embed' ? 3 : 2)) return undefined;
    return {
      kind: 'chart',
      shape: '4x3',
      page: `https://public.flourish.studio/${parts[0]}/${parts[1]}/`,
      frame: `https://flo.uri.sh/${parts[0]}/${parts[1]}/embed`,
    };
  },
};

/** OpenStreetMap's own map address (`#map=zoom/lat/lon`, optionally a marker), as its export frame. */
const openStreetMap: Provider = {
  name: 'OpenStreetMap',
  match(url) {
    const parts = plain(url, ['www.openstreetmap.org', 'openstreetmap.org']);
    if (!parts || parts.length !== 0 || !url.hash.startsWith('#map=')) return undefined;
    const view = url.hash.slice('#map='.length).split('/');
    if (view.length !== 3) return undefined;
    const zoom = isDigits(view[0], 2) ? Number(view[0]) : NaN;
    const lat = coordinate(view[1], 85);
    const lon = coordinate(view[2], 180);
    if (!(zoom >= 0 && zoom <= 19) || lat === undefined || lon === undefined) return undefined;
    const mlat = url.searchParams.get('mlat');
    const mlon = url.searchParams.get('mlon');
    const marker = mlat !== null || mlon !== null ? [coordinate(mlat ?? undefined, 85), coordinate(mlon ?? undefined, 180)] : undefined;
    if (marker && (marker[0] === undefined || marker[1] === undefined)) return undefined;
    // The box a frame about 800 by 600 pixels shows at this zoom: a tile of 256 pixels spans 360° / 2^zoom.
    const degreesPerPixel = 360 / (256 * 2 ** zoom);
    const halfWidth = 400 * degreesPerPixel;
    const halfHeight = 300 * degreesPerPixel * Math.cos((lat * Math.PI) / 180);
    const box = [lon - halfWidth, lat - halfHeight, lon + halfWidth, lat + halfHeight].map((value) => round(value)).join(',');
    const markerQuery = marker ? `mlat=${marker[0]}&mlon=${marker[1]}` : '';
    return {
      kind: 'map',
      shape: '4x3',
      page: `https://www.openstreetmap.org/${markerQuery ? `?${markerQuery}` : ''}#map=${zoom}/${lat}/${lon}`,
      frame: `https://www.openstreetmap.org/export/embed.html?bbox=${box}&layer=mapnik${marker ? `&marker=${marker[0]},${marker[1]}` : ''}`,
    };
  },
};

const round = (value: number): string => String(Math.round(value * 1e5) / 1e5);

/** A decimal number within ±`limit`, written as OpenStreetMap writes them. */
function coordinate(value: string | undefined, limit: number): number | undefined {
  if (value === undefined || value.length > 16) return undefined;
  const unsigned = value.startsWith('-') ? value.slice(1) : value;
  const [whole, fraction, extra] = unsigned.split('.');
  if (extra !== undefined || !isDigits(whole, 3) || (fraction !== undefined && !isDigits(fraction, 12))) return undefined;
  const number = Number(value);
  return Math.abs(number) <= limit ? number : undefined;
}

/** The providers every site may embed, in the order editors' hints list them. */
export const BUILT_IN_PROVIDERS: readonly Provider[] = [
  youtube,
  vimeo,
  x,
  bluesky,
  mastodon,
  instagram,
  tiktok,
  spotify,
  soundcloud,
  applePodcasts,
  datawrapper,
  flourish,
  openStreetMap,
];

/** The names of the built-in providers, for hints. */
export const BUILT_IN_NAMES: readonly string[] = BUILT_IN_PROVIDERS.map((provider) => provider.name);

const SHAPE_OF_RATIO: Record<CustomProvider['aspectRatio'], EmbedShape> = { '16:9': '16x9', '9:16': '9x16', '4:3': '4x3', '3:2': '3x2', '1:1': '1x1' };

/**
 * A provider from site.yml: an address matches when, as the browser reads
 * it, it is the pattern with `{id}` standing for 1 to 64 letters, digits,
 * `_` or `-`. The fragment is ignored.
 */
function customProvider(custom: CustomProvider): Provider {
  const [prefix = '', suffix = ''] = custom.address.split(ID_PLACEHOLDER);
  return {
    name: custom.name,
    match(url) {
      if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
      const address = `${url.origin}${url.pathname}${url.search}`;
      if (address.length < prefix.length + suffix.length || !address.startsWith(prefix) || !address.endsWith(suffix)) return undefined;
      const id = address.slice(prefix.length, address.length - suffix.length);
      if (!isId(id)) return undefined;
      return { kind: 'other', shape: SHAPE_OF_RATIO[custom.aspectRatio], page: address, frame: custom.frame.replace(ID_PLACEHOLDER, id) };
    },
  };
}

/**
 * Make the lookup for one site: the built-in providers, then those of
 * site.yml. Returns what `address` embeds, or undefined when it is not an
 * address of an allowed provider (or not an https address at all).
 */
export function createEmbedMatcher(custom: readonly CustomProvider[] = []): (address: string) => Embed | undefined {
  const providers = [...BUILT_IN_PROVIDERS, ...custom.map(customProvider)];
  return (address) => {
    // Longer than any provider's address: not worth parsing.
    if (address.length > 2048 || !URL.canParse(address)) return undefined;
    const url = new URL(address);
    for (const provider of providers) {
      const found = provider.match(url);
      if (found) return { provider: provider.name, ...found };
    }
    return undefined;
  };
}

/** The origin a frame is loaded from, for the CSP and the page script's allow list. */
export const frameOrigin = (frame: string): string => new URL(frame).origin;
