/**
 * Block quotes and lists nested deeper than this are refused before parsing.
 * remark recurses once per level: a few thousand levels overflow the stack,
 * and a thousand-deep list takes over a minute. Real articles nest under ten.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * Checking and rendering one file may take this much CPU time of its worker
 * thread (wall time where the system does not tell it, see
 * workers/thread-cpu-time.ts); a file that takes more is stopped with an
 * error naming it. Inline syntax such as emphasis and brackets costs more
 * than linear time in remark, so a file of allowed size can still be built
 * to stall a build; time spent waiting for a busy machine does not count.
 */
export const FILE_TIME_LIMIT_MS = 10_000;

export interface NestingFinding {
  line: number;
  depth: number;
}

/**
 * The first line whose container nesting exceeds `limit`: the block-quote
 * and list markers at its start, plus one level per two columns of
 * whitespace among them beyond the one space each marker takes (remark nests
 * a `- ` item every two columns). Lists indented by four count double: the
 * count must never be below what remark builds, since it is a limit.
 */
export function findDeepNesting(markdown: string, limit = MAX_NESTING_DEPTH): NestingFinding | undefined {
  let line = 1;
  let start = 0;
  while (start <= markdown.length) {
    const end = markdown.indexOf('\n', start);
    const stop = end === -1 ? markdown.length : end;
    const depth = lineDepth(markdown, start, stop);
    if (depth > limit) return { line, depth };
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** The line whose quotes and lists nest deepest (counted as findDeepNesting counts), or undefined when none does. */
export function deepestNesting(markdown: string): NestingFinding | undefined {
  let deepest: NestingFinding | undefined;
  let line = 1;
  let start = 0;
  while (start <= markdown.length) {
    const end = markdown.indexOf('\n', start);
    const depth = lineDepth(markdown, start, end === -1 ? markdown.length : end);
    if (depth > (deepest?.depth ?? 0)) deepest = { line, depth };
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return deepest;
}

/**
 * Container directives (`:::name` … `:::`) nested deeper than this are
 * refused before parsing: remark's time grows with the square of the depth
 * (1,000 levels take four seconds), while newsroom blocks do not nest at all.
 */
export const MAX_DIRECTIVE_DEPTH = 20;

/**
 * The first line on which more than `limit` container directives are open.
 * A line opens one when, after its quote and list markers, it has three or
 * more colons and more than spaces after them. A line of colons alone closes the innermost open
 * one when it is no shorter and plainly in the same place: the same markers
 * before it, or only the spaces that continue the opening line's list item.
 * remark closes in more cases (one closing fence may end several, and so
 * does the end of a quote or list): this count may be above remark's, never
 * below (tests/markdown/directive-depth.test.ts compares them).
 */
export function findDeepDirectives(markdown: string, limit = MAX_DIRECTIVE_DEPTH): NestingFinding | undefined {
  // Most bodies have no block at all: no line to look at.
  if (!markdown.includes(':::')) return undefined;
  const open: { colons: number; prefix: string }[] = [];
  let line = 1;
  let start = 0;
  while (start <= markdown.length) {
    const end = markdown.indexOf('\n', start);
    const stop = end === -1 ? markdown.length : end;
    const prefixEnd = linePrefix(markdown, start, stop).end;
    const fence = /^(:{3,})(.*)$/.exec(markdown.slice(prefixEnd, stop));
    if (fence) {
      const prefix = markdown.slice(start, prefixEnd);
      // Anything after the colons but spaces may be a name (remark takes a tab for one).
      if (!/^ *\r?$/.test(fence[2]!)) {
        open.push({ colons: fence[1]!.length, prefix });
        if (open.length > limit) return { line, depth: open.length };
      } else {
        const innermost = open.at(-1);
        if (innermost && innermost.colons <= fence[1]!.length && samePlace(innermost.prefix, prefix)) open.pop();
      }
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return undefined;
}

/**
 * `::` and `:::` blocks in one body beyond this are refused before parsing:
 * remark-directive takes up to a millisecond to read each (10,000 adjacent
 * pull quotes: 7 to 10 seconds), and a story has a handful.
 */
export const MAX_DIRECTIVE_BLOCKS = 1_000;

/** The line of the first block past `limit`: a line that, after its quote and list markers, starts with two colons or more and more than spaces after them. */
export function findManyDirectives(markdown: string, limit = MAX_DIRECTIVE_BLOCKS): { line: number } | undefined {
  if (!markdown.includes('::')) return undefined;
  let count = 0;
  let line = 1;
  let start = 0;
  while (start <= markdown.length) {
    const end = markdown.indexOf('\n', start);
    const stop = end === -1 ? markdown.length : end;
    const text = markdown.slice(linePrefix(markdown, start, stop).end, stop);
    const colons = /^:{2,}/.exec(text)?.[0].length ?? 0;
    if (colons > 0 && !/^ *\r?$/.test(text.slice(colons)) && ++count > limit) return { line };
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** Whether a closing fence after `closing` is in the container that an opening fence after `opening` is. */
function samePlace(opening: string, closing: string): boolean {
  if (opening === closing) return true;
  // A list item's later lines are indented to its text, without its marker; tabs are left out (their width depends on the column).
  return /^ *$/.test(closing) && !opening.includes('\t') && opening.replace(/[^ ]/g, ' ') === closing;
}

function lineDepth(text: string, start: number, stop: number): number {
  return linePrefix(text, start, stop).depth;
}

/** The nesting of a line's quote and list markers, and where its text after them starts. */
function linePrefix(text: string, start: number, stop: number): { depth: number; end: number } {
  let markers = 0;
  let columns = 0;
  let i = start;
  while (i < stop) {
    const char = text[i];
    if (char === ' ') {
      columns++;
      i++;
    } else if (char === '\t') {
      columns += 4 - (columns % 4);
      i++;
    } else if (char === '>') {
      markers++;
      i++;
    } else if ((char === '-' || char === '+' || char === '*') && endsMarker(text, i + 1, stop)) {
      markers++;
      i++;
    } else {
      const digits = /^\d{1,9}[.)]/.exec(text.slice(i, Math.min(stop, i + 11)));
      if (!digits || !endsMarker(text, i + digits[0].length, stop)) break;
      markers++;
      i += digits[0].length;
    }
  }
  return { depth: markers + Math.floor(Math.max(0, columns - markers) / 2), end: i };
}

const endsMarker = (text: string, at: number, stop: number): boolean => at >= stop || text[at] === ' ' || text[at] === '\t';

/**
 * Embeds in one body. A live blog may hold a few dozen videos and posts;
 * each is a block on the page and a frame a reader may load.
 */
export const MAX_EMBEDS_PER_BODY = 50;

/** Why a body has too many embeds, and where the first one over the limit is. */
export const TOO_MANY_EMBEDS = {
  message: `more than ${MAX_EMBEDS_PER_BODY} embeds in one story`,
  hint: 'each embed is a frame a reader may load; split the story, or link to the rest',
};

/**
 * The line and column of the first `::embed` line over `limit`, outside
 * fenced code, found before parsing: parsing ten thousand directives takes
 * seconds, and the answer is one error. Embeds written as a bare address
 * are counted by the plugin (embeds.ts), which gives the same error.
 */
export function findTooManyEmbeds(markdown: string, limit = MAX_EMBEDS_PER_BODY): { line: number; column: number } | undefined {
  if (!markdown.includes('::embed')) return undefined;
  let count = 0;
  let fence: string | undefined;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const text = line.trimStart();
    const marker = text.startsWith('```') ? '```' : text.startsWith('~~~') ? '~~~' : undefined;
    if (marker) fence = fence === undefined ? marker : fence === marker ? undefined : fence;
    else if (fence === undefined && text.startsWith('::embed') && ++count > limit) return { line: index + 1, column: line.length - text.length + 1 };
  }
  return undefined;
}

/**
 * Raw HTML elements left open inside one another beyond this are refused
 * before parsing: the parser and the tree tools after it recurse once per
 * level (thousands of unclosed `<sup>` overflow the stack), and a real
 * story's HTML nests a few levels deep.
 */
export const MAX_HTML_NESTING = 100;

// Their end tag may be left out, or they have none: they never count as open.
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup', 'option', 'optgroup', 'rt', 'rp',
]);

/**
 * The first of `pieces` (the raw HTML of one run, in order) after which
 * more than `limit` elements are open, counting start tags against end
 * tags. It counts no fewer levels than an editor's tags can open (tags in
 * comments and attribute values count too), so it is safe as a limit.
 */
export function findDeepHtml(pieces: readonly string[], limit = MAX_HTML_NESTING): number | undefined {
  let depth = 0;
  for (const [index, piece] of pieces.entries()) {
    for (const tag of piece.matchAll(/<(\/?)([a-zA-Z][^\s/>]*)/g)) {
      if (NOT_NESTING.has((tag[2] ?? '').toLowerCase())) continue;
      depth = tag[1] ? Math.max(0, depth - 1) : depth + 1;
      if (depth > limit) return index;
    }
  }
  return undefined;
}
