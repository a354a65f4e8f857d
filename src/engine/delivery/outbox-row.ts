import { newId } from '../../shared/index.js';
import type { RouteMatch } from '../routing/subscription-router.js';

/** The outbox row for one webhook match of one event, due now. */
export function outboxRow(eventSeq: number, match: RouteMatch & { action: { webhook: { url: string } } }, now: Date) {
  return {
    id: newId(),
    event_seq: eventSeq,
    subscription: match.subscription,
    action_index: match.actionIndex,
    target: match.action.webhook.url,
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: now.getTime(),
    last_status_code: null,
    last_error: null,
    created_at: now.getTime(),
    updated_at: now.getTime(),
    completed_at: null,
  };
}

/** Whether a match delivers to a webhook. */
export function isWebhookMatch(match: RouteMatch): match is RouteMatch & { action: { webhook: { url: string } } } {
  return 'webhook' in match.action;
}
