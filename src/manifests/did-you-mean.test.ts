import { expect, it } from 'vitest';
import { didYouMean, suggestion } from './did-you-mean.js';

it('suggests a close candidate for typos, swaps and case, and nothing for unrelated words', () => {
  expect(didYouMean('limts', ['limits', 'name'])).toBe('limits');
  expect(didYouMean('lmiits', ['limits'])).toBe('limits');
  expect(didYouMean('cel', ['Cell', 'Domain'])).toBe('Cell');
  expect(didYouMean('banana', ['limits', 'name'])).toBeUndefined();
  expect(suggestion('emitt', ['webhook', 'emit'])).toBe('; did you mean "emit"?');
});
