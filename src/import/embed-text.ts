/*
 * The addresses Broadsheet shows as embeds (src/markdown/embeds/providers.ts),
 * made from the ids a Jekyll include or a Hugo shortcode gives. An id that
 * is not plain (a variable, a full address, a quote) gives undefined, and
 * the construct is reported rather than guessed at.
 */

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DIGITS = /^[0-9]{1,20}$/;
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const INSTAGRAM_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const youtubeAddress = (id: string): string | undefined => (YOUTUBE_ID.test(id) ? `https://www.youtube.com/watch?v=${id}` : undefined);
export const vimeoAddress = (id: string): string | undefined => (DIGITS.test(id) && id.length <= 12 ? `https://vimeo.com/${id}` : undefined);
export const instagramAddress = (id: string): string | undefined => (INSTAGRAM_ID.test(id) ? `https://www.instagram.com/p/${id}/` : undefined);

/** A post on X; the old form without the user gives X's own `i` path, which X sends on to the post. */
export function tweetAddress(user: string | undefined, id: string): string | undefined {
  if (!DIGITS.test(id)) return undefined;
  if (user === undefined) return `https://x.com/i/status/${id}`;
  return HANDLE.test(user) ? `https://x.com/${user}/status/${id}` : undefined;
}

/** A GitHub gist has no Broadsheet embed: a link to it, on its own line. */
export function gistLink(user: string | undefined, id: string): string | undefined {
  if (!/^[0-9a-f]{1,64}$/i.test(id) || (user !== undefined && !/^[A-Za-z0-9-]{1,39}$/.test(user))) return undefined;
  const path = user === undefined ? id : `${user}/${id}`;
  return `[Gist ${path}](https://gist.github.com/${path})`;
}

/** An embed on a line of its own: the `::embed` directive when there is a title to give, otherwise the bare address. */
export function embedLine(address: string, title: string | undefined): string {
  const text = title?.replace(/\s+/g, ' ').trim();
  if (!text) return address;
  const escaped = text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `::embed{url="${address}" title="${escaped}"}`;
}
