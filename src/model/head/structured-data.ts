/*
 * schema.org objects for search engines, built from plain data. Every URL is
 * absolute and every date ISO 8601 before it gets here: resolving them needs
 * the site settings, which this module does not know. Optional properties are
 * left out rather than set to undefined, so the objects compare and
 * serialize the same way.
 */

const CONTEXT = 'https://schema.org';

/** A person credited on a page: `url` is their author page. */
export interface PersonInput {
  name: string;
  url: string;
  /** Their role, e.g. "Political editor". */
  jobTitle?: string;
}

/** The news organisation that publishes the site. */
export interface PublisherInput {
  name: string;
  /** The home page. */
  url: string;
  /** Absolute URL of the logo image, when the site has one. */
  logo?: string;
}

/** A published correction to an article. */
export interface CorrectionInput {
  /** What was corrected, as plain text. */
  text: string;
  /** ISO 8601 date-time. */
  published: string;
}

/** What {@link newsArticleJsonLd} needs to describe one article. */
export interface NewsArticleInput {
  /** The canonical URL of the article. */
  url: string;
  headline: string;
  /** The summary, as plain text. */
  description: string;
  /** Absolute image URLs, best first; may be empty. */
  images: string[];
  /** ISO 8601 date-time with offset. */
  published: string;
  /** ISO 8601 date-time with offset, when the article was changed since. */
  updated?: string;
  authors: PersonInput[];
  publisher: PublisherInput;
  /** The section's name. */
  section: string;
  /** Tag names as editors wrote them. */
  tags: string[];
  /** BCP 47 tag, e.g. `en-GB`. */
  language: string;
  corrections?: CorrectionInput[];
}

/** A schema.org `Person`. */
export interface PersonJsonLd {
  '@type': 'Person';
  name: string;
  url: string;
  jobTitle?: string;
  description?: string;
  image?: string;
  sameAs?: string[];
}

/** A schema.org `NewsArticle`, as {@link newsArticleJsonLd} builds it. */
export interface NewsArticleJsonLd {
  '@context': 'https://schema.org';
  '@type': 'NewsArticle';
  headline: string;
  description: string;
  image?: string[];
  datePublished: string;
  dateModified: string;
  author: PersonJsonLd[];
  publisher: {
    '@type': 'NewsMediaOrganization';
    name: string;
    url: string;
    logo?: { '@type': 'ImageObject'; url: string };
  };
  articleSection: string;
  keywords: string[];
  mainEntityOfPage: string;
  isAccessibleForFree: true;
  inLanguage: string;
  correction?: { '@type': 'CorrectionComment'; text: string; datePublished: string }[];
}

const person = ({ name, url, jobTitle }: PersonInput): PersonJsonLd => ({
  '@type': 'Person',
  name,
  url,
  ...(jobTitle === undefined ? {} : { jobTitle }),
});

/**
 * The `NewsArticle` description of an article page, with what Google lists
 * as required or recommended for articles.
 */
export function newsArticleJsonLd(input: NewsArticleInput): NewsArticleJsonLd {
  const { publisher } = input;
  const corrections = input.corrections ?? [];
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    // Google advises concise headlines and may cut long ones in results, but
    // shortening the editor's words here could change their meaning; length
    // is for editors (or a content check) to judge.
    headline: input.headline,
    description: input.description,
    ...(input.images.length > 0 ? { image: input.images } : {}),
    datePublished: input.published,
    dateModified: input.updated ?? input.published,
    author: input.authors.map(person),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: publisher.name,
      url: publisher.url,
      ...(publisher.logo === undefined ? {} : { logo: { '@type': 'ImageObject', url: publisher.logo } }),
    },
    articleSection: input.section,
    keywords: input.tags,
    mainEntityOfPage: input.url,
    isAccessibleForFree: true,
    inLanguage: input.language,
    ...(corrections.length > 0
      ? {
          correction: corrections.map(({ text, published }) => ({
            '@type': 'CorrectionComment' as const,
            text,
            datePublished: published,
          })),
        }
      : {}),
  };
}

/** A schema.org `BreadcrumbList`, as {@link breadcrumbJsonLd} builds it. */
export interface BreadcrumbJsonLd {
  '@context': 'https://schema.org';
  '@type': 'BreadcrumbList';
  itemListElement: { '@type': 'ListItem'; position: number; name: string; item: string }[];
}

/**
 * The trail from the home page down to the current page, outermost first;
 * each `url` absolute. Google shows trails of two or more items.
 */
export function breadcrumbJsonLd(items: readonly { name: string; url: string }[]): BreadcrumbJsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map(({ name, url }, index) => ({ '@type': 'ListItem', position: index + 1, name, item: url })),
  };
}

/** What {@link profilePageJsonLd} needs to describe an author. */
export interface ProfilePageInput extends PersonInput {
  /** The biography as plain text (no HTML). */
  bio?: string;
  /** Absolute URL of their picture. */
  avatar?: string;
  /** Absolute http(s) URLs of their profiles elsewhere; may be empty. */
  sameAs: string[];
}

/** A schema.org `ProfilePage`, as {@link profilePageJsonLd} builds it. */
export interface ProfilePageJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ProfilePage';
  mainEntity: PersonJsonLd;
}

/** The `ProfilePage` description of an author's page. */
export function profilePageJsonLd(input: ProfilePageInput): ProfilePageJsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    mainEntity: {
      ...person(input),
      ...(input.bio === undefined ? {} : { description: input.bio }),
      ...(input.avatar === undefined ? {} : { image: input.avatar }),
      ...(input.sameAs.length > 0 ? { sameAs: input.sameAs } : {}),
    },
  };
}
