import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type YAMLError } from 'yaml';
import type { Finding } from './finding.js';

/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

/** One YAML document of a file, its plain value, and a way back from a path inside it to a line and column. */
export interface YamlDocumentSource {
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** Where the document's content starts. */
  start: Position;
  /** The position of `path`: its value, or with `key` the key that names it; the deepest existing parent when it is missing. */
  locate(path: readonly (string | number)[], target?: 'key' | 'value'): Position;
  /** The raw source text of the scalar at `path`, with its position, when it is a single-line scalar. */
  scalarAt(path: readonly (string | number)[]): { position: Position; quoted: boolean } | undefined;
}

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs',
  BAD_INDENT: 'indent nested entries consistently with spaces, and close every [ or {',
  MISSING_CHAR: 'add the missing character (usually a closing quote or bracket)',
  BLOCK_AS_IMPLICIT_KEY: 'put the nested mapping on its own, more indented line, or quote a value that contains ": "',
  MULTILINE_IMPLICIT_KEY: 'keep each key on one line and indent its value below it',
  UNEXPECTED_TOKEN:
    'check the indentation and that lists ("- ") and mappings ("key: value") are not mixed at one level',
};

/** Parses every document of a YAML file, turning syntax errors and duplicate keys into findings. */
export function parseYamlDocuments(
  file: string,
  text: string,
): { documents: YamlDocumentSource[]; findings: Finding[] } {
  const lineCounter = new LineCounter();
  const findings: Finding[] = [];
  const documents: YamlDocumentSource[] = [];
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
    const syntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    const label = labelOf(doc);
    for (const error of duplicates)
      findings.push({ ...duplicateKeyFinding(file, text, error, position(error.pos[0])), ...label });
    if (syntax) {
      // Later syntax errors in a document are usually echoes of the first one.
      findings.push(syntaxFinding(file, syntax, position(syntax.pos[0])));
      return;
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      const at = position(doc.contents.range?.[0] ?? 0);
      findings.push({
        ruleId: 'yaml-syntax',
        severity: 'error',
        file,
        ...at,
        message: `This YAML document cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
        hint: 'define every anchor (&name) before using its alias (*name), and avoid alias loops',
      });
      return;
    }
    documents.push(documentSource(file, index, doc, value, position));
  });
  return { documents, findings };
}

function documentSource(
  file: string,
  index: number,
  doc: Document,
  value: unknown,
  position: (offset: number) => Position,
): YamlDocumentSource {
  const start = position(doc.contents?.range?.[0] ?? 0);
  const walk = (path: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let keyPos = start;
    let valuePos = start;
    let matched = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (!pair) break;
        keyPos = isScalar(pair.key) && pair.key.range ? position(pair.key.range[0]) : keyPos;
        node = pair.value;
        valuePos = (node as Node | null)?.range ? position((node as Node).range![0]) : keyPos;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        node = item;
        keyPos = valuePos = item.range ? position(item.range[0]) : keyPos;
      } else {
        break;
      }
      matched++;
    }
    return { node, keyPos, valuePos, complete: matched === path.length };
  };
  return {
    file,
    index,
    value,
    start,
    locate(path, target = 'value') {
      const { keyPos, valuePos, complete } = walk(path);
      return complete && target === 'value' ? valuePos : keyPos;
    },
    scalarAt(path) {
      const { node, complete } = walk(path);
      if (!complete || !isScalar(node) || !node.range) return undefined;
      const type = node.type;
      if (type !== 'PLAIN' && type !== 'QUOTE_DOUBLE' && type !== 'QUOTE_SINGLE') return undefined;
      return { position: position(node.range[0]), quoted: type !== 'PLAIN' };
    },
  };
}

/** Kind and name of a document, read leniently, to label findings found before it is a manifest. */
function labelOf(doc: Document): { kind?: string; name?: string } {
  if (!isMap(doc.contents)) return {};
  const kind = doc.get('kind');
  const name = doc.getIn(['metadata', 'name']);
  return { ...(typeof kind === 'string' ? { kind } : {}), ...(typeof name === 'string' ? { name } : {}) };
}

function duplicateKeyFinding(file: string, text: string, error: YAMLError, at: Position): Finding {
  const key =
    /^["']?([^:"'\n]+?)["']?\s*:/.exec(text.slice(error.pos[0]))?.[1] ?? text.slice(error.pos[0], error.pos[1]);
  return {
    ruleId: 'duplicate-key',
    severity: 'error',
    file,
    ...at,
    message: `The key "${key}" appears twice in the same mapping; YAML would silently keep only the last one.`,
    hint: `keep one "${key}" entry and delete or merge the other`,
  };
}

function syntaxFinding(file: string, error: YAMLError, at: Position): Finding {
  return {
    ruleId: 'yaml-syntax',
    severity: 'error',
    file,
    ...at,
    message: `YAML syntax error: ${error.message.replace(/\.$/, '')}.`,
    hint: SYNTAX_HINTS[error.code] ?? 'fix the YAML syntax here; quote values that contain ": " or " #"',
  };
}
