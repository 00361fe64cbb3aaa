/** A prometheus-operator PrometheusRule for tests: the object's boilerplate written once, the rules as each test needs them. */

/** A PrometheusRule `name` with one group `group` whose `rules` lines are written as at the rules list's level (`- alert: …`). */
export function prometheusRule(rules: readonly string[], { name = 'app', group = 'slo' } = {}): string {
  return `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: ${name}
spec:
  groups:
    - name: ${group}
      rules:
${rules.map((line) => `        ${line}\n`).join('')}`;
}
