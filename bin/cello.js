#!/usr/bin/env node
// The published entry point: runs the compiled CLI (`npm run build` writes dist/).
import { main } from '../dist/cli/index.js';

// `cello … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
