import type { Principal } from '../../model/index.js';

/** Who claimed or completed a task: the member when the token names one, else the cell, else the admin. */
export function principalLabel(principal: Principal): string {
  if (principal.kind === 'cell')
    return principal.member ? `${principal.member} (cell:${principal.cell})` : `cell:${principal.cell}`;
  return principal.kind === 'admin' ? 'admin' : `cello:${principal.component}`;
}
