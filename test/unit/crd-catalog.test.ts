import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogKinds, catalogSchema, CrdCatalog, type CatalogKindRef, type OpenApiV3Schema } from '../../server/src/engine/crd/catalog';
import catalogIndex from '../../server/src/engine/crd/catalogIndex.json';
import { REPO_ROOT } from './schemaFixtures';
import { createEngine } from '../../server/src/setup';

const CATALOG_DIR = join(REPO_ROOT, 'schemas', 'catalog');

/** The schema at a path of property names (`[]`: array items) of an openAPIV3Schema. */
function at(schema: OpenApiV3Schema, ...path: string[]): OpenApiV3Schema {
  let node: OpenApiV3Schema = schema;
  for (const step of path) {
    const next = step === '[]' ? node['items'] : (node['properties'] as Record<string, OpenApiV3Schema> | undefined)?.[step];
    assert.ok(next && typeof next === 'object', `no ${step} in ${path.join('.')}`);
    node = next as OpenApiV3Schema;
  }
  return node;
}

function schemaOf(group: string, version: string, kind: string): OpenApiV3Schema {
  const entry = catalogSchema(group, version, kind);
  assert.ok(entry, `${group}/${version} ${kind} is in the catalog`);
  return entry.openAPIV3Schema;
}

/** A catalog over the real files whose reads are counted. */
function countingCatalog(maxGroups?: number): { catalog: CrdCatalog; reads: string[] } {
  const reads: string[] = [];
  const read = (file: string): string => {
    reads.push(file);
    return readFileSync(file, 'utf8');
  };
  return { catalog: new CrdCatalog(catalogIndex.kinds, () => CATALOG_DIR, read, maxGroups), reads };
}

