/**
 * Other linters as outside oracles on the real-world corpus (test/fixtures/real-world, SOURCES.md):
 * for each fixture whose outcome the tool's own tests assert, our rule for the same topic agrees —
 * it fires where the tool reports the problem and stays silent where the tool passes the file. Only
 * the row's topic is judged: the fixtures are minimal and may carry other, true findings.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { FIXTURES_DIR } from '../helpers/paths';
import type { Finding } from '../../server/src/engine/types';

const CORPUS = path.join(FIXTURES_DIR, 'real-world');

interface Row {
  tool: string;
  file: string;
  topic: string;
  rules: readonly string[];
  fires: boolean;
  why: string;
}

const ROWS: Row[] = [
  {
    tool: 'checkov CKV_K8S_14 (image tag fixed)',
    file: 'checkov/ephemeralContainer-ImageTagLatest-FAILED.yaml',
    topic: 'image uses :latest',
    rules: ['no-latest-tag'],
    fires: true,
    why: 'ephemeral container busybox:latest',
  },
  {
    tool: 'checkov CKV_K8S_14 (image tag fixed)',
    file: 'checkov/imageWithDigest-PASSED.yaml',
    topic: 'image uses :latest',
    rules: ['no-latest-tag'],
    fires: false,
    why: 'pinned by digest without a tag',
  },
  {
    tool: 'checkov CKV_K8S_14 (image tag fixed)',
    file: 'checkov/imageWithTagAndDigest-PASSED.yaml',
    topic: 'image uses :latest',
    rules: ['no-latest-tag'],
    fires: false,
    why: 'tag and digest',
  },
  {
    tool: 'Polaris pdbMinAvailableGreaterThanHPAMinReplicas',
    file: 'polaris/pdb-hpa-success.hpa-no-match.yaml',
    topic: 'HPA scaleTargetRef resolves to a workload',
    rules: ['no-missing-hpa-target', 'no-unscalable-hpa-target'],
    fires: true,
    why: 'Polaris passes the file because the HPA targets Deployment no-match, which is not the Deployment zookeeper: the target does not resolve',
  },
  {
    tool: 'Polaris hpaMinAvailability',
    file: 'polaris/hpaMinAvailability-failure.yaml',
    topic: 'HPA minReplicas is legal for the API',
    rules: ['valid-hpa-replica-bounds'],
    fires: false,
    why: 'minReplicas 1 is an availability opinion of Polaris, not an API error',
  },
  {
    tool: 'Polaris pdbMinAvailableGreaterThanHPAMinReplicas',
    file: 'polaris/pdb-hpa-success.yaml',
    topic: 'HPA scaleTargetRef resolves to a workload',
    rules: ['no-missing-hpa-target', 'no-unscalable-hpa-target'],
    fires: false,
    why: 'no HPA at all',
  },
  {
    tool: 'kube-score container-ports-check / Kubernetes endpoints',
    file: 'handwritten/pod-features.yaml',
    topic: 'Service targetPort names a declared container port',
    rules: ['no-undeclared-target-port'],
    fires: false,
    why: 'port name proxy is declared by a sidecar init container (restartPolicy: Always), which the endpoints controller resolves (1.29+)',
  },
  {
    tool: 'Kubernetes API validation',
    file: 'handwritten/invalid-init-container-probe.yaml',
    topic: 'probes only on regular containers and sidecars',
    rules: ['valid-probe-settings'],
    fires: true,
    why: 'readinessProbe on an init container without restartPolicy: Always is rejected',
  },
  {
    tool: 'Kubernetes API validation',
    file: 'kubernetes-website-2/deployment-sidecar.yaml',
    topic: 'probes only on regular containers and sidecars',
    rules: ['valid-probe-settings'],
    fires: false,
    why: 'sidecar init container',
  },
];

/** Codes of the findings `rules` give when the row's file is checked with the other files of its folder. */
function codesOf(row: Row): string[] {
  const dir = path.dirname(path.join(CORPUS, row.file));
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    if (/\.ya?ml$/.test(name)) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  const target = path.basename(row.file);
  return lintAll(engineWith(files))
    .filter((f) => rowFile(f) === target && row.rules.includes(f.code))
    .map((f) => f.code);
}

function rowFile(finding: Finding): string {
  return decodeURIComponent(finding.uri.slice(finding.uri.lastIndexOf('/') + 1));
}

describe('other tools as oracles on the real-world corpus', () => {
  for (const row of ROWS) {
    it(`${row.tool}: ${row.file} — ${row.topic} ${row.fires ? 'is reported' : 'stays silent'} (${row.why})`, () => {
      const codes = codesOf(row);
      if (row.fires) assert.ok(codes.length > 0, `expected ${row.rules.join(' or ')} on ${row.file}`);
      else assert.deepEqual(codes, []);
    });
  }
});
