import pc from 'picocolors';

/** Where commands write: injectable so tests capture output without spawning a process. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** An output that keeps what was written, for tests. */
export function bufferedOutput(): Output & { stdout: string; stderr: string } {
  const buffer = { stdout: '', stderr: '' };
  return Object.assign(buffer, {
    out: (text: string) => void (buffer.stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text: string) => void (buffer.stderr += text.endsWith('\n') ? text : `${text}\n`),
  });
}

/**
 * Colours only for a person at a terminal (or FORCE_COLOR): piped output, logs and CI get plain text,
 * whatever picocolors would guess from the environment.
 */
const force = process.env.FORCE_COLOR;
const useColor =
  force !== undefined && force !== ''
    ? force !== '0' && force !== 'false'
    : !('NO_COLOR' in process.env) && process.stdout.isTTY === true;
export const colors = pc.createColors(useColor);
