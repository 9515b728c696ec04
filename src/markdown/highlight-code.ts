import type { ElementContent, RootContent as HastContent } from 'hast';
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../util/suggest.js';
import { codeHighlighter } from './code-highlighter.js';

/** Languages that ask for no highlighting: shown as plain code, as before, without a word. */
const PLAIN = new Set(['text', 'txt', 'plain', 'plaintext', 'none', 'nohighlight', 'output']);

/**
 * Characters of code highlighted in one body. Highlighting dense code and
 * writing its spans takes some 15 ms per thousand characters on our
 * 2-core machine (50,000: about 0.7 s more for the file), while a story's
 * listings are a few thousand characters.
 */
export const HIGHLIGHTED_PER_BODY = 50_000;

/**
 * Colour the code of fenced blocks with a language (```` ```js ````) at
 * build time: highlight.js's grammars through lowlight give `span`s with
 * `hljs-…` classes, which the site's stylesheet colours; no script runs on
 * the page. A block without a language, or a plain one (`text`), stays as
 * it was. An unknown language, or code past the body's share, is plain
 * code with a warning. The `language-…` class stays as written.
 */
export function remarkHighlightCode() {
  return (tree: Root, file: VFile): undefined => {
    let left = HIGHLIGHTED_PER_BODY;
    let overBudget = false;
    const unknown = new Set<string>();
    visit(tree, 'code', (node) => {
      const language = node.lang?.toLowerCase();
      if (!language || PLAIN.has(language)) return;
      const highlighter = codeHighlighter();
      if (!highlighter.registered(language)) {
        // Once per language: a story may show the same listing language many times.
        if (!unknown.has(language)) warnUnknownLanguage(file, node, highlighter.listLanguages(), unknown.size);
        unknown.add(language);
        return;
      }
      if (node.value.length > left) {
        // Once over, stay over: later small blocks in colour after a plain one would look like a mistake.
        if (!overBudget) {
          const message = file.message(`code blocks from here on are shown without colours: a story's highlighted code is limited to ${HIGHLIGHTED_PER_BODY.toLocaleString('en')} characters`, node);
          message.note = 'link to long listings instead of including them';
        }
        overBudget = true;
        return;
      }
      if (overBudget || node.value === '') return;
      left -= node.value.length;
      const highlighted = highlighter.highlight(language, node.value);
      // mdast-util-to-hast ends a block's code with a line break; so does the highlighted code.
      node.data = { ...node.data, hChildren: [...highlighted.children.flatMap(withHljsClassesOnly), { type: 'text', value: '\n' }] };
    });
  };
}

/** Past this many unknown languages in one body, the rest are not named one by one. */
const UNKNOWN_LANGUAGES_NAMED = 20;

function warnUnknownLanguage(file: VFile, node: Code, known: readonly string[], before: number): void {
  if (before > UNKNOWN_LANGUAGES_NAMED) return;
  if (before === UNKNOWN_LANGUAGES_NAMED) {
    file.message('more code blocks in languages that are not known are shown without colours', node).note = 'see the warnings above';
    return;
  }
  const names = known.filter((name) => !PLAIN.has(name));
  const message = file.message(`code in "${node.lang}" is shown without colours: that language is not known`, node);
  // One- and two-letter names (c, r, go) would be offered for too many words.
  const suggestion = didYouMean(node.lang!.toLowerCase(), names.filter((name) => name.length > 2));
  message.note = [suggestion, `the languages are ${names.join(', ')}; "text" is plain code`].filter(Boolean).join(' ');
}

/**
 * highlight.js marks sub-scopes with extra classes (`function_`) and
 * embedded languages with a `language-…` span; only `hljs-…` classes are
 * styled and let through, and a span left without one is just its content.
 */
function withHljsClassesOnly(node: HastContent): ElementContent[] {
  if (node.type !== 'element') return node.type === 'text' ? [node] : [];
  const children = node.children.flatMap(withHljsClassesOnly);
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String).filter((name) => name.startsWith('hljs-')) : [];
  return classes.length > 0 ? [{ type: 'element', tagName: 'span', properties: { className: classes }, children }] : children;
}
