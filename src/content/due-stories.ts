import { compareText } from '../util/problems.js';
import type { Article, Content } from './types.js';

/** The stretch of time `due` looks at, in ms: after `since`, up to and including `at`. */
export interface DueWindow {
  since: number;
  at: number;
}

/** A story as `due` names it. */
export interface DueStory {
  /** Its publication time, in ms. */
  time: number;
  file: string;
  title: string;
}

export interface DueStories {
  /** Stories published by `at` and not yet by `since`, oldest first. */
  due: DueStory[];
  /** The first story scheduled after `at`; undefined when none is. */
  next: DueStory | undefined;
}

/**
 * Which stories went live in `window` and which goes next, from content
 * validated as of `window.at` (see validateContent). A story dated exactly
 * `since` went out with the build at `since`; drafts never go out.
 */
export function dueStories(content: Pick<Content, 'articles' | 'scheduled'>, window: DueWindow): DueStories {
  const { since, at } = window;
  const due = content.articles
    .filter((article) => article.status === 'published' && article.date.epoch > since && article.date.epoch <= at)
    .map(story)
    .sort((a, b) => a.time - b.time || compareText(a.file, b.file));
  const next = content.scheduled.find((article) => article.date.epoch > at);
  return { due, next: next && story(next) };
}

const story = (article: Article): DueStory => ({ time: article.date.epoch, file: article.file, title: article.title });
