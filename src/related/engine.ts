import type { TermCounts } from './terms.js';
import { groupBy } from '../util/group-by.js';

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
  terms: TermCounts;
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

/** Terms per article vector: the rest add noise and cost, not meaning. */
const VECTOR_TERMS = 30;
/** Query terms: the article's strongest terms look for candidates. */
const QUERY_TERMS = 12;
/** Longest posting list kept per term or tag, strongest (or newest) first: bounds the work per article. */
const POSTING_LIMIT = 100;
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
export function relatedArticles(docs: readonly RelatedDoc[], settings: RelatedSettings): number[][] {
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
  // Scratch lists reused for every article, with their lengths: an array
  // emptied with `length = 0` gives up its storage and grows again each time,
  // which was most of the model stage's garbage at 10,000 articles.
  const touched = new Int32Array(n);
  let touchedCount = 0;
  const candidates = new Int32Array(n);
  const seen = new Uint8Array(n);
  const total = new Float64Array(n);
  const { weights } = settings;
  // 0.5 ** (Δ / halfLife), as one exponential.
  const decay = -Math.LN2 / (settings.recencyHalfLifeDays * DAY);
  const better = (a: number, b: number) =>
    (total[b] as number) - (total[a] as number) ||
    (docs[b] as RelatedDoc).epoch - (docs[a] as RelatedDoc).epoch ||
    compare((docs[a] as RelatedDoc).slug, (docs[b] as RelatedDoc).slug);
  const newestFirst = candidatesNewestFirst(docs);
  const bySection = groupBy(newestFirst, (index) => sectionOf[index] as number);

  const touch = (other: number) => {
    if (!seen[other]) {
      seen[other] = 1;
      touched[touchedCount++] = other;
    }
  };
  // Section, author and recency can add at most this much: a candidate
  // whose text and tags score trails the k-th best by more cannot make it.
  const maxBonus = weights.section + weights.author + weights.recency;

  return docs.map((doc, self) => {
    const vector = vectors[self] as Vector;
    for (let i = 0; i < Math.min(QUERY_TERMS, vector.terms.length); i++) {
      const weight = vector.weights[i] as number;
      const posting = termPostings.get(vector.terms[i] as number);
      if (!posting) continue;
      for (let p = 0; p < posting.docs.length; p++) {
        const other = posting.docs[p] as number;
        touch(other);
        textScore[other] = (textScore[other] as number) + weight * (posting.weights[p] as number);
      }
    }
    const ownTags = doc.tags.map((t) => tagIds.get(t) as number);
    const tagNorm = ownTags.reduce((sum, t) => sum + (tagIdf[t] as number), 0) || 1;
    for (const tag of ownTags) {
      const posting = tagPostings[tag] as number[];
      const share = (tagIdf[tag] as number) / tagNorm;
      for (let p = 0; p < posting.length; p++) {
        const other = posting[p] as number;
        touch(other);
        tagScore[other] = (tagScore[other] as number) + share;
      }
    }
    const touchedNow = touched.subarray(0, touchedCount);
    const kth = kthLargest(touchedNow, self, settings.count, (other) => weights.text * (textScore[other] as number) + weights.tags * (tagScore[other] as number));
    const ownAuthors = authorsOf[self] as number[];
    let candidateCount = 0;
    for (const other of touchedNow) {
      const partial = weights.text * (textScore[other] as number) + weights.tags * (tagScore[other] as number);
      if (other !== self && partial >= kth - maxBonus) {
        const sameSection = sectionOf[other] === sectionOf[self] ? 1 : 0;
        const sharedAuthor = sharesAny(authorsOf[other] as number[], ownAuthors) ? 1 : 0;
        const recency = Math.exp(decay * Math.abs((docs[other] as RelatedDoc).epoch - doc.epoch));
        total[other] = partial + weights.section * sameSection + weights.author * sharedAuthor + weights.recency * recency;
        candidates[candidateCount++] = other;
      }
      textScore[other] = 0;
      tagScore[other] = 0;
      seen[other] = 0;
    }
    touchedCount = 0;
    const chosen = topK(candidates.subarray(0, candidateCount), settings.count, better);
    // A site with few articles, or an article with nothing in common with
    // any other: the newest of its section, then of the site.
    const minimum = Math.min(MIN_LINKS, settings.count);
    fillUp(chosen, bySection.get(sectionOf[self] as number) ?? [], self, minimum);
    fillUp(chosen, newestFirst, self, minimum);
    return chosen;
  });
}