describe('CRD catalog', () => {
  it('has a parseable file for every group, holding exactly the kinds the bundled index lists', () => {
    const files = readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.json'));
    const fromFiles: CatalogKindRef[] = [];
    for (const file of files) {
      const parsed = JSON.parse(readFileSync(join(CATALOG_DIR, file), 'utf8')) as { group: string; kinds: CatalogKindRef[] };
      assert.equal(`${parsed.group}.json`, file);
      for (const k of parsed.kinds) fromFiles.push({ group: parsed.group, version: k.version, kind: k.kind });
    }
    const key = (k: CatalogKindRef) => `${k.group}/${k.version}/${k.kind}`;
    assert.deepEqual(fromFiles.map(key).sort(), catalogKinds().map(key).sort());
    assert.ok(files.length >= 30 && catalogKinds().length >= 150, `${files.length} groups, ${catalogKinds().length} kinds`);
    for (const k of catalogKinds()) assert.ok(catalogSchema(k.group, k.version, k.kind), key(k));
  });

  it('gives a ServiceMonitor its fields with descriptions, integers and int-or-strings', () => {
    const schema = schemaOf('monitoring.coreos.com', 'v1', 'ServiceMonitor');
    assert.match(String(schema['description']), /ServiceMonitor/);
    const endpoint = at(schema, 'spec', 'endpoints', '[]');
    assert.equal(at(endpoint, 'port')['type'], 'string');
    assert.match(String(at(endpoint, 'port')['description']), /name of the Service port/);
    assert.equal(at(endpoint, 'targetPort')['x-kubernetes-int-or-string'], true);
    assert.equal(at(schema, 'spec', 'sampleLimit')['type'], 'integer');
    assert.deepEqual(at(schema, 'spec')['required'], ['endpoints', 'selector']);
    assert.equal(at(schema, 'metadata')['type'], 'object');
    assert.equal(at(schema, 'status')['x-kubernetes-preserve-unknown-fields'], true);
  });

  it('gives a KEDA ScaledObject, a cert-manager Certificate and a Gateway API HTTPRoute their schemas', () => {
    const scaled = schemaOf('keda.sh', 'v1alpha1', 'ScaledObject');
    assert.match(String(scaled['description']), /ScaledObject/);
    assert.match(String(at(scaled, 'spec', 'triggers', '[]', 'authenticationRef', 'kind')['description']), /Defaults to TriggerAuthentication/);
    assert.equal(at(scaled, 'spec', 'minReplicaCount')['type'], 'integer');
    assert.deepEqual(at(scaled, 'spec', 'scaleTargetRef')['required'], ['name']);
    assert.deepEqual(at(scaled, 'spec')['required'], ['scaleTargetRef', 'triggers']);
    const certificate = schemaOf('cert-manager.io', 'v1', 'Certificate');
    assert.match(String(at(certificate, 'spec', 'dnsNames')['description']), /DNS/);
    assert.equal(at(certificate, 'spec', 'dnsNames', '[]')['type'], 'string');
    const route = schemaOf('gateway.networking.k8s.io', 'v1', 'HTTPRoute');
    const pathType = at(route, 'spec', 'rules', '[]', 'matches', '[]', 'path', 'type');
    assert.deepEqual([...(pathType['enum'] as string[])].sort(), ['Exact', 'PathPrefix', 'RegularExpression']);
    assert.match(String(at(route, 'spec', 'hostnames')['description']), /hostname/i);
  });

  it('marks Cluster* and known cluster-scoped kinds Cluster, the rest Namespaced', () => {
    assert.equal(catalogSchema('cert-manager.io', 'v1', 'ClusterIssuer')?.scope, 'Cluster');
    assert.equal(catalogSchema('gateway.networking.k8s.io', 'v1', 'GatewayClass')?.scope, 'Cluster');
    assert.equal(catalogSchema('cert-manager.io', 'v1', 'Issuer')?.scope, 'Namespaced');
  });

  it('reads nothing for a group, version or kind it does not have', () => {
    const { catalog, reads } = countingCatalog();
    assert.equal(catalog.schema('example.com', 'v1', 'Widget'), undefined);
    assert.equal(catalog.schema('monitoring.coreos.com', 'v9', 'ServiceMonitor'), undefined);
    assert.equal(catalog.schema('monitoring.coreos.com', 'v1', 'ServiceMonitorTypo'), undefined);
    assert.ok(catalog.kinds().length > 0);
    assert.deepEqual(reads, []);
  });

  it('reads a group file once, and keeps only the newest groups', () => {
    const { catalog, reads } = countingCatalog(2);
    assert.ok(catalog.schema('keda.sh', 'v1alpha1', 'ScaledObject'));
    assert.ok(catalog.schema('keda.sh', 'v1alpha1', 'ScaledJob'));
    assert.equal(reads.length, 1);
    assert.ok(catalog.schema('cert-manager.io', 'v1', 'Certificate'));
    assert.ok(catalog.schema('bitnami.com', 'v1alpha1', 'SealedSecret'));
    assert.equal(reads.length, 3);
    assert.ok(catalog.schema('keda.sh', 'v1alpha1', 'ScaledObject'), 'read again after being dropped');
    assert.deepEqual(
      reads.map((f) => f.slice(CATALOG_DIR.length + 1)),
      ['keda.sh.json', 'cert-manager.io.json', 'bitnami.com.json', 'keda.sh.json'],
    );
  });

  it('answers undefined and records the reason for a missing, broken or foreign group file', () => {
    const texts: Record<string, string> = { 'keda.sh.json': '{"group": "keda.sh", "kinds": [', 'cert-manager.io.json': '{"group":"other.io","kinds":[]}' };
    const catalog = new CrdCatalog(
      catalogIndex.kinds,
      () => '/nonexistent',
      (file) => {
        const text = texts[file.slice('/nonexistent/'.length)];
        if (text === undefined) throw new Error('ENOENT');
        return text;
      },
    );
    assert.equal(catalog.schema('keda.sh', 'v1alpha1', 'ScaledObject'), undefined);
    assert.equal(catalog.schema('cert-manager.io', 'v1', 'Certificate'), undefined);
    assert.equal(catalog.schema('bitnami.com', 'v1alpha1', 'SealedSecret'), undefined);
    assert.equal(catalog.schema('keda.sh', 'v1alpha1', 'ScaledJob'), undefined, 'a failed group is not retried while cached');
    const problems = catalog.problems();
    assert.equal(problems.length, 3);
    assert.match(problems[0]!, /keda\.sh\.json: .*JSON/);
    assert.match(problems[1]!, /not a catalog file of group cert-manager\.io/);
    assert.match(problems[2]!, /bitnami\.com\.json: ENOENT/);
  });

  it('is what scripts/crd-catalog.mjs generates (run `npm run schemas` after changing it)', () => {
    const out = mkdtempSync(join(tmpdir(), 'biome-catalog-'));
    try {
      execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/crd-catalog.mjs'), '--out', out], { cwd: REPO_ROOT, stdio: 'pipe' });
      const fresh = readdirSync(join(out, 'catalog'))
        .filter((f) => f !== 'catalogIndex.json')
        .sort();
      assert.deepEqual(fresh, readdirSync(CATALOG_DIR).sort());
      for (const file of fresh) {
        const same = readFileSync(join(out, 'catalog', file), 'utf8') === readFileSync(join(CATALOG_DIR, file), 'utf8');
        assert.ok(same, `schemas/catalog/${file} is stale: run \`npm run schemas\``);
      }
      const index = JSON.parse(readFileSync(join(out, 'catalog', 'catalogIndex.json'), 'utf8')) as unknown;
      assert.deepEqual(index, catalogIndex, 'server/src/engine/crd/catalogIndex.json is stale');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the catalog as a source of custom resource schemas (after the workspace)', () => {
  const monitor = (group: string, field: string) =>
    `apiVersion: ${group}/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  endpoints:\n    - port: http\n      ${field}: 30s\n`;
  const schemaCodes = (files: Record<string, string>): string[] => {
    const engine = createEngine();
    for (const [name, text] of Object.entries(files)) engine.index.setFile(`file:///w/${name}`, text);
    return engine.linter
      .lintFile('file:///w/sm.yaml')
      .filter((f) => f.code.startsWith('schema-') || f.code === 'no-crd-schema')
      .map((f) => `${f.range.start.line + 1} ${f.code}`);
  };

  it('checks a ServiceMonitor without its CRD in the workspace: a typo is an error, the valid field is not', () => {
    assert.deepEqual(schemaCodes({ 'sm.yaml': monitor('monitoring.coreos.com', 'intervall') }), ['9 schema-unknown-field']);
    assert.deepEqual(schemaCodes({ 'sm.yaml': monitor('monitoring.coreos.com', 'interval') }), []);
  });

  it('a CRD in the workspace wins over the catalog for its kind', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: servicemonitors.monitoring.coreos.com\nspec:\n  group: monitoring.coreos.com\n  names: {kind: ServiceMonitor, plural: servicemonitors}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          x-kubernetes-preserve-unknown-fields: true\n`;
    assert.deepEqual(schemaCodes({ 'sm.yaml': monitor('monitoring.coreos.com', 'intervall'), 'crd.yaml': crd }), [], 'the workspace CRD keeps unknown fields');
  });
});
