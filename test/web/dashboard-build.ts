import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/services.js';

const WEB = path.join(PROJECT_ROOT, 'web');
const BUILT = path.join(WEB, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds web/dist with Vite when it is missing or older than the dashboard's sources (its own and the parts of src/
 * it bundles), so the browser tests always exercise the code in the tree (a fresh clone has no build; `npm run build`
 * also makes one).
 */
export function ensureDashboardBuilt(): void {
  const sources = Math.max(
    newestSource(path.join(WEB, 'src')),
    // The dashboard bundles the wire contract and the typed client (and the part of shared under them).
    newestSource(path.join(PROJECT_ROOT, 'src', 'model')),
    newestSource(path.join(PROJECT_ROOT, 'src', 'client')),
    newestSource(path.join(PROJECT_ROOT, 'src', 'shared')),
    statSync(path.join(WEB, 'index.html')).mtimeMs,
    statSync(path.join(WEB, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
