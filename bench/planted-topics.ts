import type { RelatedDoc } from '../src/related/engine.js';
import { TERMS_KEPT, topTerms } from '../src/related/terms.js';
import { seededRandom } from './generate-newsroom.js';

/*
 * A corpus with a known answer for "related": every article is written from
 * the vocabulary of one planted topic plus words every article uses, and
 * tagged with its topic's tags, sometimes plus a tag of another topic as
 * noise. Sections and authors are given at random, so they carry no signal.
 * A good engine links articles of the same topic.
 */

export interface PlantedCorpus {
  docs: RelatedDoc[];
  /** The planted topic of each doc. */
  topicOf: number[];
}

export interface PlantedOptions {
  articles: number;
  /** Default: one topic per 25 articles. */
  topics?: number;
  seed?: number;
  /** Share of an article's words drawn from its topic (the rest are common words). Default 0.3. */
  topicShare?: number;
  /** Chance that an article carries one tag of another topic. Default 0.3. */
  noiseTagChance?: number;
}

const SYLLABLES = ['ba', 'co', 'da', 've', 'ri', 'mo', 'lu', 'ne', 'sa', 'ti', 'po', 'ga', 'fe', 'ki', 'zo', 'hu', 'ly', 'xa', 'qu', 'we'];

export function plantedCorpus(options: PlantedOptions): PlantedCorpus {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const word = (length: number) => Array.from({ length }, () => pick(SYLLABLES)).join('');
  const topics = options.topics ?? Math.max(2, Math.round(options.articles / 25));
  const topicShare = options.topicShare ?? 0.3;
  const noiseTagChance = options.noiseTagChance ?? 0.3;

  const common = Array.from({ length: 600 }, (_, i) => `${word(3)}${i}`);
  const vocabularies = Array.from({ length: topics }, (_, t) => Array.from({ length: 40 }, (_, i) => `${word(3)}t${t}w${i}`));
  const topicTags = Array.from({ length: topics }, (_, t) => [`topic-${t}-a`, `topic-${t}-b`, `topic-${t}-c`]);
  const sections = ['news', 'politics', 'business', 'science', 'culture', 'sport', 'health', 'travel'];
  const authors = Array.from({ length: 30 }, (_, i) => `author-${i}`);

  const docs: RelatedDoc[] = [];
  const topicOf: number[] = [];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < options.articles; i++) {
    const topic = Math.floor(random() * topics);
    const counts = new Map<string, number>();
    const length = 250 + Math.floor(random() * 250);
    for (let w = 0; w < length; w++) {
      // Common words follow a rough Zipf curve: a few very frequent ones.
      const term = random() < topicShare ? pick(vocabularies[topic] as string[]) : (common[Math.floor(common.length * Math.pow(random(), 2.5))] as string);
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    const tags = [...(topicTags[topic] as string[])].filter(() => random() < 0.6);
    if (tags.length === 0) tags.push((topicTags[topic] as string[])[0] as string);
    if (random() < noiseTagChance) tags.push(pick(pick(topicTags)));
    docs.push({
      slug: `article-${i}`,
      epoch: start + Math.floor(random() * 3 * 365) * 86_400_000,
      section: pick(sections),
      authors: [pick(authors)],
      tags: [...new Set(tags)],
      // As the build keeps them: the most frequent words of each article.
      terms: topTerms(counts, TERMS_KEPT),
      candidate: true,
    });
    topicOf.push(topic);
  }
  return { docs, topicOf };
}

/** Share of related links that stay within the article's planted topic. */
export function precision(related: readonly number[][], topicOf: readonly number[]): number {
  let hits = 0;
  let links = 0;
  related.forEach((list, self) => {
    for (const other of list) {
      links++;
      if (topicOf[other] === topicOf[self]) hits++;
    }
  });
  return links === 0 ? 0 : hits / links;
}
