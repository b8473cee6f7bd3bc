export type { BaselineCoreServices, BaselineServiceExtensions, BaselineServices } from './baseline-services.js';
export { createServices, type CreateServicesOptions } from './create-services.js';
