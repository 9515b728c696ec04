import type { SearchShard } from '../routes/search-parts.js';
import type { PageFingerprints } from './fingerprint.js';
import type { Manifest } from './manifest.js';

export interface ReuseInput {
  /** The last build's manifest; none for a first build. */
  previous: Manifest | undefined;
  prints: PageFingerprints;
  /** Published public/ and generated file → the size and time of the file it is copied from. */
  publicFiles: ReadonlyMap<string, { size: number; mtimeMs: number }>;
  /** What the extra files are made from (see extraFilesKey); undefined when the build makes none. */
  extrasKey: string | undefined;
  /** The parts of the search index, each with what it is made from. */
  shards: readonly { shard: SearchShard; key: string }[];
  /** Whether a file of the last build's output is still as it was written. */
  intact: (file: string) => boolean;
}

export interface ReusePlan {
  /** public/ and generated files taken over from the last output. */
  public: Set<string>;
  /** Article and archive page files taken over. */
  pages: Set<string>;
  /** The pages made from templates alone (home, lists) taken over. */
  templatePages: boolean;
  /** Feeds, sitemaps and host files taken over without making them. */
  extras: boolean;
  /** Part of the search index → its files, for the parts taken over. */
  search: Map<string, string[]>;
  /** The parts to index afresh. */
  toIndex: SearchShard[];
  /** Nothing to make: the last output is this build's output. */
  upToDate: boolean;
  /** Files in the output when it is up to date. */
  files: number;
}

/**
 * What of the last output this build can keep: each file whose inputs (its
 * fingerprint, its source's size and time, the key of what it is made from)
 * are those of the last build, and which is still there as it was written.
 * Everything else is made. Pure, given `intact`.
 */
export function planReuse(input: ReuseInput): ReusePlan {
  const { previous, prints, intact } = input;
  const publicFiles = new Set(
    [...input.publicFiles].filter(([file, stat]) => {
      const recorded = previous?.public[file];
      return recorded && recorded[0] === stat.size && recorded[1] === stat.mtimeMs && intact(file);
    }).map(([file]) => file),
  );
  const pages = new Set([...prints.pages].filter(([file, print]) => previous?.pages[file] === print && intact(file)).map(([file]) => file));
  // The extra files are made from the pages' data: with the same
  // fingerprints and key they would come out the same, so they are not made.
  const extras = input.extrasKey !== undefined && !!previous?.extras && previous.extrasKey === input.extrasKey && Object.keys(previous.extras).every(intact);
  const templatePages = !!previous && previous.templatePages === prints.templatePages && previous.templateFiles.every(intact);
  // Each part of the index is made from its year's published article pages
  // alone: while none of them changed, the last one is kept. Indexing takes
  // most of a build of ten thousand articles in which one page changed.
  const search = new Map<string, string[]>();
  for (const { shard, key } of input.shards) {
    const last = previous?.search?.[shard.name];
    if (last && last.key === key && last.files.every(intact)) search.set(shard.name, last.files);
  }
  const toIndex = input.shards.filter(({ shard }) => !search.has(shard.name)).map(({ shard }) => shard);

  const expected = new Set([
    ...input.publicFiles.keys(),
    ...prints.pages.keys(),
    ...(extras ? Object.keys(previous?.extras ?? {}) : []),
    ...(templatePages ? (previous?.templateFiles ?? []) : []),
    ...[...search.values()].flat(),
  ]);
  const upToDate =
    !!previous &&
    templatePages &&
    toIndex.length === 0 &&
    publicFiles.size === input.publicFiles.size &&
    pages.size === prints.pages.size &&
    (extras || input.extrasKey === undefined) &&
    expected.size === Object.keys(previous.files).length;
  return { public: publicFiles, pages, templatePages, extras, search, toIndex, upToDate, files: expected.size };
}
