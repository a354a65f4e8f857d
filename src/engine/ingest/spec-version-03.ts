import { InputError } from '../../shared/index.js';

/**
 * Rewrites a CloudEvents 0.3 event as 1.0: `schemaurl` becomes `dataschema`, and base64 `data` (marked by
 * `datacontentencoding`) becomes `data_base64`. The official conformance cases include 0.3 events and
 * all of them must be accepted; the log holds 1.0 only, so they are upgraded on the way in.
 */
export function upgradeFrom03(
  raw: Record<string, unknown>,
  context: { where?: string; index?: number } = {},
): Record<string, unknown> {
  const { schemaurl, datacontentencoding, ...rest } = raw;
  const upgraded: Record<string, unknown> = { ...rest, specversion: '1.0' };
  if (schemaurl !== undefined && schemaurl !== null) upgraded.dataschema = schemaurl;
  if (datacontentencoding !== undefined && datacontentencoding !== null) {
    if (typeof datacontentencoding !== 'string' || datacontentencoding.toLowerCase() !== 'base64') {
      const prefix = context.where ? `${context.where}: attribute` : 'Attribute';
      throw new InputError(
        `${prefix} "datacontentencoding" is ${JSON.stringify(datacontentencoding)}; CloudEvents 0.3 defines only "base64" (better: send CloudEvents 1.0 with data_base64).`,
        { field: 'datacontentencoding', ...(context.index !== undefined && { index: context.index }) },
      );
    }
    if (typeof upgraded.data === 'string') {
      upgraded.data_base64 = upgraded.data;
      delete upgraded.data;
    }
  }
  return upgraded;
}
