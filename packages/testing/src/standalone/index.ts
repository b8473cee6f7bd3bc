export { startStandaloneEmulator, standaloneDemoSeed } from './start-standalone-emulator.js';
export type { StandaloneEmulator, StandaloneEmulatorOptions, StandaloneEmulatorUrls } from './start-standalone-emulator.js';
export { readStandaloneSeed, type StandaloneSeed } from './standalone-seed.js';
