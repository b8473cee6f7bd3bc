// Global setup of the browser-mode project (Node side): the settings JSON Schema the page tests serve as
// `GET /settings/schema`, made by core's own export from real defineSettings() definitions (core is Node code, so the
// browser gets the result through Vitest's `provide`/`inject`).
import type { TestProject } from 'vitest/node';
import './provided-context.js';
import { moderationSettings, schemaBody, welcomeSettings } from '../../settings/settings-fixtures.js';

export default function provideSettingsSchema(project: TestProject): void {
  project.provide('settingsSchema', schemaBody({ welcome: welcomeSettings, moderation: moderationSettings }));
}
