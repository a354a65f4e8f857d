import { errorMessage, signWebhook, type Clock } from '../../shared/index.js';
import { classifyResponse, parseRetryAfter, type DeliveryVerdict } from './backoff.js';

export interface WebhookPost {
  url: string;
  /** The Standard Webhooks message id: the same on every retry, so receivers can deduplicate. */
  id: string;
  body: string;
  secret: string;
  timeoutMs: number;
  headers?: Record<string, string>;
}

export interface WebhookOutcome {
  verdict: DeliveryVerdict;
  statusCode: number | null;
  error: string | null;
  /** What a `Retry-After` header asked for. */
  retryAfterMs?: number;
}

/**
 * POSTs one signed CloudEvent and says what to do next; never throws for the receiver's failures. Redirects are
 * not followed: a 301/302/303 would turn the POST into an empty GET that "succeeds", and a 307/308 would re-post
 * the signed body to whatever URL the receiver names. A 3xx is a failed attempt that shows where it pointed.
 */
export async function postWebhook(post: WebhookPost, clock: Clock): Promise<WebhookOutcome> {
  try {
    const signature = signWebhook({
      id: post.id,
      timestamp: Math.floor(clock.now().getTime() / 1000),
      body: post.body,
      secret: post.secret,
    });
    const response = await fetch(post.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        'user-agent': 'cello/0.1',
        ...post.headers,
        ...signature,
      },
      body: post.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(post.timeoutMs),
    });
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
    await response.body?.cancel();
    return {
      verdict: classifyResponse(response.status),
      statusCode: response.status,
      error: response.ok ? null : failure(response),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  } catch (error) {
    // Refused connections, timeouts and DNS failures are temporary as far as we can tell.
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return {
      verdict: 'retry',
      statusCode: null,
      error: `could not reach ${post.url}: ${cause ?? errorMessage(error)}`,
    };
  }
}

function failure(response: Response): string {
  const answered = `the webhook answered ${response.status} ${response.statusText}`.trim();
  if (response.status < 300 || response.status >= 400) return answered;
  const location = response.headers.get('location');
  return `${answered}, redirecting to ${location ?? 'no Location'}; Cello does not follow redirects: set the subscription's URL to where the webhook lives`;
}
