import type { TermCount } from './terms.js';

/** What the engine needs to know of an article; plain data, no Eleventy, no files. */
export interface RelatedDoc {
  slug: string;
  /** Publication time, ms. */
  epoch: number;
  section: string;
  authors: readonly string[];
  /** Tag slugs. */
  tags: readonly string[];
  /** Content words of headline, standfirst and body, with counts. */
  terms: readonly TermCount[];
  /** Whether it may be linked to: published, not a draft or a future article. */
  candidate: boolean;
}

/** How much each kind of evidence counts. Each part of the score lies between 0 and 1 before weighting. */
export interface RelatedWeights {
  /** Cosine similarity of TF-IDF vectors of headline, standfirst and body. */
  text: number;
  /** Shared tags, each by its rarity (IDF), as a share of the article's own tags. */
  tags: number;
  section: number;
  author: number;
  /** Closeness in time: 1 on the same day, halving every `recencyHalfLifeDays`. */
  recency: number;
}

export interface RelatedSettings {
  /** Links per article. */
  count: number;
  weights: RelatedWeights;
  recencyHalfLifeDays: number;
}

export const DEFAULT_RELATED_SETTINGS: RelatedSettings = {
  count: 5,
  weights: { text: 1, tags: 0.6, section: 0.1, author: 0.05, recency: 0.05 },
  recencyHalfLifeDays: 365,
};

/** Terms per article vector: the rest add noise and cost, not meaning. */
const VECTOR_TERMS = 40;
/** Query terms: the article's strongest terms look for candidates. */
const QUERY_TERMS = 16;
/** Longest posting list kept per term or tag, strongest (or newest) first: bounds the work per article. */
const POSTING_LIMIT = 200;
/** Never fewer links than this, when the site has enough articles. */
const MIN_LINKS = 4;

const DAY = 86_400_000;

/**
 * "You may also like" for every article: indices into `docs`, best first.
 * Candidates come from inverted indexes of terms and tags with bounded
 * posting lists, and are ranked with a top-k selection, so the work grows
 * with the number of articles, not with its square. Deterministic: equal
 * scores go to the newer article, then to the slug in code-point order.
 */
export function relatedArticles(docs: readonly RelatedDoc[], settings: RelatedSettings = DEFAULT_RELATED_SETTINGS): number[][] {
  const n = docs.length;
  const vectors = termVectors(docs);
  const termPostings = postingsByWeight(vectors, docs);
  const { tagIds, tagIdf } = tagTable(docs);
  const tagPostings = postingsByRecency(docs, tagIds);
  const sectionOf = denseIds(docs.map((d) => d.section));
  const authorIds = new Map<string, number>();
  const authorsOf = docs.map((d) => d.authors.map((a) => authorIds.get(a) ?? authorIds.set(a, authorIds.size).size - 1));

  const textScore = new Float64Array(n);
  const tagScore = new Float64Array(n);
  const touched: number[] = [];
  const seen = new Uint8Array(n);
  const total = new Float64Array(n);
  const { weights } = settings;
  const halfLife = settings.recencyHalfLifeDays * DAY;
  const better = (a: number, b: number) =>
    (total[b] as number) - (total[a] as number) ||
    (docs[b] as RelatedDoc).epoch - (docs[a] as RelatedDoc).epoch ||
    compare((docs[a] as RelatedDoc).slug, (docs[b] as RelatedDoc).slug);
  const newestFirst = candidatesNewestFirst(docs);
  const bySection = groupBy(newestFirst, (index) => sectionOf[index] as number);

  return docs.map((doc, self) => {
    const touch = (other: number) => {
      if (!seen[other]) {
        seen[other] = 1;
        touched.push(other);
      }
    };
    const vector = vectors[self] as Vector;
    for (let i = 0; i < Math.min(QUERY_TERMS, vector.terms.length); i++) {
      const weight = vector.weights[i] as number;
      for (const [other, otherWeight] of termPostings.get(vector.terms[i] as number) ?? []) {
        touch(other);
        textScore[other] = (textScore[other] as number) + weight * otherWeight;
      }
    }
    const ownTags = doc.tags.map((t) => tagIds.get(t) as number);
    const tagNorm = ownTags.reduce((sum, t) => sum + (tagIdf[t] as number), 0) || 1;
    for (const tag of ownTags) {
      for (const other of tagPostings[tag] ?? []) {
        touch(other);
        tagScore[other] = (tagScore[other] as number) + (tagIdf[tag] as number) / tagNorm;
      }
    }
    const ownAuthors = authorsOf[self] as number[];
    const candidates: number[] = [];
    for (const other of touched) {
      if (other !== self) {
        const sameSection = sectionOf[other] === sectionOf[self] ? 1 : 0;
        const sharedAuthor = (authorsOf[other] as number[]).some((a) => ownAuthors.includes(a)) ? 1 : 0;
        const recency = Math.pow(0.5, Math.abs((docs[other] as RelatedDoc).epoch - doc.epoch) / halfLife);
        total[other] =
          weights.text * (textScore[other] as number) +
          weights.tags * (tagScore[other] as number) +
          weights.section * sameSection +
          weights.author * sharedAuthor +
          weights.recency * recency;
        candidates.push(other);
      }
      textScore[other] = 0;
      tagScore[other] = 0;
      seen[other] = 0;
    }
    touched.length = 0;
    const chosen = topK(candidates, settings.count, better);
    // A site with few articles, or an article with nothing in common with
    // any other: the newest of its section, then of the site.
    const minimum = Math.min(MIN_LINKS, settings.count);
    fillUp(chosen, bySection.get(sectionOf[self] as number) ?? [], self, minimum);
    fillUp(chosen, newestFirst, self, minimum);
    return chosen;
  });
}

interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

/** TF-IDF vectors, (1 + ln tf) × ln(1 + N / df), cut to the strongest terms and scaled to length 1. */
function termVectors(docs: readonly RelatedDoc[]): Vector[] {
  const ids = new Map<string, number>();
  const df: number[] = [];
  for (const doc of docs) {
    for (const [term] of doc.terms) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
        df.push(0);
      }
      df[id] = (df[id] as number) + 1;
    }
  }
  const n = docs.length;
  return docs.map((doc) => {
    const weighted = doc.terms
      .map(([term, count]) => {
        const id = ids.get(term) as number;
        return { id, term, weight: (1 + Math.log(count)) * Math.log(1 + n / (df[id] as number)) };
      })
      .sort((a, b) => b.weight - a.weight || compare(a.term, b.term))
      .slice(0, VECTOR_TERMS);
    const length = Math.sqrt(weighted.reduce((sum, t) => sum + t.weight * t.weight, 0)) || 1;
    return { terms: Int32Array.from(weighted, (t) => t.id), weights: Float64Array.from(weighted, (t) => t.weight / length) };
  });
}

/** Term → candidate articles with their weight for it, strongest first, at most POSTING_LIMIT. */
function postingsByWeight(vectors: readonly Vector[], docs: readonly RelatedDoc[]): Map<number, [number, number][]> {
  const postings = new Map<number, [number, number][]>();
  vectors.forEach((vector, index) => {
    if (!(docs[index] as RelatedDoc).candidate) return;
    vector.terms.forEach((term, i) => {
      const list = postings.get(term);
      const entry: [number, number] = [index, vector.weights[i] as number];
      if (list) list.push(entry);
      else postings.set(term, [entry]);
    });
  });
  for (const [term, list] of postings) {
    if (list.length > POSTING_LIMIT) {
      postings.set(term, list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, POSTING_LIMIT));
    }
  }
  return postings;
}

function tagTable(docs: readonly RelatedDoc[]): { tagIds: Map<string, number>; tagIdf: Float64Array } {
  const tagIds = new Map<string, number>();
  const counts: number[] = [];
  for (const doc of docs) {
    for (const tag of doc.tags) {
      const id = tagIds.get(tag) ?? tagIds.set(tag, tagIds.size).size - 1;
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  // A tag on every article says nothing; a tag on two says a lot.
  const tagIdf = Float64Array.from(counts, (count) => Math.log(1 + docs.length / count));
  return { tagIds, tagIdf };
}

/** Tag → candidate articles, newest first, at most POSTING_LIMIT: a tag on thousands of stories is weak evidence anyway. */
function postingsByRecency(docs: readonly RelatedDoc[], tagIds: Map<string, number>): number[][] {
  const postings: number[][] = Array.from({ length: tagIds.size }, () => []);
  for (const index of candidatesNewestFirst(docs)) {
    for (const tag of (docs[index] as RelatedDoc).tags) {
      const list = postings[tagIds.get(tag) as number] as number[];
      if (list.length < POSTING_LIMIT) list.push(index);
    }
  }
  return postings;
}

function candidatesNewestFirst(docs: readonly RelatedDoc[]): number[] {
  return docs
    .map((_, index) => index)
    .filter((index) => (docs[index] as RelatedDoc).candidate)
    .sort((a, b) => (docs[b] as RelatedDoc).epoch - (docs[a] as RelatedDoc).epoch || compare((docs[a] as RelatedDoc).slug, (docs[b] as RelatedDoc).slug));
}

/** The `k` best items in order, without sorting them all. */
function topK(items: readonly number[], k: number, better: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === k && better(item, best[k - 1] as number) >= 0) continue;
    let index = best.length;
    while (index > 0 && better(item, best[index - 1] as number) < 0) index--;
    best.splice(index, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function fillUp(chosen: number[], pool: Iterable<number>, self: number, min: number): void {
  for (const candidate of pool) {
    if (chosen.length >= min) return;
    if (candidate !== self && !chosen.includes(candidate)) chosen.push(candidate);
  }
}

function denseIds(values: readonly string[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(values, (value) => ids.get(value) ?? ids.set(value, ids.size).size - 1);
}

function groupBy<K>(items: readonly number[], key: (item: number) => K): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
