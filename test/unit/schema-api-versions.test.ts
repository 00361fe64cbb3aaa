/**
 * apiVersions the schema (Kubernetes 1.36, kubernetes-models) does not know: removed or misspelled ones
 * are errors, versions newer than every one the schema knows for the kind's group are a newer
 * cluster's API, not an error.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateDocument } from '../../server/src/engine/schema/validate';
import { parse, store } from './schemaFixtures';

function codes(text: string): string[] {
  return parse(text).documents.flatMap((doc) => validateDocument(doc, store()).map((f) => `${f.code} ${f.message}`));
}

const claim = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: ResourceClaim\nmetadata: { name: gpu }\nspec: { devices: { requests: [{ name: gpu, exactly: { deviceClassName: gpu.example.com } }] } }\n`;

describe('schema apiVersion check', () => {
  it('stays silent on versions newer than the schema knows for the group (GA over beta over alpha)', () => {
    assert.deepEqual(codes(claim('resource.k8s.io/v1')), []);
    assert.deepEqual(codes(claim('resource.k8s.io/v1beta2')), []);
    assert.deepEqual(codes(claim('resource.k8s.io/v1alpha3')), []);
    assert.deepEqual(codes('apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata: { name: c }\nspec: { cidrs: [10.0.0.0/16] }\n'), []);
  });

  it('reports misspelled versions and other groups; leaves versions with a known lifecycle to no-unsupported-api-version', () => {
    assert.deepEqual(codes('apiVersion: apps/v1beta\nkind: Deployment\nmetadata: { name: d }\n'), [
      'schema-api-version apiVersion `apps/v1beta` does not serve Deployment; Deployment is served by apps/v1: change apiVersion.',
    ]);
    // Removed versions are reported by the rule against the target release (naming it and the replacement), not twice.
    assert.deepEqual(codes('apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata: { name: s }\n'), []);
    assert.deepEqual(codes('apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: { name: p }\n'), []);
    assert.deepEqual(codes('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: { name: c }\n'), []);
    assert.deepEqual(codes('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: i }\n'), []);
  });
});
