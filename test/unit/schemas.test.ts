import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, store } from './schemaFixtures';

describe('schemas/', () => {
  it('is what scripts/generate-schemas.mjs generates (run `npm run schemas` after changing it)', () => {
    const out = mkdtempSync(join(tmpdir(), 'biome-schemas-'));
    try {
      execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/generate-schemas.mjs'), '--out', out], { cwd: REPO_ROOT, stdio: 'pipe' });
      const fresh = readFileSync(join(out, 'kubernetes.json'), 'utf8');
      const committed = readFileSync(join(REPO_ROOT, 'schemas/kubernetes.json'), 'utf8');
      assert.ok(fresh === committed, 'schemas/kubernetes.json is stale: run `npm run schemas`');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('indexes every apiVersion serving a kind', () => {
    const s = store();
    assert.deepEqual(s.apiVersionsOf('HorizontalPodAutoscaler'), ['autoscaling/v1', 'autoscaling/v2']);
    assert.deepEqual(s.apiVersionsOf('Deployment'), ['apps/v1']);
    assert.deepEqual(s.apiVersionsOf('Foo'), []);
    assert.ok(s.kindsOf('apps/v1').includes('StatefulSet'));
    assert.equal(s.lookup('v1', 'Service')?.schema.id, 'io.k8s.api.core.v1.Service');
  });

  it('types integers from client-node formats and keeps IntOrString and Quantity special', () => {
    const defs = (JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/kubernetes.json'), 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, Record<string, unknown>> }>;
    }).definitions;
    const props = (id: string) => defs[`io.k8s.api.${id}`]!.properties!;
    assert.deepEqual(props('apps.v1.DeploymentSpec')['replicas']!['type'], 'integer');
    assert.deepEqual(props('core.v1.ServicePort')['targetPort']!['$ref'], '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    assert.deepEqual(props('core.v1.ResourceRequirements')['limits']!['additionalProperties'], {
      $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity',
    });
  });
});
