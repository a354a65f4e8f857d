/** Where, and why, a text stops being JSON. */
export interface JsonErrorLocation {
  /** Index of the offending character (UTF-16 units, 0-based). */
  position: number;
  /** 1-based line and column of that character. */
  line: number;
  column: number;
  /** What was found and what was expected there. */
  problem: string;
}

class Syntax {
  constructor(
    readonly position: number,
    readonly problem: string,
  ) {}
}

const State = { Value: 0, ValueOrClose: 1, Key: 2, KeyOrClose: 3, AfterValue: 4 } as const;
type State = (typeof State)[keyof typeof State];

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;

function found(text: string, i: number): string {
  return i >= text.length ? 'the end of the body' : JSON.stringify(text[i]);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) throw new Syntax(i, 'a raw control character inside a string (escape it, e.g. \\n)');
    if (code === 0x5c) {
      const escape = text[i + 1];
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          throw new Syntax(i, 'a \\u escape without four hexadecimal digits');
        i += 5;
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i++;
      else throw new Syntax(i, `the invalid escape \\${escape ?? ''} inside a string`);
    }
  }
  throw new Syntax(text.length, 'the end of the body inside a string (a closing " is missing)');
}

function scanDigits(text: string, i: number, what: string): number {
  if (!isDigit(text.charCodeAt(i))) throw new Syntax(i, `${found(text, i)} where ${what} needs a digit`);
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else i = scanDigits(text, i, 'a number');
  if (text.charCodeAt(i) === 0x2e) i = scanDigits(text, i + 1, "a number's fraction");
  if ((text.charCodeAt(i) | 0x20) === 0x65) {
    i++;
    if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
    i = scanDigits(text, i, "a number's exponent");
  }
  return i;
}

/** Walks `text` as JSON (iteratively, so nesting depth cannot overflow the stack) and reports the first error. */
function scan(text: string): void {
  const stack: number[] = [];
  let state: State = State.Value;
  let i = 0;
  for (;;) {
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
      i++;
    }
    if (i >= text.length && state === State.AfterValue && stack.length === 0) return;
    const code = text.charCodeAt(i);
    switch (state) {
      case State.ValueOrClose:
      case State.Value:
        if (state === State.ValueOrClose && code === 0x5d) {
          stack.pop();
          i++;
          state = State.AfterValue;
        } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
          stack.push(code);
          i++;
          state = code === OPEN_OBJECT ? State.KeyOrClose : State.ValueOrClose;
        } else if (code === 0x22) {
          i = scanString(text, i);
          state = State.AfterValue;
        } else if (code === 0x2d || isDigit(code)) {
          i = scanNumber(text, i);
          state = State.AfterValue;
        } else {
          const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
          if (!literal) throw new Syntax(i, `${found(text, i)} where a value was expected`);
          i += literal.length;
          state = State.AfterValue;
        }
        break;
      case State.KeyOrClose:
      case State.Key:
        if (state === State.KeyOrClose && code === 0x7d) {
          stack.pop();
          i++;
          state = State.AfterValue;
          break;
        }
        if (code !== 0x22) throw new Syntax(i, `${found(text, i)} where a property name in double quotes was expected`);
        i = scanString(text, i);
        while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
        if (text.charCodeAt(i) !== 0x3a)
          throw new Syntax(i, `${found(text, i)} where ":" after a property name was expected`);
        i++;
        state = State.Value;
        break;
      case State.AfterValue: {
        const open = stack.at(-1);
        if (open === undefined) throw new Syntax(i, `${found(text, i)} after the end of the JSON value`);
        const close = open === OPEN_OBJECT ? '}' : ']';
        if (code === 0x2c) {
          i++;
          state = open === OPEN_OBJECT ? State.Key : State.Value;
        } else if (text[i] === close) {
          stack.pop();
          i++;
        } else throw new Syntax(i, `${found(text, i)} where "," or "${close}" was expected`);
        break;
      }
    }
  }
}

/** The first syntax error in `text`, or undefined when it is valid JSON. Only for the error path: parse with JSON.parse. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  try {
    scan(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof Syntax)) throw error;
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < error.position; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return {
      position: error.position,
      line,
      column: error.position - lineStart + 1,
      problem: `found ${error.problem}`,
    };
  }
}
