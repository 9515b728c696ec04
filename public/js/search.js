/*
 * The search page: asks the Pagefind index that every build writes to
 * pagefind/ for the reader's words, narrowed by section, author and year, and
 * lists the stories found by relevance or newest first. Plain text from the
 * index is only ever put on the page as text. Without JavaScript the page
 * shows links to the sections and topics instead.
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
  const selects = Object.entries(FILTERS).map(([key, id]) => [key, doc.getElementById(id)]);

  let pagefind;
  try {
    // The index sits beside the js/ folder, under whatever path prefix the site has.
    pagefind = await import(new URL('../pagefind/pagefind.js', import.meta.url).href);
    const available = await pagefind.filters();
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
    pending = [];
    if (!request) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const response = await pagefind.search(request.term, request.options);
      if (ticket !== current) return;
      pending = response.results;
      const count = pending.length === 1 ? '1 story' : `${pending.length} stories`;
      status.textContent = request.term === null ? `${count} found` : `${count} found for “${request.term}”`;
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

/** One result: the headline linked to the story, its section and date, and the excerpt with the matched words marked. */
function resultItem(doc, { url, meta, excerpt }) {
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
  for (const { text, marked } of excerptParts(excerpt ?? '')) {
    if (!marked) {
      summary.append(text);
      continue;
    }
    const mark = doc.createElement('mark');
    mark.textContent = text;
    summary.append(mark);
  }
  item.append(heading, dateline, summary);
  return item;
}
