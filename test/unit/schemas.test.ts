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

  it('types integers from the package validators (int32/int64), keeps IntOrString and Quantity special, enums from the API', () => {
    const defs = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/kubernetes.json'), 'utf8')) as {
        definitions: Record<string, { properties?: Record<string, Record<string, unknown>> }>;
      }
    ).definitions;
    const props = (id: string) => defs[`io.k8s.api.${id}`]!.properties!;
    assert.deepEqual(props('apps.v1.DeploymentSpec')['replicas']!['type'], 'integer');
    assert.deepEqual(props('core.v1.ServicePort')['targetPort']!['$ref'], '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    assert.deepEqual(props('core.v1.ResourceRequirements')['limits']!['additionalProperties'], {
      $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity',
    });
    assert.equal(props('apps.v1.DeploymentSpec')['replicas']!['format'], 'int32');
    assert.equal(props('core.v1.PodSpec')['activeDeadlineSeconds']!['format'], 'int64');
    // A double in the API stays a number.
    const jsonSchemaProps = defs['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps']!.properties!;
    assert.equal(jsonSchemaProps['maximum']!['type'], 'number');
    assert.deepEqual(props('core.v1.Container')['imagePullPolicy']!['enum'], ['Always', 'IfNotPresent', 'Never']);
    // schema-enums.mjs widens where the API accepts more than the OpenAPI lists (an empty effect).
    assert.ok((props('core.v1.Toleration')['effect']!['enum'] as string[]).includes(''));
  });

  it('documents the fields: every field the API documents has its description (hover, completion)', () => {
    const defs = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/kubernetes.json'), 'utf8')) as {
        definitions: Record<string, { description?: string; properties?: Record<string, { description?: string; $ref?: string }> }>;
      }
    ).definitions;
    let fields = 0;
    const missing: string[] = [];
    for (const [id, def] of Object.entries(defs)) {
      for (const [name, field] of Object.entries(def.properties ?? {})) {
        fields++;
        const refDoc = field.$ref ? defs[field.$ref.slice('#/definitions/'.length)]?.description : undefined;
        if (!field.description && !refDoc) missing.push(`${id}.${name}`);
      }
    }
    // Undocumented upstream: JSONSchemaProps' JSON-Schema keywords, version.Info, WatchEvent.type, meta/v1 GroupResource.
    assert.ok(
      missing.every((m) => /JSONSchemaProps|ExternalDocumentation|version\.Info|WatchEvent|GroupResource/.test(m)),
      missing.join(', '),
    );
    assert.ok(fields > 2500, `${fields} fields`);
    assert.match(defs['io.k8s.api.apps.v1.Deployment']!.properties!['kind']!.description!, /^Kind is a string value/);
  });

  it('serves the current APIs and none removed before the oldest supported release', () => {
    const s = store();
    assert.equal(s.lookup('resource.k8s.io/v1', 'ResourceClaim')?.schema.id, 'io.k8s.api.resource.v1.ResourceClaim');
    assert.ok(s.lookup('admissionregistration.k8s.io/v1', 'MutatingAdmissionPolicy'));
    assert.equal(s.lookup('extensions/v1beta1', 'Deployment'), undefined);
    assert.equal(s.lookup('autoscaling/v2beta2', 'HorizontalPodAutoscaler'), undefined);
    assert.equal(s.lookup('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition'), undefined);
  });
});
