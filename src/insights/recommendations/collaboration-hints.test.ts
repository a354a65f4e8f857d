import { describe, expect, it } from 'vitest';
import type { ManifestOf } from '../../model/index.js';
import { collaborationHints } from './collaboration-hints.js';

const agreement = (name: string, spec: Partial<ManifestOf<'Agreement'>['spec']>) =>
  ({
    apiVersion: 'cello/v1',
    kind: 'Agreement',
    metadata: { name },
    spec: { provider: 'cell:platform', offer: 'backbone', consumer: 'cell:risk', mode: 'collaboration', ...spec },
  }) as ManifestOf<'Agreement'>;

describe('collaborationHints', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const usage = () => ({ events: 120, types: ['com.acme.platform.incident.opened'] });

  it('asks the provider of a collaboration past its duration to consider x-as-a-service', () => {
    const [hint] = collaborationHints(
      [agreement('pairing', { since: '2026-01-05', duration: '6w' })],
      now,
      usage,
      '28d',
    );
    expect(hint).toMatchObject({
      kind: 'collaboration-past-duration',
      key: 'collaboration:pairing',
      cell: 'platform',
      title: 'Collaboration pairing ended on 2026-02-16: consider x-as-a-service',
      confidence: 0.7,
      sampleSize: 120,
    });
    expect(hint!.summary).toContain('has run 13 day(s) past its end');
  });

  it('is surer once the collaboration has overrun by its own length, and leaves running or other agreements alone', () => {
    expect(
      collaborationHints([agreement('long-over', { since: '2025-10-01', duration: '4w' })], now, usage, '28d')[0]!
        .confidence,
    ).toBe(0.9);
    expect(
      collaborationHints([agreement('running', { since: '2026-02-20', duration: '6w' })], now, usage, '28d'),
    ).toEqual([]);
    expect(
      collaborationHints(
        [agreement('service', { mode: 'x-as-a-service', since: '2025-01-01', duration: '1w' })],
        now,
        usage,
        '28d',
      ),
    ).toEqual([]);
    expect(collaborationHints([agreement('open-ended', {})], now, usage, '28d')).toEqual([]);
  });
});
