// `@baseline/core/testing`: helpers for the tests of baseline and of plugins; nothing here is for production code.
export { createCaptureLogger, createLogCapture, type LogCapture, type LogLine } from './log-capture.js';
