import { InputError } from '../shared/index.js';

/** A flag's value as one of a closed set (the model's), or a sentence naming the flag and the set. */
export function oneOf<const T extends string>(values: readonly T[], text: string, flag: string): T {
  const value = values.find((v) => v === text);
  if (value === undefined)
    throw new InputError(`${flag} "${text}" is not one of ${values.join(', ')}.`, { field: flag.replace(/^--/, '') });
  return value;
}
