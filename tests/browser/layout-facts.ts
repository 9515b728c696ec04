/*
 * What a reader's page looks like, measured in Chromium: boxes and a few
 * computed styles, gathered by one function that runs in the page
 * (page.evaluate(measurePage)). It only measures; layout-rules.ts judges.
 *
 * measurePage is sent to the browser as source text, so it must stand
 * alone: no imports, no module constants, helpers declared inside it. This
 * project's TypeScript has no DOM types, so the few it uses are described
 * here.
 */

/** A box in page coordinates (CSS px from the document's top left corner). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** A group of teaser cards laid out together (the children of one list or grid). */
export interface CardGroup {
  /** The container, as a reader of the failure would find it: `div.teaser-list in section.home-latest`. */
  name: string;
  cards: Rect[];
}

/** One link of the section navigation. */
export interface NavLink {
  text: string;
  left: number;
  right: number;
  width: number;
}

/** The section navigation (`.sections`). */
export interface NavFacts {
  /** Left and right of what of the navigation can be seen: its box, clipped by the window and by whatever scrolls. */
  visibleLeft: number;
  visibleRight: number;
  links: NavLink[];
  /** The element that scrolls sideways, if any does (the nav or one inside it). */
  scroller: { name: string; scrollWidth: number; clientWidth: number } | undefined;
  /** What tells a reader the navigation scrolls, if anything does. */
  cue: string | undefined;
}

/**
 * The article's running text: the line box of its widest paragraph (left,
 * right, width), the font's `ch` (the width of "0"), and the top and bottom
 * of the story that holds it (what a rail stands beside).
 */
export interface ColumnFacts {
  left: number;
  right: number;
  width: number;
  ch: number;
  top: number;
  bottom: number;
}

/** Everything layout-rules.ts judges, for one page at one width and colour scheme. */
export interface PageFacts {
  /** The window: its width without a scroll bar, its height, and the document's size. */
  viewport: { width: number; height: number; scrollWidth: number; scrollHeight: number };
  /** Space between the header's bottom edge and the first thing drawn in main, and between the last one and the footer (±Infinity: nothing drawn). */
  gapAbove: number;
  gapBelow: number;
  /** The site footer (`body > footer`). */
  footer: Rect | undefined;
  /** Teaser cards (`.teaser`), grouped by the list or grid holding them; groups of two or more. */
  cardGroups: CardGroup[];
  /** `.story-body`: its width and font size (the reading measure of articles and pages). */
  storyBody: { width: number; em: number } | undefined;
  /** The article's paragraphs (`.story-body > p`). */
  column: ColumnFacts | undefined;
  /** A rail beside the article (`.rail`), when one is drawn. */
  rail: Rect | undefined;
  /** The home page's lead story: whether `.lead-story` exists and its first picture. */
  leadStory: { picture: Rect | undefined } | undefined;
  /** The largest teaser picture outside `.lead-story`. */
  largestTeaserPicture: Rect | undefined;
  /** The article's lead image (`.lead-image img`) as drawn, its figure's width and the size its attributes give. */
  leadImage: { width: number; height: number; figureWidth: number; intrinsicWidth: number; intrinsicHeight: number } | undefined;
  nav: NavFacts | undefined;
}

// The DOM, as little of it as measurePage uses (a client rect has a Rect's fields, in viewport coordinates).
type ClientRect = Rect;
interface Style {
  fontSize: string;
  paddingLeft: string;
  paddingRight: string;
  overflowX: string;
  visibility: string;
  display: string;
  backgroundImage: string;
  getPropertyValue(name: string): string;
}
interface Element {
  tagName: string;
  id: string;
  className: string;
  textContent: string | null;
  parentElement: Element | null;
  children: ArrayLike<Element>;
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): ClientRect;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  closest(selector: string): Element | null;
  getAttribute(name: string): string | null;
  contains(other: Element): boolean;
  append(child: Element): void;
  remove(): void;
}
interface Document {
  documentElement: Element & { scrollHeight: number };
  body: Element;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  createElement(tag: string): Element & { textContent: string | null; style: Record<string, string> };
  createTreeWalker(root: Element, show: number): { nextNode(): unknown; currentNode: { nodeType: number; textContent: string | null; parentElement: Element | null } & Element };
  createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<ClientRect> };
}
interface Window {
  document: Document;
  innerHeight: number;
  scrollX: number;
  scrollY: number;
  getComputedStyle(element: Element, pseudo?: string): Style;
}

