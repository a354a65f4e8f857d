/** `node bin/cello.js serve` as a child process: the built CLI, killed and restarted like a real deployment. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, type ServiceCheck } from '../support/services.js';

const ENTRY = path.join(PROJECT_ROOT, 'bin/cello.js');

/** The built CLI is there and knows workflows (`npm run build` writes dist/; `npm install` runs it once). */
export function checkBuild(): ServiceCheck {
  const ok =
    existsSync(path.join(PROJECT_ROOT, 'dist/cli/index.js')) &&
    existsSync(path.join(PROJECT_ROOT, 'dist/workflows/index.js'));
  return { ok, reason: 'dist/ is missing or predates the workflow engine: run `npm run build` before the tests' };
}

export interface CelloProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown code runs. */
  kill(): Promise<void>;
  /** SIGTERM: the server finishes what is in flight and exits. */
  stop(): Promise<void>;
}

/** Starts `cello serve --org orgDir --data-dir dataDir --port 0` and resolves once it listens. */
export async function startCelloProcess(orgDir: string, dataDir: string, adminToken: string): Promise<CelloProcess> {
  const child = spawn(process.execPath, [ENTRY, 'serve', '--org', orgDir, '--data-dir', dataDir, '--port', '0'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CELLO_ADMIN_TOKEN: adminToken, CELLO_LOG_LEVEL: 'silent', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // a server that never listened must not outlive the test
      reject(new Error(`cello serve did not start within 30 s:\n${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cello serve exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
