/** Runs the built CLI (`bin/cello.js` → dist/) as a child process, for tests that must kill a real server. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { PROJECT_ROOT } from './services.js';

export const CLI = path.join(PROJECT_ROOT, 'bin/cello.js');

export function assertBuilt(): void {
  if (!existsSync(path.join(PROJECT_ROOT, 'dist/cli/index.js'))) {
    throw new Error(
      'dist/ is missing: `npm test` builds first (pretest); when running vitest directly, run `npm run build` before.',
    );
  }
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `cello serve` on a free port and resolves once it listens. */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  assertBuilt();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    env: { ...process.env, CELLO_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // a server that never listened must not outlive the test
      reject(new Error(`cello serve did not start:\n${output}`));
    }, 30_000);
    const check = () => {
      const match = /listening on (?:\S*?)(http:\/\/[\d.]+:\d+)/.exec(stripVTControlCharacters(output));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cello serve exited with ${code}:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

/** Kills the process and waits until it is gone. */
export async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
