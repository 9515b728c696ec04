import { createRequire } from 'node:module';
import type { createLowlight } from 'lowlight';

export type CodeHighlighter = ReturnType<typeof createLowlight>;

let highlighter: CodeHighlighter | undefined;

/**
 * lowlight with highlight.js's common grammars (37 languages: those of
 * lowlight's `common` set), loaded on first use. Loading them takes about
 * 150 ms, more than rendering a hundred articles, so a process that renders
 * no code with a language never pays it. lowlight offers every grammar
 * from one entry point only, so that entry is required when first needed
 * rather than imported with this module.
 */
export function codeHighlighter(): CodeHighlighter {
  if (!highlighter) {
    const { createLowlight: create, common } = createRequire(import.meta.url)('lowlight') as typeof import('lowlight');
    highlighter = create(common);
  }
  return highlighter;
}
