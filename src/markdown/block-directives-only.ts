import type { Data, Processor } from 'unified';

type Extension = NonNullable<Data['micromarkExtensions']>[number];

const COLON = 58;

/**
 * Keep remark-directive to its block forms, `::name` and `:::name`: used
 * right after it, this drops the inline form (`:name[label]{attributes}`)
 * from the syntax it registered. No block of ours is inline, and the inline
 * form is read in ordinary prose: `10:30`, `ratio a:b`, `Note:this` would
 * lose the text after the colon, and giving it back afterwards cannot
 * undo everything the parse changed (an image's alt text, a link written
 * right after a `[label]`, character references in `{…}`). Without the
 * inline form, prose is parsed exactly as before, and faster.
 */
export function remarkBlockDirectivesOnly(this: Processor): undefined {
  const extensions = this.data().micromarkExtensions ?? [];
  const index = extensions.findIndex(isDirectiveSyntax);
  // A newer remark-directive may register differently: fail loudly rather than parse prose as directives again.
  if (index === -1) throw new Error('remarkBlockDirectivesOnly: remark-directive must be used just before it');
  const { text: _inline, ...blocks } = extensions[index]!;
  extensions[index] = blocks;
}

/** remark-directive's syntax: a construct at a colon both in running text and at the start of a block. */
const isDirectiveSyntax = (extension: Extension): boolean => extension.text?.[COLON] !== undefined && extension.flow?.[COLON] !== undefined;
