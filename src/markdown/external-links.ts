import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface ExternalLinksOptions {
  /** The site's own base URL; links to its host are not external. */
  siteUrl: string;
  /** The links were written by the public (comments): search engines are told so, and not to follow them. */
  userContent?: boolean | undefined;
}

/**
 * Mark links that leave the site: `rel="noopener"` (the opened page gets no
 * handle on ours), a class the stylesheet draws an arrow for, and words for
 * screen readers, since an arrow alone says nothing to them.
 */
export function remarkExternalLinks(options: ExternalLinksOptions) {
  const siteHost = new URL(options.siteUrl).host;
  const rel = options.userContent ? ['noopener', 'nofollow', 'ugc'] : ['noopener'];
  return (tree: Root): undefined => {
    visit(tree, 'link', (node: Link) => {
      if (!isExternal(node.url, siteHost)) return;
      node.data = {
        ...node.data,
        hProperties: { ...node.data?.hProperties, rel, className: ['external'] },
      };
      node.children.push({
        type: 'text',
        value: ' (external link)',
        data: { hName: 'span', hProperties: { className: ['visually-hidden'] } },
      });
    });
  };
}

function isExternal(url: string, siteHost: string): boolean {
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return false;
  return new URL(url).host !== siteHost;
}