export interface Vector {
  /** Term ids, strongest first. */
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * TF-IDF vectors, (1 + ln tf) × ln(1 + N / df), cut to the strongest terms
 * and scaled to length 1. Exported for the benchmark's exact all-pairs baseline.
 */
export function termVectors(docs: readonly RelatedDoc[]): Vector[] {
  const { names, docTerms, df } = numberTerms(docs);
  const n = docs.length;
  const idf = Float64Array.from(names, (_, id) => Math.log(1 + n / (df[id] as number)));
  const scratch = new Float64Array(docs.reduce((most, doc) => Math.max(most, doc.terms.words.length), 0));
  return docs.map((doc, index) => strongestTerms(docTerms[index] as Int32Array, doc.terms.counts, idf, names, scratch));
}

/** Give every word an id, and count the articles each occurs in. */
function numberTerms(docs: readonly RelatedDoc[]): { names: string[]; docTerms: Int32Array[]; df: Int32Array } {
  const ids = new Map<string, number>();
  const names: string[] = [];
  let df = new Int32Array(1024);
  const docTerms = docs.map((doc) => {
    const terms = new Int32Array(doc.terms.words.length);
    doc.terms.words.forEach((word, i) => {
      let id = ids.get(word);
      if (id === undefined) {
        id = names.length;
        ids.set(word, id);
        names.push(word);
        if (id >= df.length) {
          const grown = new Int32Array(df.length * 2);
          grown.set(df);
          df = grown;
        }
      }
      df[id] = (df[id] as number) + 1;
      terms[i] = id;
    });
    return terms;
  });
  return { names, docTerms, df };
}

/**
 * One article's vector: its strongest terms, found with a native sort of the
 * weights alone; equal weights in code-point order of the term, so every
 * build keeps the same ones.
 */
function strongestTerms(terms: Int32Array, counts: readonly number[], idf: Float64Array, names: readonly string[], scratch: Float64Array): Vector {
  const weights = new Float64Array(terms.length);
  for (let i = 0; i < terms.length; i++) weights[i] = (1 + Math.log(counts[i] as number)) * (idf[terms[i] as number] as number);
  let threshold = -Infinity;
  if (weights.length > VECTOR_TERMS) {
    const sorted = scratch.subarray(0, weights.length);
    sorted.set(weights);
    threshold = sorted.sort()[weights.length - VECTOR_TERMS] as number;
  }
  const order: number[] = [];
  for (let i = 0; i < weights.length; i++) if ((weights[i] as number) >= threshold) order.push(i);
  order.sort((a, b) => (weights[b] as number) - (weights[a] as number) || compare(names[terms[a] as number] as string, names[terms[b] as number] as string));
  order.length = Math.min(order.length, VECTOR_TERMS);
  let length = 0;
  for (const i of order) length += (weights[i] as number) ** 2;
  length = Math.sqrt(length) || 1;
  return { terms: Int32Array.from(order, (i) => terms[i] as number), weights: Float64Array.from(order, (i) => (weights[i] as number) / length) };
}

/** Articles and their weights for one term, as parallel arrays: cheap to walk. */
interface Posting {
  docs: Int32Array;
  weights: Float64Array;
}

/**
 * Term → the candidate articles whose vectors hold it, with their weight
 * for it. A term held by more than POSTING_LIMIT articles keeps only the
 * strongest (ties to the lower index): a word in thousands of stories can
 * only add a little to any one score.
 */
function postingsByWeight(vectors: readonly Vector[], docs: readonly RelatedDoc[]): Map<number, Posting> {
  const counts = new Map<number, number>();
  vectors.forEach((vector, index) => {
    if ((docs[index] as RelatedDoc).candidate) for (const term of vector.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  });
  // The weight a long list's entries must reach to be kept.
  const cutoff = new Map<number, number>();
  const weightsOf = new Map<number, Float64Array>();
  for (const [term, count] of counts) if (count > POSTING_LIMIT) weightsOf.set(term, new Float64Array(count));
  const filled = new Map<number, number>();
  vectors.forEach((vector, index) => {
    if (!(docs[index] as RelatedDoc).candidate) return;
    vector.terms.forEach((term, i) => {
      const all = weightsOf.get(term);
      if (!all) return;
      const at = filled.get(term) ?? 0;
      all[at] = vector.weights[i] as number;
      filled.set(term, at + 1);
    });
  });
  for (const [term, all] of weightsOf) cutoff.set(term, (all.sort().reverse()[POSTING_LIMIT - 1]) as number);

  const postings = new Map<number, Posting>();
  for (const [term, count] of counts) {
    const size = Math.min(count, POSTING_LIMIT);
    postings.set(term, { docs: new Int32Array(size), weights: new Float64Array(size) });
  }
  const used = new Map<number, number>();
  vectors.forEach((vector, index) => {
    if (!(docs[index] as RelatedDoc).candidate) return;
    vector.terms.forEach((term, i) => {
      const weight = vector.weights[i] as number;
      const limit = cutoff.get(term);
      const posting = postings.get(term) as Posting;
      const at = used.get(term) ?? 0;
      if ((limit !== undefined && weight < limit) || at >= posting.docs.length) return;
      posting.docs[at] = index;
      posting.weights[at] = weight;
      used.set(term, at + 1);
    });
  });
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

/** The k-th largest score among `items` other than `self`; -Infinity when there are fewer than k. */
function kthLargest(items: Int32Array, self: number, k: number, score: (item: number) => number): number {
  const best: number[] = [];
  for (const item of items) {
    if (item === self) continue;
    const value = score(item);
    if (best.length === k && value <= (best[k - 1] as number)) continue;
    // Shifted by hand: splice makes an array (of what it removed) on every call.
    let index = best.length < k ? best.push(value) - 1 : k - 1;
    for (; index > 0 && value > (best[index - 1] as number); index--) best[index] = best[index - 1] as number;
    best[index] = value;
  }
  return best.length < k ? -Infinity : (best[k - 1] as number);
}

/**
 * Whether two short lists share an item. A loop, not `some` with an arrow:
 * this runs for every candidate of every article, and a closure made each
 * time was most of the model stage's garbage (about 1 GB at 10,000 articles).
 */
function sharesAny(a: readonly number[], b: readonly number[]): boolean {
  for (const item of a) if (b.includes(item)) return true;
  return false;
}

/** The `k` best items in order, without sorting them all. */
function topK(items: Int32Array, k: number, better: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === k && better(item, best[k - 1] as number) >= 0) continue;
    let index = best.length < k ? best.push(item) - 1 : k - 1;
    for (; index > 0 && better(item, best[index - 1] as number) < 0; index--) best[index] = best[index - 1] as number;
    best[index] = item;
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

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
