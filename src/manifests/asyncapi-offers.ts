import path from 'node:path';
import type { Finding } from './finding.js';
import type { LoadedManifest } from './org-model.js';
import { validateAsyncApiDocument } from './asyncapi-validator.js';
import { fileTooLarge, readBoundedText } from './read-bounded-text.js';
import { parseYamlDocuments } from './yaml-source.js';

/** Resolves each event offer's `asyncapi:` path relative to its file and validates the document it names. */
export async function checkAsyncApiOffers(manifests: readonly LoadedManifest[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  // Two offers may share one document: validate it once.
  const checked = new Set<string>();
  for (const { manifest, source } of manifests) {
    if (manifest.kind !== 'Cell') continue;
    const offers = manifest.spec.offers ?? [];
    for (const [index, offer] of offers.entries()) {
      if (!offer.asyncapi) continue;
      const label = { kind: 'Cell', name: manifest.metadata.name };
      const where = ['spec', 'offers', index, 'asyncapi'];
      const file = path.isAbsolute(offer.asyncapi)
        ? offer.asyncapi
        : path.join(path.dirname(source.file), offer.asyncapi);
      const read = await readBoundedText(file).catch(() => undefined);
      if (read && 'tooLarge' in read) {
        if (!checked.has(file)) findings.push({ ...fileTooLarge(file, read.tooLarge), ...label });
        checked.add(file);
        continue;
      }
      const text = read?.text;
      if (text === undefined) {
        findings.push({
          ruleId: 'asyncapi-missing',
          severity: 'error',
          file: source.file,
          ...source.locate(where),
          ...label,
          path: `spec.offers[${index}].asyncapi`,
          message: `Offer "${offer.name}" points at the AsyncAPI document "${offer.asyncapi}", but ${file} does not exist.`,
          hint: 'write the path relative to this file, or remove asyncapi:',
        });
        continue;
      }
      if (checked.has(file)) continue;
      checked.add(file);
      const parsed = parseYamlDocuments(file, text);
      if (parsed.findings.length > 0) {
        findings.push(...parsed.findings.map((f) => ({ ...f, ...label })));
        continue;
      }
      const document = parsed.documents[0];
      const { version, problems } = validateAsyncApiDocument(document?.value);
      for (const problem of problems) {
        findings.push({
          ruleId: 'asyncapi-invalid',
          severity: 'error',
          file,
          ...(document ? document.locate(problem.path, 'key') : { line: 1, column: 1 }),
          ...label,
          path: problem.jsonPath,
          message:
            `The AsyncAPI document of offer "${offer.name}" breaks the official ${version ?? ''} schema at ${problem.jsonPath}: ${problem.message}.`.replace(
              '  ',
              ' ',
            ),
          hint: `fix ${problem.jsonPath} in ${path.basename(file)} (see https://www.asyncapi.com/docs/reference/specification/v${version ?? '3.0.0'})`,
        });
      }
    }
  }
  return findings;
}
