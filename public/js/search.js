/*
 * The search page: asks the Pagefind index that every build writes to
 * pagefind/ for the reader's words, narrowed by section, author and year, and
 * lists the stories found by relevance or newest first. The index is in
 * parts, one per year or run of months (pagefind/<part>/, named newest first
 * by the form's data-shards), opened together (see openIndex). Plain
 * text from the index is only ever put on the page as text. Without
 * JavaScript the page shows links to the sections and topics instead.
 */

/** Results shown at first, and added by each press of "More results". */
const PAGE_SIZE = 20;

/** The search filters, each the Pagefind filter of the same name, and the id of its control. */
const FILTERS = { section: 'filter-section', author: 'filter-author', year: 'filter-year' };

/**
 * A Pagefind excerpt as pieces of text, each marked when it is a word that
 * matched. Pagefind escapes `<` and `>` of the page text and wraps matches in
 * `<mark>`, so those tags are the only markup in it.
 */
export function excerptParts(excerpt) {
  const parts = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') parts.push({ text: piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), marked });
  }
  return parts;
}

/** Text that ends a sentence: a full stop, question or exclamation mark, or an ellipsis, perhaps inside a closing quote or bracket. */
const SENTENCE_END = /[.!?…]['"’”)\]]*$/;

/**
 * Whether an excerpt starts and ends mid-sentence, so that the reader is
 * shown "…" there: `excerpt` is Pagefind's (with `<mark>`), `content` the
 * page's whole indexed text, which the excerpt is a run of words from. An
 * excerpt that starts the text, or follows the end of a sentence, starts
 * cleanly; one that ends the text, or ends a sentence, ends cleanly. When
 * the excerpt cannot be found in the text, a small letter at its start and
 * no full stop at its end are taken as the signs.
 */
export function excerptCuts(excerpt, content) {
  const plain = excerptParts(excerpt).map((part) => part.text).join('').replace(/\s+/g, ' ').trim();
  if (plain === '') return { before: false, after: false };
  const text = (content ?? '').replace(/\s+/g, ' ');
  const at = text.indexOf(plain);
  const endsSentence = SENTENCE_END.test(plain);
  if (at < 0) return { before: /^\p{Ll}/u.test(plain), after: !endsSentence };
  const before = text.slice(0, at).trim();
  const after = text.slice(at + plain.length).trim();
  return { before: before !== '' && !SENTENCE_END.test(before), after: after !== '' && !endsSentence };
}

/**
 * What to ask Pagefind from the values of the form: the words (null lists
 * everything the filters let through) and the options of the search, or
 * undefined when there is nothing to search for.
 */
export function searchRequest(values) {
  const term = (values.q ?? '').trim();
  const filters = {};
  for (const key of Object.keys(FILTERS)) if (values[key]) filters[key] = values[key];
  if (term === '' && Object.keys(filters).length === 0) return undefined;
  // Without words there is no relevance to rank by.
  const newest = values.sort === 'newest' || term === '';
  return { term: term === '' ? null : term, options: newest ? { filters, sort: { date: 'desc' } } : { filters } };
}

/**
 * The parts of the index that hold stories, newest first, or those of the
 * year the filter names: a part is a year ("2025") or a run of its months
 * ("2025-07"), and the pages' part has no year.
 */
export function shardsFor(shards, filters) {
  const dated = shards.filter((shard) => /^\d{4}(-\d{2})?$/.test(shard));
  return filters.year ? dated.filter((shard) => shard.slice(0, 4) === filters.year) : dated;
}

/** The filter each part carries (Pagefind's mergeFilter), so that a search can ask one part alone. */
const PART_FILTER = 'part';

/**
 * The parts of the index, `shards` under `indexUrl` (newest first), opened
 * as one search with `pagefind` (any part's pagefind.js; `options` go to
 * every part). Pagefind merges the parts' filters, and their results by
 * score, which is relevance; but a part's results sorted by date carry their
 * rank as score, so merged they would interleave. Newest first is asked of
 * one part at a time instead, through the filter each part is given, and
 * the answers put one after another: parts do not overlap in time.
 */
export async function openIndex(pagefind, indexUrl, shards, options = {}) {
  // Nothing published yet: no part, and nothing is ever found.
  if (shards.length === 0) return { filters: async () => ({}), search: async () => [] };
  const partUrl = (shard) => new URL(`${shard}/`, indexUrl).href;
  const partOptions = (shard) => ({ ...options, mergeFilter: { [PART_FILTER]: shard } });
  await pagefind.options({ ...partOptions(shards[0]), basePath: partUrl(shards[0]) });
  for (const shard of shards.slice(1)) await pagefind.mergeIndex(partUrl(shard), partOptions(shard));
  return {
    filters: async () => {
      const { [PART_FILTER]: _parts, ...filters } = await pagefind.filters();
      return filters;
    },
    search: async (term, searchOptions) => {
      if (!searchOptions.sort) return (await pagefind.search(term, searchOptions)).results;
      const parts = shardsFor(shards, searchOptions.filters ?? {});
      const responses = await Promise.all(parts.map((part) => pagefind.search(term, { ...searchOptions, filters: { ...searchOptions.filters, [PART_FILTER]: part } })));
      return responses.flatMap((response) => response.results);
    },
  };
}

/** The values of a filter in the order a reader looks for them: years newest first, names alphabetically. */
export function filterValues(key, counts, language) {
  const values = Object.keys(counts);
  return key === 'year' ? values.sort().reverse() : values.sort(new Intl.Collator(language).compare);
}

/** The page's query string for the form's values, so that a search can be bookmarked and shared. */
export function queryString(values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value && value.trim() !== '') params.set(key, value);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

// Only the search page has the form; this module is also loaded by unit tests.
const form = globalThis.document?.getElementById('search-form');
if (form) start(form);

async function start(form) {
  const doc = form.ownerDocument;
  const input = doc.getElementById('search-input');
  const sort = doc.getElementById('search-sort');
  const status = doc.getElementById('search-status');
  const list = doc.getElementById('search-results');
  const more = doc.getElementById('search-more');
  // Sections and topics to browse instead, shown when a search finds nothing.
  const empty = doc.getElementById('search-empty');
  const selects = Object.entries(FILTERS).map(([key, id]) => [key, doc.getElementById(id)]);

  const shards = (form.dataset.shards ?? '').split(' ').filter((shard) => shard !== '');
  let index;
  try {
    // The index sits beside the js/ folder, under whatever path prefix the
    // site has. One pagefind.js serves every part (they are the same file).
    const indexUrl = new URL('../pagefind/', import.meta.url);
    const pagefind = shards.length > 0 ? await import(new URL(`${shards[0]}/pagefind.js`, indexUrl).href) : undefined;
    index = await openIndex(pagefind, indexUrl, shards);
    const available = await index.filters();
    for (const [key, select] of selects) {
      for (const value of filterValues(key, available[key] ?? {}, doc.documentElement.lang || undefined)) {
        const option = doc.createElement('option');
        option.value = value;
        option.textContent = value;
        select.append(option);
      }
    }
  } catch {
    status.textContent = 'Search could not be loaded. Please try again later, or browse the sections.';
    return;
  }

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  // A value that is not among the options leaves the control at "All".
  for (const [key, select] of selects) select.value = params.get(key) ?? '';
  sort.value = params.get('sort') === 'newest' ? 'newest' : '';
  form.hidden = false;

  const values = () => ({ q: input.value, ...Object.fromEntries(selects.map(([key, select]) => [key, select.value])), sort: sort.value });
  let pending = [];
  // Answers to a search that was since replaced by another are dropped.
  let current = 0;

  const showMore = async (ticket) => {
    const next = pending.splice(0, PAGE_SIZE);
    const found = await Promise.all(next.map((result) => result.data()));
    if (ticket !== current) return;
    list.append(...found.map((item) => resultItem(doc, item)));
    more.hidden = pending.length === 0;
  };

  const run = async () => {
    const ticket = ++current;
    const chosen = values();
    history.replaceState(null, '', `${location.pathname}${queryString(chosen)}`);
    const request = searchRequest(chosen);
    list.replaceChildren();
    more.hidden = true;
    if (empty) empty.hidden = true;
    pending = [];
    if (!request) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const results = await index.search(request.term, request.options);
      if (ticket !== current) return;
      pending = results;
      const count = pending.length === 1 ? '1 story' : `${pending.length} stories`;
      status.textContent = request.term === null ? `${count} found` : `${count} found for “${request.term}”`;
      if (empty) empty.hidden = pending.length > 0;
      await showMore(ticket);
    } catch {
      if (ticket === current) status.textContent = 'The search failed. Please try again.';
    }
  };

  let typing;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    run();
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(run, 300);
  });
  for (const [, select] of selects) select.addEventListener('change', run);
  sort.addEventListener('change', run);
  more.addEventListener('click', () => showMore(current).catch(() => {}));
  run();
}

/** One result: the headline linked to the story, its section and date, and the excerpt with the matched words marked and "…" where it cuts a sentence. */
function resultItem(doc, { url, meta, excerpt, content }) {
  const item = doc.createElement('li');
  const heading = doc.createElement('h2');
  heading.className = 'search-result-title';
  const link = doc.createElement('a');
  link.href = url;
  link.textContent = meta.title ?? url;
  heading.append(link);
  const dateline = doc.createElement('p');
  dateline.className = 'dateline';
  for (const text of [meta.section, meta.date]) {
    if (!text) continue;
    const span = doc.createElement('span');
    span.textContent = text;
    dateline.append(span);
  }
  const summary = doc.createElement('p');
  summary.className = 'search-excerpt';
  const cuts = excerptCuts(excerpt ?? '', content);
  if (cuts.before) summary.append('…');
  for (const { text, marked } of excerptParts(excerpt ?? '')) {
    if (!marked) {
      summary.append(text);
      continue;
    }
    const mark = doc.createElement('mark');
    mark.textContent = text;
    summary.append(mark);
  }
  if (cuts.after) summary.append('…');
  item.append(heading, dateline, summary);
  return item;
}
