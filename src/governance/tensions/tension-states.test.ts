import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition } from './tension-states.js';

describe('the tension lifecycle', () => {
  it('follows open → scheduled → decided → resolved', () => {
    expect(canTransition('open', 'scheduled')).toBe(true);
    expect(canTransition('scheduled', 'decided')).toBe(true);
    expect(canTransition('decided', 'resolved')).toBe(true);
  });

  it('refuses a jump the lifecycle does not allow, naming the allowed ones', () => {
    expect(() => assertTransition('T-4', 'resolved', 'decided')).toThrow(
      'Tension T-4 is resolved and cannot become decided; from resolved it may become open.',
    );
    expect(() => assertTransition('T-4', 'dropped', 'scheduled')).toThrow(/from dropped it may become open/);
  });
});
