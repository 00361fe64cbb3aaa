/** The insight providers, one per topic file; the server asks each in turn. All code lenses come from lenses.ts. */
import type { InsightProvider } from './types';
import { hpaInsight } from './hpa';
import { probesInsight } from './probes';
import { secretsInsight } from './secrets';
import { referencesInsight } from './references';
import { servicesInsight } from './services';
import { lensesInsight } from './lenses';
import { kustomizeInsight } from './kustomize';
import { promqlInsight } from './promql';

export const insightProviders: InsightProvider[] = [
  hpaInsight,
  probesInsight,
  secretsInsight,
  referencesInsight,
  servicesInsight,
  lensesInsight,
  kustomizeInsight,
  promqlInsight,
];
