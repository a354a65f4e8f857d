import type { Command } from 'commander';
import type { Output } from './output.js';

/** What every command gets: where to write, and how to report its exit code. */
export interface CommandContext {
  output: Output;
  /** Set the process exit code for this run (the highest wins). */
  exit(code: number): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A command module registers itself on the program. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;
