import { createTsupConfig } from '../../tsup.shared.js';

export default createTsupConfig();
