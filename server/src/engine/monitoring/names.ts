/** Prometheus name rules: label names, metric names (as checked by promtool on configs and rule files). */
import { editDistance } from '../schema/suggest';

export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

export function isMetricName(name: string): boolean {
  return METRIC_NAME.test(name);
}

/** Edit distance, bounded: names longer than 64 characters are not compared (the distance is quadratic). */
function distance(a: string, b: string): number {
  return a.length > 64 || b.length > 64 ? Infinity : editDistance(a, b);
}

/** The candidate closest to `name` (a did-you-mean), when it is close enough to be a typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
