/** The insight providers, one per topic file; the server asks each in turn. */
import type { InsightProvider } from './types';
import { hpaInsight } from './hpa';
import { probesInsight } from './probes';
import { secretsInsight } from './secrets';
import { referencesInsight } from './references';
import { servicesInsight } from './services';

export const insightProviders: InsightProvider[] = [hpaInsight, probesInsight, secretsInsight, referencesInsight, servicesInsight];
