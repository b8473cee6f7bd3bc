import { createTsupConfig } from '../../tsup.shared.js';

// `dist/` is what an app that installs this plugin from a registry loads; in this repo it runs from `src/`
// (the manifest's `source`), so nothing needs building first.
export default createTsupConfig();
