import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

/*
 * A WordPress export of `posts` posts for the import benchmark: classic and
 * block bodies of about 800 words with captions, embeds and galleries,
 * nested categories, tags, comments with replies, a featured image per post
 * (with its attachment item after the post, as WordPress often writes them)
 * and a matching uploads folder of small files. Deterministic: the same
 * count gives the same bytes.
 *
 *   tsx bench/import-wxr.ts 20000 /tmp/wxr   → /tmp/wxr/export.xml, /tmp/wxr/uploads/
 */

const WORDS = 'harbour tide council tram ferry lifeboat regatta storm quay market school budget bridge library festival pier lighthouse harvest election rail'.split(' ');
const SECTIONS = ['news', 'sport', 'business', 'culture', 'opinion'];

/** A small generator of repeatable numbers (a linear congruential one), so two runs write the same file. */
function numbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const pad = (n: number) => String(n).padStart(2, '0');

/** The bytes of every generated upload: the import copies uploads and never decodes them, so any 2 KB will do. */
const UPLOAD = Buffer.alloc(2048, 0x42);

export async function writeBenchExport(posts: number, folder: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'export.xml');
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const random = numbers(posts);
  const word = () => WORDS[Math.floor(random() * WORDS.length)] ?? 'harbour';
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, word);
    return `${(words[0] ?? '').replace(/^./, (c) => c.toUpperCase())} ${words.slice(1).join(' ')}.`;
  };
  const paragraph = () => Array.from({ length: 5 }, () => sentence(8 + Math.floor(random() * 10))).join(' ');

  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>The Benchmark Bay Herald</title><link>https://herald.example</link><description>A generated archive</description><language>en-GB</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://herald.example</wp:base_site_url><wp:base_blog_url>https://herald.example</wp:base_blog_url>
`);
  for (let a = 0; a < 20; a++) {
    await write(`<wp:author><wp:author_login>${cdata(`writer${a}`)}</wp:author_login><wp:author_display_name>${cdata(`Writer ${a}`)}</wp:author_display_name></wp:author>\n`);
  }
  for (const section of SECTIONS) {
    await write(`<wp:category><wp:category_nicename>${section}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(section.replace(/^./, (c) => c.toUpperCase()))}</wp:cat_name></wp:category>\n`);
    for (const child of ['local', 'county']) {
      await write(`<wp:category><wp:category_nicename>${section}-${child}</wp:category_nicename><wp:category_parent>${section}</wp:category_parent><wp:cat_name>${cdata(`${section} ${child}`)}</wp:cat_name></wp:category>\n`);
    }
  }

  for (let id = 1; id <= posts; id++) {
    const day = new Date(Date.UTC(2005, 0, 1) + Math.floor((id / posts) * 20 * 365) * 86_400_000);
    const ymd = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const folder = `${day.getUTCFullYear()}/${pad(day.getUTCMonth() + 1)}`;
    const image = `https://herald.example/wp-content/uploads/${folder}/photo-${id}.jpg`;
    const section = SECTIONS[id % SECTIONS.length] ?? 'news';
    const blocks = id % 3 === 0;
    const paragraphs = Array.from({ length: 10 }, paragraph);
    let body: string;
    if (blocks) {
      body = paragraphs.map((text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`).join('\n\n');
      body += `\n\n<!-- wp:image {"id":${posts + id}} -->\n<figure class="wp-block-image"><img src="${image}" alt="" class="wp-image-${posts + id}"/><figcaption>${sentence(6)}</figcaption></figure>\n<!-- /wp:image -->`;
      body += `\n\n<!-- wp:embed {"url":"https://www.youtube.com/watch?v=aBcDeFgHiJk","type":"video"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=aBcDeFgHiJk\n</div></figure>\n<!-- /wp:embed -->`;
    } else {
      body = paragraphs.join('\n\n');
      body += `\n\n[caption id="attachment_${posts + id}" width="300"]<a href="${image}"><img src="${image}" alt="${word()} at dawn" /></a> ${sentence(6)}[/caption]`;
      body += '\n\nhttps://www.youtube.com/watch?v=aBcDeFgHiJk\n\n';
      body += paragraphs.slice(0, 2).join('\n\n');
    }
    const comments: string[] = [];
    const count = Math.floor(random() * 6);
    for (let c = 1; c <= count; c++) {
      const commentId = id * 10 + c;
      const parent = c > 1 && random() < 0.5 ? id * 10 + c - 1 : 0;
      comments.push(
        `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>${cdata(`Reader ${c}`)}</wp:comment_author><wp:comment_date>${ymd} 1${c}:00:00</wp:comment_date><wp:comment_date_gmt>${ymd} 1${c}:00:00</wp:comment_date_gmt><wp:comment_content>${cdata(sentence(20))}</wp:comment_content><wp:comment_approved>${c === 5 ? 'spam' : '1'}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`,
      );
    }
    await write(`<item><title>${cdata(sentence(7))}</title><link>https://herald.example/${ymd.replace(/-/g, '/')}/story-${id}/</link><dc:creator>${cdata(`writer${id % 20}`)}</dc:creator><guid isPermaLink="false">https://herald.example/?p=${id}</guid>
<content:encoded>${cdata(body)}</content:encoded><excerpt:encoded>${cdata(id % 2 ? sentence(12) : '')}</excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>${ymd} 09:00:00</wp:post_date><wp:post_date_gmt>${ymd} 08:00:00</wp:post_date_gmt><wp:post_modified>${ymd} 10:00:00</wp:post_modified><wp:post_modified_gmt>${ymd} 09:00:00</wp:post_modified_gmt>
<wp:comment_status>open</wp:comment_status><wp:post_name>story-${id}</wp:post_name><wp:status>${id % 50 === 0 ? 'draft' : id % 97 === 0 ? 'private' : 'publish'}</wp:status><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>
<category domain="category" nicename="${section}-${id % 2 ? 'local' : 'county'}">${cdata(`${section} ${id % 2 ? 'local' : 'county'}`)}</category><category domain="post_tag" nicename="${word()}">${cdata(word())}</category><category domain="post_tag" nicename="topic-${id % 400}">${cdata(`Topic ${id % 400}`)}</category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${posts + id}</wp:meta_value></wp:postmeta>
${comments.join('\n')}
</item>
<item><title>${cdata(`Photo ${id}`)}</title><wp:post_id>${posts + id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:attachment_url>${image}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${cdata(`${word()} by the ${word()}`)}</wp:meta_value></wp:postmeta></item>
`);
    const uploadFolder = path.join(path.dirname(file), 'uploads', folder);
    mkdirSync(uploadFolder, { recursive: true });
    writeFileSync(path.join(uploadFolder, `photo-${id}.jpg`), UPLOAD);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'close');
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const posts = Number(process.argv[2] ?? 20_000);
  const folder = path.resolve(process.argv[3] ?? 'bench-wxr');
  const file = await writeBenchExport(posts, folder);
  console.log(`${file}: ${posts} posts; uploads in ${path.join(folder, 'uploads')}`);
}
