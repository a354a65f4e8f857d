/** A delivery as `GET /v1/deliveries` returns it. */
export interface DeliveryView {
  id: string;
  eventSeq: number;
  subscription: string;
  target: string;
  status: 'pending' | 'in_flight' | 'succeeded' | 'dead';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string | number;
  completedAt: string | number | null;
}

/** One attempt as `GET /v1/deliveries/:id/attempts` returns it. */
export interface AttemptView {
  attempt: number;
  startedAt: string | number;
  durationMs: number;
  statusCode: number | null;
  outcome: string;
  error: string | null;
}

/** Times come as RFC 3339 text or epoch milliseconds; both become an ISO string. */
export function isoOf(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return new Date(value).toISOString();
  return /^\d+$/.test(value) ? new Date(Number(value)).toISOString() : value;
}
