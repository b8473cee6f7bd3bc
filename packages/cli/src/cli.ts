#!/usr/bin/env node
// `baseline`: runs the program and turns a failure into one `error BL_ERR_…` line and exit code 1.
import { createProgram } from './program.js';
import { reportFailure } from './support/report-failure.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  reportFailure(error);
  process.exitCode = 1;
}
