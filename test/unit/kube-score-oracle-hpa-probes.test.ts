/**
 * kube-score as an outside oracle (test/fixtures/kube-score/EXPECTED.md): for every row about HPA
 * targets, replicas with an HPA, readiness probes behind a Service and identical probes, our rule
 * for that topic agrees. Only the row's topic is judged (the fixtures are deliberately minimal).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { FIXTURES_DIR } from '../helpers/paths';

const TESTDATA = path.join(FIXTURES_DIR, 'kube-score', 'testdata');

/** Codes of the findings `rules` give on one fixture file. */
function codesOf(file: string, rules: readonly string[]): string[] {
  const engine = engineWith({ [file]: fs.readFileSync(path.join(TESTDATA, file), 'utf8') });
  return lintAll(engine)
    .filter((f) => rules.includes(f.code))
    .map((f) => f.code);
}

interface Row {
  topic: string;
  rules: readonly string[];
  finding: readonly string[];
  none: readonly string[];
}

const ROWS: Row[] = [
  {
    topic: 'HPA scaleTargetRef resolves to a workload in the set',
    rules: ['no-missing-hpa-target', 'no-unscalable-hpa-target'],
    finding: ['hpa-has-no-target.yaml'],
    none: [
      'hpa-autoscalingv1-targets-deployment.yaml',
      'hpa-autoscalingv2-targets-deployment.yaml',
      'hpa-autoscalingv2beta1-targets-deployment.yaml',
      'hpa-autoscalingv2beta2-targets-deployment.yaml',
      'hpa-target-deployment.yaml',
    ],
  },
  {
    topic: 'HPA minReplicas is legal for the API',
    rules: ['valid-hpa-replica-bounds'],
    finding: [],
    none: ['hpa-min-replicas-ok.yaml', 'hpa-min-replicas-nok.yaml'],
  },
  {
    topic: 'workload sets spec.replicas while an HPA targets it',
    rules: ['no-replicas-with-hpa'],
    finding: ['deployment-with-hpa-has-replicas.yaml'],
    none: ['deployment-with-hpa-not-has-replicas.yaml'],
  },
  {
    topic: 'readiness probe missing on a pod selected by a Service',
    rules: ['require-readiness-probe'],
    finding: [
      'pod-probes-all-missing.yaml',
      'pod-probes-missing-ready.yaml',
      'pod-probes-targeted-by-service.yaml',
      'pod-probes-targeted-by-service-same-namespace.yaml',
      'pod-probes-targeted-by-service-same-namespace-multi-labels.yaml',
    ],
    none: [
      'pod-probes-targeted-by-service-different-namespace.yaml',
      'pod-probes-not-targeted-by-service.yaml',
      'pod-probes-not-targeted-by-service-multi-labels.yaml',
      'pod-probes-on-different-containers.yaml',
      'pod-probes-on-different-containers-init.yaml',
      'cronjob-batchv1-deadline-not-set.yaml',
    ],
  },
  {
    topic: 'liveness and readiness probes identical',
    rules: ['no-identical-liveness-readiness'],
    finding: ['pod-probes-identical-http.yaml', 'pod-probes-identical-tcp.yaml', 'pod-probes-identical-exec.yaml'],
    none: ['pod-probes-both.yaml'],
  },
];

for (const row of ROWS) {
  describe(`kube-score: ${row.topic}`, () => {
    for (const file of row.finding) {
      it(`${file}: one finding`, () => assert.equal(codesOf(file, row.rules).length, 1));
    }
    for (const file of row.none) {
      it(`${file}: no finding`, () => assert.deepEqual(codesOf(file, row.rules), []));
    }
  });
}
