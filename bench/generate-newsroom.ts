import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/*
 * A seeded synthetic newsroom for benchmarks: the same seed and size always
 * give the same files, so runs on different days compare like with like.
 */

export interface NewsroomSize {
  articles: number;
  authors?: number;
  sections?: number;
  tags?: number;
  seed?: number;
  /** The first this many articles get a lead picture, /images/bench/photo-N.jpg (the files are the caller's to make). */
  pictures?: number;
}

export interface GeneratedNewsroom {
  contentDir: string;
  /** Article files relative to contentDir/articles, in generation order. */
  articleFiles: string[];
}

/** Mulberry32: tiny, fast, and good enough to make varied text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `council harbour budget school tram ferry bridge market housing rent street plan vote
 mayor ward flood storm coast beach river park library hospital doctor nurse police court judge
 business shop factory jobs wages trade port ship cargo wind energy power grid solar battery
 science study data research lab university student teacher exam climate weather heat rain
 culture theatre music festival gallery artist book film stage concert choir museum history
 sport match league club team player coach goal season final cup race rowing cricket football
 week month year morning evening night today yesterday people residents families children
 officials leaders members report survey figures plans proposal decision meeting hearing
 road traffic bus station line route service delay cost price money fund grant tax levy
 local city town village district centre north south east west old new first last major
 small large public private community green open closed early late long short high low
 said told asked agreed warned promised expected announced confirmed reported described
 would could should will may might must can did does has have had was were is are be been
 the a an of to in on at for with from by about over after before under between through
 and but or so yet because while although when where which that this these those their
 more most less many much some any every each other another such only also still even`
  .split(/\s+/)
  .filter(Boolean);

const SECTION_NAMES = ['News', 'Politics', 'Business', 'Science', 'Culture', 'Sport', 'Health', 'Education', 'Transport', 'Environment', 'Opinion', 'Technology', 'Travel', 'Food', 'Property', 'Crime'];
const ROLES = ['Reporter', 'Senior Reporter', 'News Editor', 'Correspondent', 'Feature Writer', 'Photographer', 'Columnist', 'Data Journalist'];
const FIRST = ['Ada', 'Ben', 'Cleo', 'Dev', 'Esme', 'Finn', 'Gita', 'Hal', 'Iris', 'Jon', 'Kofi', 'Lena', 'Milo', 'Nia', 'Omar', 'Pia', 'Quin', 'Rosa', 'Sami', 'Tess'];
const LAST = ['Abbott', 'Baines', 'Corr', 'Dunmore', 'Ekwe', 'Frost', 'Gale', 'Hughes', 'Ibarra', 'Jory', 'Kerr', 'Lund', 'Marsh', 'Novak', 'Orme', 'Pryce'];

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The address of article `index`'s lead picture, when it has one. */
export const benchPicture = (index: number) => `/images/bench/photo-${index}.jpg`;

/**
 * Write `content/` for a newsroom of the given size into `root`:
 * site.yml, sections, authors and articles of 600–1,000 words with
 * headings, lists, quotes and links.
 */
export function generateNewsroom(root: string, size: NewsroomSize): GeneratedNewsroom {
  const random = seededRandom(size.seed ?? 2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(random() * 14));
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');

  const contentDir = path.join(root, 'content');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), text);
  };

  write(
    'site.yml',
    ['title: The Benchmark Bugle', 'url: https://bugle.example.org/', 'language: en-GB', 'timezone: Europe/London', 'description: A synthetic newsroom for timing builds.', 'perPage: 20', ''].join('\n'),
  );

  const sections = SECTION_NAMES.slice(0, size.sections ?? 12).map((name, index) => ({ name, slug: slugOf(name), order: index + 1 }));
  for (const section of sections) {
    write(`categories/${section.slug}.md`, `---\nname: ${section.name}\norder: ${section.order}\n---\n${paragraph()}\n`);
  }

  const authors: string[] = [];
  for (let i = 0; i < (size.authors ?? 40); i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
    const slug = slugOf(name);
    authors.push(slug);
    write(`authors/${slug}.md`, `---\nname: ${name}\nrole: ${pick(ROLES)}\n---\n${paragraph()}\n`);
  }

  const tags = Array.from({ length: size.tags ?? 300 }, (_, i) => `${pick(WORDS)} ${pick(WORDS)} ${i}`.replace(/^./, (c) => c.toUpperCase()));

  const articleFiles: string[] = [];
  const urls: string[] = [];
  const start = Date.UTC(2021, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  for (let i = 0; i < size.articles; i++) {
    // Spread evenly over five years, oldest first, with a little jitter.
    const when = new Date(start + Math.floor(((i + random() * 0.9) / size.articles) * span));
    const iso = when.toISOString().slice(0, 19);
    const title = sentence().slice(0, -1);
    const slug = `${slugOf(title).slice(0, 60).replace(/-$/, '')}-${i}`;
    const section = pick(sections);
    const articleTags = [...new Set(Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(tags)))];
    const byline = random() < 0.15 ? [pick(authors), pick(authors)] : [pick(authors)];
    const body: string[] = [paragraph(), paragraph()];
    // 600–1,000 words: whole parts are added while they fit.
    const target = 600 + Math.floor(random() * 300);
    let count = body.join(' ').split(' ').length;
    while (count < target) {
      const part = [
        `## ${sentence().slice(0, -1)}`,
        paragraph(),
        random() < 0.5 ? `> "${sentence()}" said a ${pick(['resident', 'councillor', 'spokesperson', 'researcher'])}.` : paragraph(),
        random() < 0.5 ? Array.from({ length: 3 + Math.floor(random() * 3) }, () => `- ${sentence()}`).join('\n') : `### ${sentence().slice(0, -1)}\n\n${paragraph()}`,
        `${sentence()} Read [the report](https://example.org/reports/${i}) and ${urls.length > 0 ? `[our earlier story](${pick(urls)})` : 'more'}. ${sentence()}`,
      ];
      const partWords = part.join(' ').split(' ').length;
      if (count + partWords > 1000) break;
      body.push(...part);
      count += partWords;
    }
    const year = iso.slice(0, 4);
    const file = `${year}/${iso.slice(0, 10)}-${slug}.md`;
    write(
      `articles/${file}`,
      [
        '---',
        `title: ${JSON.stringify(title)}`,
        `summary: ${JSON.stringify(sentence())}`,
        `date: ${iso}`,
        `authors: [${[...new Set(byline)].join(', ')}]`,
        `category: ${section.slug}`,
        `tags: [${articleTags.map((t) => JSON.stringify(t)).join(', ')}]`,
        ...(i < (size.pictures ?? 0) ? ['image:', `  src: ${benchPicture(i)}`, `  alt: Photograph ${i} for the benchmark`] : []),
        '---',
        body.join('\n\n'),
        '',
      ].join('\n'),
    );
    articleFiles.push(file);
    urls.push(`/${section.slug}/${slug}/`);
  }
  return { contentDir, articleFiles };
}
