import { Type, type Static } from '@sinclair/typebox';

/** Who is acting: the admin, a cell (through its token), or Cello itself (detectors, workflows). */
export const Principal = Type.Union([
  Type.Object({ kind: Type.Literal('admin'), tokenId: Type.Optional(Type.String()) }),
  Type.Object({
    kind: Type.Literal('cell'),
    cell: Type.String(),
    tokenId: Type.String(),
    member: Type.Optional(
      Type.String({ description: 'the member of the cell the token was issued to, when it names one' }),
    ),
  }),
  Type.Object({ kind: Type.Literal('system'), component: Type.String() }),
]);
export type Principal = Static<typeof Principal>;

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
