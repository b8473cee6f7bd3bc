import { dashboardFeature } from './dashboard.js';
import { examplePluginsFeature } from './example-plugins.js';
import type { Feature } from './feature.js';
import { llmFeature } from './llm.js';

/** Every optional part of a template, installed in this order after the template is copied. */
export const FEATURES: readonly Feature[] = [examplePluginsFeature, llmFeature, dashboardFeature];

export type { Feature, FeatureContext, ProjectPackage } from './feature.js';
