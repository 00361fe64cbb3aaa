/**
 * kube-score as an outside oracle (test/fixtures/kube-score/EXPECTED.md): for every row about
 * Service selectors, container ports, port names and env duplication, our rule for that topic
 * agrees. Only the row's topic is judged (the fixtures are deliberately minimal).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineWith, lintAll, summarize } from '../helpers/engineHarness';
import { FIXTURES_DIR } from '../helpers/paths';

const TESTDATA = path.join(FIXTURES_DIR, 'kube-score', 'testdata');

/** `file:line code` of the findings `rules` give on one fixture file. */
function findingsOf(file: string, rules: readonly string[]): string[] {
  const engine = engineWith({ [file]: fs.readFileSync(path.join(TESTDATA, file), 'utf8') });
  return summarize(lintAll(engine).filter((f) => rules.includes(f.code)));
}

interface Row {
  topic: string;
  rules: readonly string[];
  /** File → the exact findings expected (`file:line code`). */
  finding: Readonly<Record<string, readonly string[]>>;
  none: readonly string[];
}

const ROWS: Row[] = [
  {
    topic: 'Service selector matches some pod template',
    rules: ['no-unmatched-service-selector'],
    finding: {
      'service-not-target-deployment.yaml': ['service-not-target-deployment.yaml:20 no-unmatched-service-selector'],
      'service-not-target-pod.yaml': ['service-not-target-pod.yaml:17 no-unmatched-service-selector'],
      'service-not-target-pod-multi-label.yaml': ['service-not-target-pod-multi-label.yaml:18 no-unmatched-service-selector'],
      // Namespaces differ: no match.
      'service-target-pod-different-namespace.yaml': ['service-target-pod-different-namespace.yaml:19 no-unmatched-service-selector'],
      'service-target-deployment-different-namespace.yaml': ['service-target-deployment-different-namespace.yaml:22 no-unmatched-service-selector'],
    },
    none: [
      'service-target-deployment.yaml',
      'service-target-pod.yaml',
      'service-target-pod-multi-label.yaml',
      'service-target-pod-same-namespace.yaml',
      'service-target-deployment-same-namespace.yaml',
      'service-externalname.yaml',
    ],
  },
  {
    topic: 'container port names',
    rules: ['no-duplicate-container-port', 'no-invalid-port-name'],
    finding: {
      'pod-container-ports-duplicate-names.yaml': ['pod-container-ports-duplicate-names.yaml:26 no-duplicate-container-port'],
      'pod-container-ports-name-too-long.yaml': ['pod-container-ports-name-too-long.yaml:23 no-invalid-port-name'],
    },
    none: ['pod-container-ports-ok.yaml'],
  },
  {
    topic: 'containerPort present',
    rules: ['require-container-port'],
    finding: {
      'pod-container-ports-missing-containerport.yaml': ['pod-container-ports-missing-containerport.yaml:27 require-container-port'],
      'pod-container-ports-missing-containerport-annotation-optional.yaml': [
        'pod-container-ports-missing-containerport-annotation-optional.yaml:29 require-container-port',
      ],
    },
    none: ['pod-container-ports-ok.yaml'],
  },
  {
    topic: 'container ports (all port rules)',
    rules: ['no-duplicate-container-port', 'no-invalid-port-name', 'no-port-out-of-range', 'require-container-port'],
    finding: {},
    none: ['pod-container-ports-ok.yaml'],
  },
  {
    topic: 'duplicate env var names in one container',
    rules: ['no-duplicate-env'],
    finding: {
      'pod-env-duplicated.yaml': ['pod-env-duplicated.yaml:14 no-duplicate-env', 'pod-env-duplicated.yaml:18 no-duplicate-env'],
    },
    none: ['pod-env-ok.yaml'],
  },
];

describe('kube-score oracle: Services, ports, env', () => {
  for (const row of ROWS) {
    describe(row.topic, () => {
      for (const [file, expected] of Object.entries(row.finding)) {
        it(`${file}: finding`, () => assert.deepEqual(findingsOf(file, row.rules), expected));
      }
      for (const file of row.none) {
        it(`${file}: no finding`, () => assert.deepEqual(findingsOf(file, row.rules), []));
      }
    });
  }
});
