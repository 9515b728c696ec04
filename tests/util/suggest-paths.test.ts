import { describe, expect, test } from 'vitest';
import { didYouMean, didYouMeanPath } from '../../src/util/suggest.js';

const FILES = ['/images/harbour-dawn.jpg', '/images/tram-depot.jpg', '/images/wind-farm.jpg', '/images/avatars/jane-doe.jpg', '/css/site.css'];

describe('didYouMeanPath', () => {
  test.each([
    ['a letter missing', '/images/harbor-dawn.jpg', 'did you mean "/images/harbour-dawn.jpg"?'],
    ['other capitals', '/images/Harbour-Dawn.JPG', 'did you mean "/images/harbour-dawn.jpg"? (capitals count in file names)'],
    ['the folder left out', '/harbour-dawn.jpg', 'did you mean "/images/harbour-dawn.jpg"?'],
    ['another folder', '/img/tram-depot.jpg', 'did you mean "/images/tram-depot.jpg"?'],
    ['another extension', '/images/wind-farm.jpeg', 'did you mean "/images/wind-farm.jpg"?'],
  ])('%s', (_, written, hint) => {
    expect(didYouMeanPath(written, FILES)).toBe(hint);
  });

  test('a long folder does not make an unrelated file close', () => {
    expect(didYouMeanPath('/images/lighthouse.jpg', FILES)).toBeUndefined();
    expect(didYouMeanPath('/images/avatars/sam-roe.jpg', FILES)).toBeUndefined();
  });
});

describe('didYouMean', () => {
  test('capitals are no distance', () => {
    expect(didYouMean('New', ['news', 'business'])).toBe('did you mean "news"?');
    expect(didYouMean('Tomasz-Wren', ['tomasz-wren', 'jane-doe'])).toBe('did you mean "tomasz-wren"?');
  });
});
