import { describe, expect, it } from 'vitest';
import { createInProcessTransport } from '../../src/bus/index.js';
import { runTransportContract } from '../../src/bus/transport.contract.js';

runTransportContract('in-process', async () => createInProcessTransport());

describe('in-process transport', () => {
  it('says it is neither durable nor cross-process', () => {
    expect(createInProcessTransport().capabilities).toEqual({
      name: 'in-process',
      durable: false,
      crossProcess: false,
    });
  });
});
