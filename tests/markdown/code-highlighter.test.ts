import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { remarkBlockDirectivesOnly } from '../../src/markdown/block-directives-only.js';

test('lowlight and its grammars are loaded only when a body has code with a language', () => {
  // In a process of its own: other test files of this worker may have loaded lowlight already.
  const render = pathToFileURL(path.resolve('dist/markdown/render.js')).href;
  const script = `
    import { createRequire } from 'node:module';
    const { createRenderer } = await import(${JSON.stringify(render)});
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/lowlight/'));
    const render = createRenderer({ siteUrl: 'https://courier.example.org/' });
    render('Prose at 10:30.\\n\\n:::pullquote{by="A"}\\nQuote.\\n:::\\n\\n\`\`\`\\nplain\\n\`\`\`\\n\\n\`\`\`text\\ntext\\n\`\`\`\\n\\n    indented');
    const before = loaded();
    render('\`\`\`js\\nconst a = 1;\\n\`\`\`');
    console.log(JSON.stringify([before, loaded()]));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual([false, true]);
});

test('the directive plugin refuses to run without remark-directive before it, rather than let prose be read as directives', () => {
  expect(() => unified().use(remarkParse).use(remarkBlockDirectivesOnly).freeze()).toThrow(/remark-directive must be used just before it/);
});
