/**
 * Rule ids follow one scheme: `no-<problem>` (reports the problem), `require-<thing>` (reports its absence),
 * `valid-<thing>` (reports a malformed thing). Rules named otherwise before were renamed; their old ids keep
 * working wherever a user writes a rule id (settings, `.biome-manifests.yaml`, `--rule`, suppression comments
 * and annotations, baselines), read as the new id.
 */
export const RENAMED_RULES: Readonly<Record<string, string>> = {
  'alertmanager-receiver-exists': 'no-missing-alertmanager-receiver',
  'alertmanager-time-interval-exists': 'no-missing-alertmanager-time-interval',
  'hpa-metric-target': 'valid-hpa-metric-target',
  'hpa-replica-bounds': 'valid-hpa-replica-bounds',
  'hpa-scaling-behavior': 'valid-hpa-scaling-behavior',
  'hpa-target-exists': 'no-missing-hpa-target',
  'hpa-target-scalable': 'no-unscalable-hpa-target',
  'probe-port-declared': 'no-undeclared-probe-port',
  'probe-timeout-below-period': 'no-probe-timeout-over-period',
  'rule-files-exist': 'no-missing-rule-files',
  'scrape-timeout-within-interval': 'no-scrape-timeout-over-interval',
};

/** The current id of a rule id as a user wrote it (an old id → its new one; anything else unchanged). */
export function canonicalRuleId(id: string): string {
  return Object.hasOwn(RENAMED_RULES, id) ? RENAMED_RULES[id]! : id;
}

/** The old ids of a rule (empty for a rule never renamed). */
export function formerIdsOf(id: string): string[] {
  return Object.keys(RENAMED_RULES).filter((old) => RENAMED_RULES[old] === id);
}