/** Measures the page as drawn now (see PageFacts). Runs in the browser. */
export function measurePage(): PageFacts {
  const view = globalThis as unknown as Window;
  const document = view.document;
  const root = document.documentElement;
  const rect = (element: Element): Rect => {
    const box = element.getBoundingClientRect();
    return { left: box.left + view.scrollX, top: box.top + view.scrollY, right: box.right + view.scrollX, bottom: box.bottom + view.scrollY, width: box.width, height: box.height };
  };
  const drawn = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && view.getComputedStyle(element).visibility !== 'hidden';
  };
  /** `tag.first-class`, or `tag#id`: enough for a reader of a failure to find the element. */
  const label = (element: Element): string => {
    const tag = element.tagName.toLowerCase();
    if (element.id) return `${tag}#${element.id}`;
    const first = element.className.split(/\s+/).find((name) => name !== '');
    return first ? `${tag}.${first}` : tag;
  };

  // Gaps: the first and last thing drawn in main (text, pictures, controls),
  // text a reader cannot see (clipped to a pixel) left out.
  const main = document.querySelector('main');
  const tiny = (element: Element | null): boolean => {
    for (let at = element; at && at !== main; at = at.parentElement) {
      const box = at.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return true;
    }
    return false;
  };
  let top = Infinity;
  let bottom = -Infinity;
  const take = (box: ClientRect) => {
    if (box.width <= 1 || box.height <= 1) return;
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.bottom);
  };
  if (main) {
    // 1 | 4: elements and text.
    const walker = document.createTreeWalker(main, 5);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.nodeType === 3) {
        if (!node.textContent?.trim() || tiny(node.parentElement)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) take(box);
      } else if (['IMG', 'INPUT', 'SELECT', 'BUTTON', 'TEXTAREA'].includes(node.tagName) && !tiny(node)) {
        take(node.getBoundingClientRect());
      }
    }
  }
  const header = document.querySelector('body > header');
  const footerElement = document.querySelector('body > footer');
  const gapAbove = header ? top - header.getBoundingClientRect().bottom : NaN;
  const gapBelow = footerElement ? footerElement.getBoundingClientRect().top - bottom : NaN;

  // Cards: a teaser, or the list item holding only it, grouped by their parent.
  const groups = new Map<Element, Rect[]>();
  for (const teaser of Array.from(document.querySelectorAll('main .teaser'))) {
    const parent = teaser.parentElement;
    const item = parent && parent.tagName === 'LI' && parent.children.length === 1 ? parent : teaser;
    const container = item.parentElement;
    if (!container || !drawn(item)) continue;
    groups.set(container, [...(groups.get(container) ?? []), rect(item)]);
  }
  const cardGroups: CardGroup[] = [];
  for (const [container, cards] of groups) {
    if (cards.length < 2) continue;
    // Named by the section around them and its heading: a home page has a group per section.
    const section = container.parentElement?.closest('section, aside, article, nav');
    const heading = section?.querySelector('h1, h2, h3')?.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40);
    cardGroups.push({ name: section ? `${label(container)} in ${label(section)}${heading ? ` "${heading}"` : ''}` : label(container), cards });
  }

  // The reading column.
  const body = document.querySelector('.story-body');
  const storyBody = body ? { width: body.getBoundingClientRect().width, em: Number.parseFloat(view.getComputedStyle(body).fontSize) } : undefined;
  let column: ColumnFacts | undefined;
  const paragraphs = body ? Array.from(body.querySelectorAll(':scope > p')).filter(drawn) : [];
  const widest = paragraphs.sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
  if (widest) {
    const style = view.getComputedStyle(widest);
    const box = rect(widest);
    const left = box.left + Number.parseFloat(style.paddingLeft);
    const right = box.right - Number.parseFloat(style.paddingRight);
    // Ten zeros in the paragraph's own font, measured and taken away again.
    const probe = document.createElement('span');
    probe.textContent = '0000000000';
    Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'nowrap', left: '0', top: '0' });
    widest.append(probe);
    const ch = probe.getBoundingClientRect().width / 10;
    probe.remove();
    const story = rect(widest.closest('article') ?? widest);
    column = { left, right, width: right - left, ch, top: story.top, bottom: story.bottom };
  }
  const railElement = Array.from(document.querySelectorAll('.rail')).find(drawn);

  // The lead story and the teasers' pictures.
  const leadElement = document.querySelector('.lead-story');
  const leadPicture = leadElement ? Array.from(leadElement.querySelectorAll('img')).find(drawn) : undefined;
  let largestTeaserPicture: Rect | undefined;
  for (const image of Array.from(document.querySelectorAll('main .teaser img'))) {
    if (image.closest('.lead-story') || !drawn(image)) continue;
    const box = rect(image);
    if (!largestTeaserPicture || box.width * box.height > largestTeaserPicture.width * largestTeaserPicture.height) largestTeaserPicture = box;
  }

  const figure = document.querySelector('.lead-image');
  const figureImage = figure?.querySelector('img');
  const leadImage =
    figure && figureImage
      ? {
          width: figureImage.getBoundingClientRect().width,
          height: figureImage.getBoundingClientRect().height,
          figureWidth: figure.getBoundingClientRect().width,
          intrinsicWidth: Number(figureImage.getAttribute('width')),
          intrinsicHeight: Number(figureImage.getAttribute('height')),
        }
      : undefined;

  // The section navigation: what of it can be seen, what scrolls, what says so.
  let nav: NavFacts | undefined;
  const navElement = document.querySelector('.sections');
  if (navElement) {
    const scrolling = [navElement, ...Array.from(navElement.querySelectorAll('*'))].find(
      (element) => element.scrollWidth > element.clientWidth + 1 && ['auto', 'scroll'].includes(view.getComputedStyle(element).overflowX),
    );
    // What can be seen of it: the window, narrowed by whatever clips
    // sideways around a link (the nav, a list inside it, its ancestors).
    let visibleLeft = 0;
    let visibleRight = root.clientWidth;
    const clipping = [...Array.from(navElement.querySelectorAll('*')).filter((element) => element.querySelector('a')), navElement];
    for (let at = navElement.parentElement; at && at !== document.body; at = at.parentElement) clipping.push(at);
    for (const element of clipping) {
      if (view.getComputedStyle(element).overflowX === 'visible') continue;
      visibleLeft = Math.max(visibleLeft, rect(element).left);
      visibleRight = Math.min(visibleRight, rect(element).right);
    }
    const links = Array.from(navElement.querySelectorAll('a'))
      .filter(drawn)
      .map((link) => ({ text: (link.textContent ?? '').trim(), left: rect(link).left, right: rect(link).right, width: rect(link).width }));
    // A cue: a mask fading the edge (on the scroller or around it), a
    // gradient drawn on the scroller or over it (its own background or a
    // pseudo-element of it or of its parent), or a visible "more" element.
    let cue: string | undefined;
    if (scrolling) {
      for (let at: Element | null = scrolling; at && !cue && (at === navElement || navElement.contains(at) || at.contains(navElement)); at = at.parentElement) {
        const style = view.getComputedStyle(at);
        for (const property of ['mask-image', '-webkit-mask-image']) {
          const value = style.getPropertyValue(property);
          if (value && value !== 'none') cue = `${property} on ${label(at)}`;
        }
        if (at.tagName === 'HEADER') break;
      }
      const gradientOn = (element: Element | null): string | undefined => {
        if (!element) return undefined;
        for (const pseudo of [undefined, '::before', '::after']) {
          const style = view.getComputedStyle(element, pseudo);
          if (pseudo && (style.display === 'none' || ['none', 'normal'].includes(style.getPropertyValue('content')))) continue;
          if (style.backgroundImage.includes('gradient')) return `a gradient on ${label(element)}${pseudo ?? ''}`;
        }
        return undefined;
      };
      cue ??= gradientOn(scrolling) ?? gradientOn(scrolling.parentElement);
      const more = Array.from(document.querySelectorAll('header .nav-more, .sections .nav-more')).find(drawn);
      if (!cue && more) cue = `a visible ${label(more)}`;
    }
    nav = {
      visibleLeft,
      visibleRight,
      links,
      scroller: scrolling ? { name: label(scrolling), scrollWidth: scrolling.scrollWidth, clientWidth: scrolling.clientWidth } : undefined,
      cue,
    };
  }

  return {
    viewport: { width: root.clientWidth, height: view.innerHeight, scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight },
    gapAbove,
    gapBelow,
    footer: footerElement ? rect(footerElement) : undefined,
    cardGroups,
    storyBody,
    column,
    rail: railElement ? rect(railElement) : undefined,
    leadStory: leadElement ? { picture: leadPicture ? rect(leadPicture) : undefined } : undefined,
    largestTeaserPicture,
    leadImage,
    nav,
  };
}
