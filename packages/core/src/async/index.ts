export { createTurnBatcher, type TurnBatcher, type TurnBatcherOptions } from './turn-batcher.js';
export { within, type Within } from './within.js';
