import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-error-location.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('locateJsonError', () => {
  it.each([
    ['{"a": }', 1, 7, 'found "}" where a value was expected'],
    ['{"a": 1,}', 1, 9, 'found "}" where a property name in double quotes was expected'],
    ['[1, 2,]', 1, 7, 'found "]" where a value was expected'],
    ['{"a" 1}', 1, 6, 'found "1" where ":" after a property name was expected'],
    ['{\n  "a": tru\n}', 2, 8, 'found "t" where a value was expected'],
    ['{"a": "x\ny"}', 1, 9, 'found a raw control character inside a string (escape it, e.g. \\n)'],
    ['"\\x"', 1, 2, 'found the invalid escape \\x inside a string'],
    ['{"a": 01}', 1, 8, 'found "1" where "," or "}" was expected'],
    ['[1.]', 1, 4, `found "]" where a number's fraction needs a digit`],
    ['{} {}', 1, 4, 'found "{" after the end of the JSON value'],
    ['', 1, 1, 'found the end of the body where a value was expected'],
    ['{"a": "b', 1, 9, 'found the end of the body inside a string (a closing " is missing)'],
  ])('locates the error in %j', (text, line, column, problem) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, problem });
  });

  it('survives nesting deeper than the call stack', () => {
    expect(locateJsonError('['.repeat(200_000))?.problem).toBe('found the end of the body where a value was expected');
  });

  it('agrees with JSON.parse on which texts are JSON', () => {
    const seeds = ['{"a":[1,-2.5e+3,true,false,null,"\\u00e9\\n"],"b":{}}', '[[],{},"",0,-0.0]', ' {"k" : "v"} '];
    const alphabet = '{}[]",:\\ 0-1.eE+tfnu"a';
    let state = 42;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 1500; round++) {
      const seed = seeds[round % seeds.length]!;
      const at = Math.floor(random() * seed.length);
      const mutated =
        seed.slice(0, at) +
        alphabet[Math.floor(random() * alphabet.length)] +
        seed.slice(at + (random() < 0.5 ? 1 : 0));
      expect(locateJsonError(mutated) === undefined, mutated).toBe(parses(mutated));
    }
  });
});
