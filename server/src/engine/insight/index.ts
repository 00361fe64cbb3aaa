/** The insight providers, one per topic file; the server asks each in turn. */
import type { InsightProvider } from './types';

export const insightProviders: InsightProvider[] = [];
