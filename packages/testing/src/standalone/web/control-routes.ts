import type { ControlRoute } from './control-route.js';
import { interactionControls } from './interaction-controls.js';
import { memberControls } from './member-controls.js';
import { messageControls } from './message-controls.js';

/** Every control endpoint. Driver errors answer 400 `{ error, code }`; unknown ids in GETs answer 404. */
export const controlRoutes: ControlRoute[] = [...interactionControls, ...messageControls, ...memberControls];
