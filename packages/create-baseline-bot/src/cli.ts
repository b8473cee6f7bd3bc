#!/usr/bin/env node
// `npx create-baseline-bot`: runs the program and turns a coded failure into one line and exit code 1.
import pc from 'picocolors';
import { CreateError } from './create-error.js';
import { createProgram } from './program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CreateError) process.stderr.write(`${pc.red('error')} ${pc.bold(error.code)}: ${error.message}\n`);
  else process.stderr.write(`${pc.red('error')} BL_ERR_CREATE_UNEXPECTED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
