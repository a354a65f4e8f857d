import { describe, expect, it } from 'vitest';
import { CELLO_EVENT_PREFIX, CELLO_EVENT_TYPES, catalogEntries } from './catalog.js';
import { RECOMMENDATION_EVENT_PREFIX } from './recommendation-events.js';
import { REVIEW_EVENT_PREFIX } from './review-events.js';
import { TENSION_EVENT_PREFIX } from './tension-events.js';
import { WORKFLOW_EVENT_PREFIX } from './workflow-events.js';

describe('the catalogue', () => {
  it('holds every type once, reverse-DNS under the reserved prefix, each described with its source and subject', () => {
    expect(new Set(CELLO_EVENT_TYPES).size).toBe(CELLO_EVENT_TYPES.length);
    for (const entry of catalogEntries()) {
      expect(entry.type).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
      expect(entry.type.startsWith(CELLO_EVENT_PREFIX)).toBe(true);
      expect(entry.description).toMatch(/^[A-Z].*\.$/);
      expect(entry.source).toMatch(/^\/cello\//);
      expect(entry.subject).not.toBe('');
      expect(entry.dataSchema).toEqual(expect.any(Object));
    }
  });

  it('has types under each prefix that consumers match on', () => {
    for (const prefix of [
      TENSION_EVENT_PREFIX,
      REVIEW_EVENT_PREFIX,
      RECOMMENDATION_EVENT_PREFIX,
      WORKFLOW_EVENT_PREFIX,
    ]) {
      expect(prefix.startsWith(CELLO_EVENT_PREFIX) && prefix.endsWith('.')).toBe(true);
      expect(CELLO_EVENT_TYPES.some((t) => t.startsWith(prefix))).toBe(true);
    }
  });
});
