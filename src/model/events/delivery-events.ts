import { Type } from '@sinclair/typebox';
import { defineEvent } from './event-definition.js';
import { DELIVERIES_SOURCE } from './event-sources.js';

export const DeliveryDeadLettered = 'dev.cello.delivery.dead-lettered';

/** Delivery events: what happened to a subscription's webhook deliveries. */
export const DELIVERY_EVENTS = {
  [DeliveryDeadLettered]: defineEvent({
    description:
      'A webhook delivery ran out of attempts and went to the dead-letter list; governance raises a tension.',
    source: DELIVERIES_SOURCE,
    subject: 'subscription:<name>',
    data: Type.Object({
      delivery: Type.String(),
      subscription: Type.String(),
      cell: Type.Optional(Type.String({ description: 'the subscribing cell, cell:<name>' })),
      eventSeq: Type.Number({ description: 'the log position of the undelivered event' }),
      target: Type.String(),
      attempts: Type.Number(),
      lastStatusCode: Type.Union([Type.Number(), Type.Null()]),
      lastError: Type.Union([Type.String(), Type.Null()]),
    }),
  }),
};
