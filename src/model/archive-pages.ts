import type { Author, Content } from '../content/types.js';
import type { PictureSet } from '../images/picture.js';
import { authorPath, sectionPath, tagPath } from '../routes/addresses.js';
import { groupBy, groupByEach } from '../util/group-by.js';
import type { ArchivePage, Person, Teaser } from './model.js';
import type { PageContext } from './page-context.js';
import type { HeadSite } from './model.js';
import { archiveHead } from './page-head.js';
import { fillBody, NOTHING_TO_FILL } from './fill-body.js';
import { paginate } from './paginate.js';
import { onAuthorPage, onSectionPage } from './teaser-context.js';

const AUTHOR_LINK_LABELS = {
  website: 'Website',
  email: 'E-mail',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  linkedin: 'LinkedIn',
  github: 'GitHub',
} as const;

/** The pages of every section, then every author, then every tag, each list paginated newest first. */
export function archivePages(content: Content, context: PageContext): ArchivePage[] {
  const { site } = content;
  const { teaser, rendered } = context;
  const inSection = groupBy(content.articles, (a) => a.category);
  const byAuthor = groupByEach(content.articles, (a) => a.authors);
  return [
    ...content.categories.flatMap((category) =>
      listPages(context.site, (inSection.get(category.slug) ?? []).map((article) => onSectionPage(teaser(article))), site.perPage, {
        source: category.file,
        kind: 'section',
        url: sectionPath(category.slug),
        kicker: undefined,
        heading: category.name,
        description: category.description ?? rendered(category.file).firstParagraph,
        standfirst: category.description,
        introHtml: fillBody(rendered(category.file), NOTHING_TO_FILL),
        person: undefined,
      }),
    ),
    ...content.authors.flatMap((author) =>
      listPages(context.site, (byAuthor.get(author.slug) ?? []).map((article) => onAuthorPage(teaser(article), authorPath(author.slug))), site.perPage, {
        source: author.file,
        kind: 'author',
        url: authorPath(author.slug),
        kicker: undefined,
        heading: author.name,
        // The bio is the header's text (introHtml); the role is printed with the name.
        standfirst: undefined,
        description: rendered(author.file).firstParagraph || (author.role ? `${author.name}, ${author.role}` : author.name),
        introHtml: fillBody(rendered(author.file), NOTHING_TO_FILL),
        person: person(author, context.pictures),
      }),
    ),
    ...[...context.tagNames].flatMap(([slug, { name, articles: tagged }]) =>
      listPages(context.site, tagged.map(teaser), site.perPage, {
        source: `tag "${name}"`,
        kind: 'tag',
        url: tagPath(slug),
        kicker: 'Topic',
        heading: name,
        standfirst: undefined,
        description: `Stories tagged ${name}`,
        introHtml: undefined,
        person: undefined,
      }),
    ),
  ];
}

function listPages(
  site: HeadSite,
  items: Teaser[],
  perPage: number,
  page: Omit<ArchivePage, 'items' | 'pageNumber' | 'pageCount' | 'previousUrl' | 'nextUrl' | 'title' | 'head'>,
): ArchivePage[] {
  return paginate(items, perPage, page.url).map((part) => {
    const archive = {
      ...page,
      ...part,
      title: part.pageNumber === 1 ? page.heading : `${page.heading} (page ${part.pageNumber} of ${part.pageCount})`,
    };
    return { ...archive, head: archiveHead(site, archive) };
  });
}

function person(author: Author, pictures: PictureSet): Person {
  const links = Object.entries(author.links).flatMap(([key, value]) =>
    value
      ? [
          {
            name: AUTHOR_LINK_LABELS[key as keyof typeof AUTHOR_LINK_LABELS] ?? key,
            url: key === 'email' ? `mailto:${value}` : value,
          },
        ]
      : [],
  );
  return {
    name: author.name,
    role: author.role,
    avatar: author.avatar,
    avatarPicture: author.avatar ? pictures.avatar.get(author.avatar) : undefined,
    links,
  };
}
