export { within, type Within } from './within.js';
