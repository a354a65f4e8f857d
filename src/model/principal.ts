/** Who is acting: the admin, a cell (through its token), or Cello itself (detectors, workflows). */
export type Principal =
  | { kind: 'admin'; tokenId?: string }
  | {
      kind: 'cell';
      cell: string;
      tokenId: string;
      /** The member of the cell the token was issued to, when it names one. */ member?: string;
    }
  | { kind: 'system'; component: string };

export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'admin':
      return 'the admin token';
    case 'cell':
      return principal.member ? `${principal.member} of cell:${principal.cell}` : `cell:${principal.cell}'s token`;
    case 'system':
      return `Cello (${principal.component})`;
  }
}

/** The cell a principal acts for, if any. */
export function principalCell(principal: Principal): string | undefined {
  return principal.kind === 'cell' ? principal.cell : undefined;
}
