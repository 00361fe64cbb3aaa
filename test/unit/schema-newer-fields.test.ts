/**
 * Fields of Kubernetes 1.33–1.36 (now in the schema's source, kubernetes-models) and two newer ones
 * (scripts/schema-additions.mjs), used by the Kubernetes documentation's examples: valid where
 * spelled right, still checked inside (typos, types).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateDocument } from '../../server/src/engine/schema/validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, REPO_ROOT, store, yaml } from './schemaFixtures';

/** The generated schema's `tolerance` field (its description is what hover and completion show). */
function readSchemaField(): unknown {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'kubernetes.json'), 'utf8')) as {
    definitions: Record<string, { properties: Record<string, unknown> }>;
  };
  return schema.definitions['io.k8s.api.autoscaling.v2.HPAScalingRules']?.properties.tolerance;
}

function codes(text: string): string[] {
  return parse(text).documents.flatMap((doc) => validateDocument(doc, store()).map((f) => `${f.code} ${f.message}`));
}

const pod = (container: string, volume = '{ name: v, emptyDir: {} }') => yaml`
  apiVersion: v1
  kind: Pod
  metadata: { name: p }
  spec:
    hostnameOverride: worker-0
    containers: [${container}]
    volumes: [${volume}]
`;

describe('schema fields of recent releases', () => {
  it('accepts container restart rules, env file keys, pod certificates and cgroup options', () => {
    const container = `{ name: c, image: "i:1", restartPolicy: Always,
      restartPolicyRules: [{ action: RestartAllContainers, exitCodes: { operator: In, values: [88] } }],
      env: [{ name: A, valueFrom: { fileKeyRef: { path: config.env, volumeName: v, key: A, optional: false } } }],
      securityContext: { cgroupOptions: { mountMode: ReadWrite } } }`;
    const volume =
      '{ name: v, projected: { sources: [{ podCertificate: { keyType: ED25519, signerName: example.com/foo, credentialBundlePath: b.pem, userAnnotations: { a: b } } }] } }';
    assert.deepEqual(codes(pod(container, volume)), []);
    assert.deepEqual(codes(pod('{ name: c, image: "i:1" }', '{ name: v, emptyDir: { mode: 01777 } }')), []);
  });

  it('still checks inside them: required fields, unknown fields and types', () => {
    const container =
      '{ name: c, image: "i:1", restartPolicyRules: [{ exitCodes: { operator: In, values: [x] } }], env: [{ name: A, valueFrom: { fileKeyRef: { path: p, volumeName: v, keyy: A } } }] }';
    assert.deepEqual(
      codes(pod(container))
        .map((c) => c.split(' ')[0])
        .sort(),
      ['schema-required', 'schema-required', 'schema-type', 'schema-unknown-field'],
    );
  });

  it('types an HPA scaling rule tolerance as a Quantity: numbers and quantity strings, with its description', () => {
    const hpa = (tolerance: string) => yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: { name: web }
      spec:
        scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
        maxReplicas: 5
        behavior: { scaleUp: { tolerance: ${tolerance} } }
    `;
    assert.deepEqual(codes(hpa('0.05')), []);
    assert.deepEqual(codes(hpa('"50m"')), []);
    assert.deepEqual(
      codes(hpa('"5 percent"')).map((c) => c.split(' ')[0]),
      ['schema-type'],
    );
    assert.match(JSON.stringify(readSchemaField()), /HPAConfigurableTolerance/);
  });
});
