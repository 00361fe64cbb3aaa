/**
 * Real manifests of popular projects and other linters' fixtures (test/fixtures/real-world,
 * SOURCES.md): every file parses, no rule crashes, Helm templates stay silent, valid manifests get
 * no schema finding, and the findings at warning level or above are exactly the reviewed ones in
 * EXPECTED.json (regenerate with UPDATE_EXPECTED=1 and review the diff finding by finding).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, type Engine } from '../../server/src/setup';
import type { Finding } from '../../server/src/engine/types';
import { FIXTURES_DIR } from '../helpers/paths';
import { yamlFilesUnder } from '../helpers/corpus';

const CORPUS = path.join(FIXTURES_DIR, 'real-world');
const EXPECTED_FILE = path.join(CORPUS, 'EXPECTED.json');

/**
 * Files that are invalid on purpose or by age, where schema findings are true: kube-linter's
 * fixtures leave out required fields (they test one check each), and the microservices-demo fork's
 * load generator still uses extensions/v1beta1 Deployments (removed in Kubernetes 1.16).
 */
const SCHEMA_FINDINGS_EXPECTED = [
  /^kube-linter\//,
  /^microservices-demo\/loadgenerator\.yaml$/,
  // Polaris's fixtures are minimal too (Deployments without a selector).
  /^polaris\//,
  // checkov's Kafka fixtures use apps/v1beta1 StatefulSets and policy/v1beta1 PDBs (removed in 1.16 and 1.25).
  /^checkov\/imageWith.*\.yaml$/,
  /^handwritten\/invalid-/,
  // Kubernetes documentation examples that are wrong as published (checked against the API types):
  // webhooks without the required admissionReviewVersions,
  /^kubernetes-website-examples\/access\/admission-webhook-match-conditions\.yaml$/,
  // a v1alpha1 ValidatingAdmissionPolicy paramKind with group/version instead of apiVersion/kind,
  /^kubernetes-website-examples\/access\/deployment-replicas-policy\.yaml$/,
  // a CRD with conversionReviewVersions one level too high (beside webhook, not inside it), named
  // `selfierequests.…` while its plural is `SelfieRequests` (the API server wants `<plural>.<group>`).
  /^kubernetes-website-examples\/storage\/test-crd\.yaml$/,
  // a ResourceClaim whose device selector has `expression` beside `cel:` instead of inside it
  // (resource.k8s.io/v1 is checked since the 1.36 schemas).
  /^kubernetes-website-examples\/dra\/resourceclaim\.yaml$/,
  // The stored (old) version of the docs' CronJob uses batch/v1beta1, removed in Kubernetes 1.25.
  /^kubernetes-website-examples\/application\/job\/cronjob\.yaml$/,
  // The stored version of this docs Pod has no apiVersion (kubectl refuses it).
  /^kubernetes-website-examples\/pods\/inject\/pod-single-secret-env-variable\.yaml$/,
  // A custom resource (no CRD) whose metadata misspells `namespace`: caught by the ObjectMeta check every kind gets.
  /^kubernetes-website-examples\/validatingadmissionpolicy\/replicalimit-param\.yaml$/,
];

function relativeOf(file: string): string {
  return path.relative(CORPUS, file).split(path.sep).join('/');
}

interface CorpusRun {
  engines: Engine[];
  files: string[];
  findings: Map<string, Finding[]>;
  ruleErrors: string[];
}

/**
 * Each project folder is its own workspace, as a user opens one project: objects of unrelated
 * projects (a Service `nginx` of one, a ReplicationController with `app: nginx` of another, both in
 * `default`) must not see each other.
 */
function runCorpus(): CorpusRun {
  const ruleErrors: string[] = [];
  const files = yamlFilesUnder(CORPUS);
  const projects = new Map<string, string[]>();
  for (const file of files) {
    const project = relativeOf(file).split('/')[0]!;
    projects.set(project, [...(projects.get(project) ?? []), file]);
  }
  const engines: Engine[] = [];
  const findings = new Map<string, Finding[]>();
  for (const projectFiles of projects.values()) {
    const engine = createEngine({ onRuleError: (id, error) => ruleErrors.push(`${id}: ${String(error)}`) });
    for (const file of projectFiles) engine.index.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
    for (const file of projectFiles) findings.set(relativeOf(file), engine.linter.lintFile(pathToFileURL(file).href));
    engines.push(engine);
  }
  return { engines, files, findings, ruleErrors };
}

function line(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}`;
}

function byPosition(a: string, b: string): number {
  const [la = 0, ca = 0] = a.split(' ')[0]!.split(':').map(Number);
  const [lb = 0, cb = 0] = b.split(' ')[0]!.split(':').map(Number);
  return la - lb || ca - cb || a.localeCompare(b);
}

/** `line:column severity code` of each warning and error, per file (files without any left out). */
function atWarningOrAbove(findings: Map<string, Finding[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [file, list] of findings) {
    const lines = list.filter((f) => f.severity === 'warning' || f.severity === 'error').map(line);
    if (lines.length > 0) out[file] = lines.sort(byPosition);
  }
  return out;
}

const run = runCorpus();

describe('real-world manifests', () => {
  it('holds a corpus of many files and kinds', () => {
    const kinds = new Set<string>();
    let documents = 0;
    for (const file of run.engines.flatMap((engine) => [...engine.index.files()])) {
      for (const doc of file.documents) {
        if (doc.class.type === 'empty') continue;
        documents++;
        if (doc.identity) kinds.add(doc.identity.kind);
      }
    }
    assert.ok(run.files.length >= 40, `${run.files.length} files`);
    assert.ok(documents >= 100, `${documents} documents`);
    assert.ok(kinds.size >= 25, `${kinds.size} kinds: ${[...kinds].sort().join(', ')}`);
  });

  it('parses every file without a syntax error and runs every rule without a crash', () => {
    const syntax = [...run.findings].flatMap(([file, list]) => list.filter((f) => f.code.startsWith('yaml-')).map((f) => `${file} ${line(f)}`));
    assert.deepEqual(syntax, []);
    assert.deepEqual(run.ruleErrors, []);
  });

  it('says nothing at all about Helm templates', () => {
    const helm = [...run.findings].filter(([file]) => file.startsWith('bitnami-redis/'));
    assert.ok(helm.length > 0);
    assert.deepEqual(
      helm.flatMap(([file, list]) => list.map((f) => `${file} ${line(f)}`)),
      [],
    );
  });

  it('reports no schema finding on valid manifests', () => {
    const schema = [...run.findings]
      .filter(([file]) => !SCHEMA_FINDINGS_EXPECTED.some((pattern) => pattern.test(file)))
      .flatMap(([file, list]) => list.filter((f) => f.code.startsWith('schema-')).map((f) => `${file} ${line(f)} ${f.message}`));
    assert.deepEqual(schema, []);
  });

  it('reports exactly the reviewed findings at warning level or above', () => {
    const actual = atWarningOrAbove(run.findings);
    if (process.env.UPDATE_EXPECTED === '1') fs.writeFileSync(EXPECTED_FILE, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) as Record<string, string[]>;
    assert.deepEqual(actual, expected);
  });
});
