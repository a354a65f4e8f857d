import { compileConfig, openStore } from '../../app/index.js';
import { createToken } from '../../engine/index.js';
import { InputError } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';
import { colors } from '../output.js';

/** `cello token create|list|revoke`: tokens live in the store, so these work on the data folder directly. */
export const registerToken: RegisterCommand = (program, context) => {
  const token = program
    .command('token')
    .description('Create, list and revoke API tokens (stored hashed in the data folder)');
  const storeOption = [
    '--data-dir <dir>',
    'SQLite data folder (default: $CELLO_DATA_DIR or .cello; ignored when CELLO_DATABASE_URL is set)',
  ] as const;
  const open = (dataDir: string) => openStore(compileConfig({ dataDir, cwd: context.cwd, env: context.env }));

  token
    .command('create')
    .description('Create a token for a cell (--cell risk) or an admin token (--admin); it is printed once')
    .option('--cell <name>', 'the cell the token acts for')
    .option(
      '--member <name>',
      'with --cell: the member it is issued to (their roles in the cell decide what they may decide)',
    )
    .option('--admin', 'an admin token: may publish any type and manage everything')
    .option('--label <text>', 'a note to recognise the token by')
    .option(...storeOption)
    .action(async (flags: { cell?: string; member?: string; admin?: boolean; label?: string; dataDir: string }) => {
      if (!flags.cell === !flags.admin)
        throw new InputError('Say who the token is for: --cell <name> or --admin (one of them).', { field: 'cell' });
      if (flags.member && !flags.cell)
        throw new InputError('--member goes with --cell: a member belongs to a cell.', { field: 'member' });
      const store = await open(flags.dataDir);
      try {
        if (flags.cell) {
          const cell = await store.manifests.get('Cell', flags.cell);
          if (!cell || cell.removed) {
            const known = (await store.manifests.current('Cell')).map((c) => c.name);
            throw new InputError(
              `There is no applied cell "${flags.cell}"${known.length ? ` (known: ${known.join(', ')})` : '; run `cello apply` first'}.`,
              {
                field: 'cell',
              },
            );
          }
          const members = cell.manifest.kind === 'Cell' ? cell.manifest.spec.members.map((m) => m.name) : [];
          if (flags.member && !members.includes(flags.member)) {
            throw new InputError(
              `cell:${flags.cell} has no member "${flags.member}" (members: ${members.join(', ')}).`,
              { field: 'member' },
            );
          }
        }
        const { token: secret, record } = await createToken(store.tokens, {
          ...(flags.cell ? { cell: flags.cell } : { admin: true }),
          ...(flags.member ? { member: flags.member } : {}),
          ...(flags.label ? { label: flags.label } : {}),
        });
        context.output.out(secret);
        context.output.err(
          colors.dim(
            `token ${record.id} for ${flags.cell ? `${flags.member ? `${flags.member} of ` : ''}cell:${flags.cell}` : 'admin'}; shown once, stored hashed.`,
          ),
        );
      } finally {
        await store.close();
      }
    });

  token
    .command('list')
    .description('List tokens (never their secrets)')
    .option(...storeOption)
    .action(async (flags: { dataDir: string }) => {
      const store = await open(flags.dataDir);
      try {
        for (const t of await store.tokens.list()) {
          context.output.out(
            `${t.id}  ${t.admin ? 'admin' : `${t.member ? `${t.member} of ` : ''}cell:${t.cell}`}  ${t.createdAt}${t.revokedAt ? colors.red(`  revoked ${t.revokedAt}`) : ''}${t.label ? `  ${t.label}` : ''}`,
          );
        }
      } finally {
        await store.close();
      }
    });

  token
    .command('revoke <id>')
    .description('Revoke a token by id (see `cello token list`)')
    .option(...storeOption)
    .action(async (id: string, flags: { dataDir: string }) => {
      const store = await open(flags.dataDir);
      try {
        await store.tokens.revoke(id);
        context.output.out(`Revoked ${id}.`);
      } finally {
        await store.close();
      }
    });
};
