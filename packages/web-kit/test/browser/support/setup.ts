// Setup file of the browser-mode project: one fake API per test file, a clean page and storage after each test, and
// no API request left unanswered.
import '../../../src/styles.css';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, expect } from 'vitest';
import { resetFakeApi, startFakeApi, unanswered } from './fake-api.js';

beforeAll(startFakeApi);

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.classList.remove('dark');
  const missed = [...unanswered];
  resetFakeApi();
  expect(missed, 'API requests the test did not answer').toEqual([]);
});
