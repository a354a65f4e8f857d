import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from './yaml-source.js';

describe('parseYamlDocuments', () => {
  it('maps a path back to the line and column of its key or value, in the right document', () => {
    const { documents } = parseYamlDocuments(
      'a.yaml',
      'kind: Domain\n---\nkind: Cell\nspec:\n  offers:\n    - name: x\n      limits: { rate: 5 }\n',
    );
    const second = documents[1]!;
    expect(second.locate(['spec', 'offers', 0, 'limits'], 'key')).toEqual({ line: 7, column: 7 });
    expect(second.locate(['spec', 'offers', 0, 'limits'])).toEqual({ line: 7, column: 15 });
    // A missing field points at the nearest parent that exists.
    expect(second.locate(['spec', 'purpose'], 'key')).toEqual({ line: 4, column: 1 });
    expect(second.scalarAt(['spec', 'offers', 0, 'name'])).toEqual({
      position: { line: 6, column: 13 },
      quoted: false,
    });
  });

  it('reports a duplicate key where the second one is, and keeps the document', () => {
    const { documents, findings } = parseYamlDocuments('d.yaml', 'kind: Domain\nmetadata:\n  name: a\n  name: b\n');
    expect(findings).toMatchObject([
      {
        ruleId: 'duplicate-key',
        line: 4,
        column: 3,
        kind: 'Domain',
        message: expect.stringContaining('"name" appears twice'),
      },
    ]);
    expect(documents).toHaveLength(1);
  });

  it('reports the first syntax error of a document with a hint, and drops that document only', () => {
    const { documents, findings } = parseYamlDocuments('s.yaml', 'a: 1\n---\nkey:\n\t- tab\n---\nb: 2\n');
    expect(findings).toMatchObject([
      { ruleId: 'yaml-syntax', line: 4, column: 1, hint: 'indent with spaces; YAML does not allow tabs' },
    ]);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('skips empty documents', () => {
    expect(parseYamlDocuments('e.yaml', '---\n# nothing\n---\n').documents).toEqual([]);
  });
});
