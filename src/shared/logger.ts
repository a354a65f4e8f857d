import { pino, type Logger } from 'pino';

export type { Logger };

/** The process logger: JSON lines on stderr; `CELLO_LOG_LEVEL` sets the level (default `info`, `silent` in tests). */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  const level = options.level ?? process.env.CELLO_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  return pino({ level, name: options.name ?? 'cello' }, pino.destination(2));
}

/** A logger that drops everything. */
export const silentLogger: Logger = pino({ level: 'silent' });
