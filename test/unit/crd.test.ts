/**
 * Custom resources checked from the CRDs in the workspace (engine/crd/): diagnostics from each served
 * version's schema, live updates when a CRD changes, the note for kinds without a schema, the CRD's own
 * structural rules, and bounded handling of hostile schemas.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineWith, lintAll, uriOf } from '../helpers/engineHarness';
import { parse, REPO_ROOT, store } from './schemaFixtures';
import { caret } from '../helpers/caret';
import { crdHead } from '../helpers/crdFixtures';
import { completion } from '../../server/src/lsp/completion';
import { hover } from '../../server/src/lsp/hover';
import { storeWithCustomResources } from '../../server/src/engine/crd/customResourceChecker';
import type { Finding } from '../../server/src/engine/types';
import { CustomResourceSchemas, type CustomResourceSchema, type CustomResourceSchemaSource } from '../../server/src/engine/crd/customResourceSchemas';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/crd');
const CRD = readFileSync(join(FIXTURES, 'servicemonitor-crd.yaml'), 'utf8');
const MONITOR = readFileSync(join(FIXTURES, 'servicemonitor.yaml'), 'utf8');

/** `line code message` of a file's findings (1-based lines), schema codes only. */
function schemaLines(findings: readonly Finding[], file: string): string[] {
  return findings
    .filter((f) => f.uri === uriOf(file) && (f.code.startsWith('schema-') || f.code === 'no-crd-schema'))
    .map((f) => `${f.range.start.line + 1} ${f.code} ${f.message}`);
}

describe('custom resources from workspace CRDs', () => {
  it('reports unknown fields, types, enums and missing required fields from the CRD schema', () => {
    const engine = engineWith({ 'crd.yaml': CRD, 'monitor.yaml': MONITOR });
    assert.deepEqual(schemaLines(lintAll(engine), 'monitor.yaml'), [
      '5 schema-unknown-field Unknown field `labelz` in ObjectMeta; did you mean `labels`?',
      '11 schema-unknown-field Unknown field `intervall` in ServiceMonitor.spec.endpoints[]; did you mean `interval`?',
      '12 schema-enum `scheme` must be one of http, https; got "HTTP"; did you mean `http`?',
      '14 schema-type `sampleLimit` must be an integer, got string "1000"; remove the quotes.',
      '22 schema-unknown-field Unknown field `nmae` in ObjectMeta; did you mean `name`?',
      '29 schema-required Missing required field `selector` in ServiceMonitor.spec at `spec`; add `selector:`.',
    ]);
  });

  it('accepts what the API server accepts: int-or-string, preserved unknown fields, embedded objects, null, CRLF and flow style', () => {
    const valid = [
      'apiVersion: monitoring.example.com/v1',
      'kind: ServiceMonitor',
      'metadata: {name: ok, labels: {app: x}}',
      'spec:',
      '  selector: {matchLabels: {app: x}}',
      '  endpoints:',
      '    - {port: web, targetPort: web, interval: 15s, scheme: https}',
      '    - port: metrics # a comment',
      '      targetPort: 9090',
      '      relabelings: [{action: drop, unknownButPreserved: 1}]',
      '  extra: {deeply: {nested: [any]}}',
      '  lastSeen: ~',
      '  jobLabel: >-',
      '    app',
      '',
    ].join('\r\n');
    const engine = engineWith({ 'crd.yaml': CRD, 'ok.yaml': valid });
    assert.deepEqual(schemaLines(lintAll(engine), 'ok.yaml'), []);
  });

  it('notes a kind without a schema once per kind and file, at info level', () => {
    const two = `${MONITOR}\n---\napiVersion: monitoring.example.com/v1\nkind: PodMonitor\nmetadata: {name: p}\n`;
    const findings = lintAll(engineWith({ 'monitor.yaml': two }));
    const notes = findings.filter((f) => f.code === 'no-crd-schema');
    assert.deepEqual(
      notes.map((f) => `${f.range.start.line + 1} ${f.severity} ${f.message}`),
      [
        '2 info No schema for ServiceMonitor monitoring.example.com/v1: add its CRD to the workspace or to biomeManifests.crds.paths.',
        '34 info No schema for PodMonitor monitoring.example.com/v1: add its CRD to the workspace or to biomeManifests.crds.paths.',
      ],
    );
    // Without a schema only the metadata is checked (as ObjectMeta): its typo is the only error (the embedded Pod's needs the CRD).
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1} ${f.code}`),
      ['5 schema-unknown-field'],
    );
  });

  it('reports an apiVersion the CRD does not serve (a served: false version included)', () => {
    const old = MONITOR.replace(/monitoring\.example\.com\/v1\n/g, 'monitoring.example.com/v1alpha1\n');
    const lines = schemaLines(lintAll(engineWith({ 'crd.yaml': CRD, 'old.yaml': old })), 'old.yaml');
    assert.deepEqual(lines, [
      '1 schema-api-version The CRD of ServiceMonitor serves monitoring.example.com/v1, not monitoring.example.com/v1alpha1: change apiVersion.',
      '5 schema-unknown-field Unknown field `labelz` in ObjectMeta; did you mean `labels`?',
      '26 schema-api-version The CRD of ServiceMonitor serves monitoring.example.com/v1, not monitoring.example.com/v1alpha1: change apiVersion.',
    ]);
  });

  it('updates a custom resource when its CRD is added, edited and deleted', () => {
    const engine = engineWith({ 'monitor.yaml': MONITOR });
    const codes = (): string[] =>
      [
        ...new Set(
          engine.linter
            .lintFile(uriOf('monitor.yaml'))
            .map((f) => f.code)
            .filter((c) => c.startsWith('schema-') || c === 'no-crd-schema'),
        ),
      ].sort();
    // Without the CRD, the metadata typos only (ObjectMeta is checked for every kind).
    assert.deepEqual(codes(), ['no-crd-schema', 'schema-unknown-field']);
    const changed = engine.index.setFile(uriOf('crd.yaml'), CRD).changedKeys;
    assert.ok(engine.linter.dependentsOf(changed).has(uriOf('monitor.yaml')), 'the custom resource depends on the CRD');
    assert.deepEqual(codes(), ['schema-enum', 'schema-required', 'schema-type', 'schema-unknown-field']);
    // The CRD now allows HTTP too: the enum finding goes.
    engine.index.setFile(uriOf('crd.yaml'), CRD.replace('enum: [http, https]', 'enum: [http, https, HTTP]'));
    assert.deepEqual(codes(), ['schema-required', 'schema-type', 'schema-unknown-field']);
    engine.index.removeFile(uriOf('crd.yaml'));
    assert.deepEqual(codes(), ['no-crd-schema', 'schema-unknown-field']);
  });

  it('a List of custom resources checks each item', () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: monitoring.example.com/v1',
      '    kind: ServiceMonitor',
      '    metadata: {name: a}',
      '    spec: {selector: {}, jobLable: x}',
      '',
    ].join('\n');
    const lines = schemaLines(lintAll(engineWith({ 'crd.yaml': CRD, 'list.yaml': list })), 'list.yaml');
    assert.deepEqual(lines, ['7 schema-unknown-field Unknown field `jobLable` in ServiceMonitor.spec; did you mean `jobLabel`?']);
  });

  it('workspace CRDs win over later sources; a later source serves kinds the workspace lacks', () => {
    const catalogAsked: string[] = [];
    const probe = { kind: 'object' as const, id: 'Probe', name: 'Probe', description: undefined, properties: new Map(), required: [] };
    const catalog: CustomResourceSchemaSource = {
      schemaFor: (_group, _version, kind) =>
        kind === 'Probe' || kind === 'ServiceMonitor' ? { schema: probe, source: { type: 'catalog', location: 'test-catalog' } } : undefined,
      servedVersions: (group, kind) => {
        catalogAsked.push(`${group}/${kind}`);
        return kind === 'Probe' || kind === 'ServiceMonitor' ? ['v1'] : [];
      },
    };
    const probeText = MONITOR.replace('kind: ServiceMonitor\nmetadata:\n  name: main-app', 'kind: Probe\nmetadata:\n  name: main-app');
    const engine = engineWith({ 'crd.yaml': CRD, 'monitor.yaml': probeText }, { customResourceSources: [catalog] });
    const findings = lintAll(engine).filter((f) => f.uri === uriOf('monitor.yaml'));
    assert.ok(catalogAsked.includes('monitoring.example.com/Probe'), 'the catalog is asked for what the workspace lacks');
    assert.ok(!catalogAsked.includes('monitoring.example.com/ServiceMonitor'), 'never for what the workspace has');
    // The Probe is checked against the catalog's (empty) schema: its spec is unknown there.
    assert.ok(
      findings.some((f) => f.code === 'schema-unknown-field' && f.message.startsWith('Unknown field `spec` in Probe')),
      findings.map((f) => f.message).join('\n'),
    );
    assert.ok(engine.customResources instanceof CustomResourceSchemas);
  });
});

describe('CRD documents', () => {
  it('are checked against the apiextensions schema and the structural rules', () => {
    const broken = CRD.replace('name: servicemonitors.monitoring.example.com', 'name: monitors.monitoring.example.com')
      .replace('      storage: false', '      storage: true')
      .replace(
        '                      honorLabels:\n                        type: boolean',
        '                      honorLabels:\n                        description: no type',
      )
      .replace('  scope: Namespaced', '  scope: Namespaced\n  scopes: typo');
    const lines = schemaLines(lintAll(engineWith({ 'crd.yaml': broken })), 'crd.yaml');
    assert.deepEqual(lines, [
      '14 schema-unknown-field Unknown field `scopes` in CustomResourceDefinitionSpec; did you mean `scope`?',
      '5 schema-crd-structure A CustomResourceDefinition must be named `<spec.names.plural>.<spec.group>`: `servicemonitors.monitoring.example.com`, not `monitors.monitoring.example.com`.',
      '15 schema-crd-structure Exactly one version must have `storage: true`; v1, v1alpha1 are.',
      '60 schema-crd-structure `type` is missing: the API server requires it at every level, unless `x-kubernetes-preserve-unknown-fields` or `x-kubernetes-int-or-string` is set. (version v1, not a structural schema)',
    ]);
  });

  it('a version without a schema is reported on the CRD', () => {
    const noSchema = CRD.replace(/ {4}- name: v1alpha1[\s\S]*$/, '    - name: v1alpha1\n      served: false\n      storage: false\n');
    const lines = schemaLines(lintAll(engineWith({ 'crd.yaml': noSchema })), 'crd.yaml');
    assert.deepEqual(lines, [
      '115 schema-crd-structure Version v1alpha1 has no `schema.openAPIV3Schema`: apiextensions.k8s.io/v1 requires a schema for every version.',
    ]);
  });
});

describe('completion and hover on custom resources', () => {
  const engine = engineWith({ 'crd.yaml': CRD });
  const view = storeWithCustomResources(store(), engine.customResources);

  it('completes the fields of the CRD schema, required first', () => {
    const { text, position } = caret(
      'apiVersion: monitoring.example.com/v1\nkind: ServiceMonitor\nmetadata: {name: a}\nspec:\n  endpoints:\n    - port: web\n      ^\n',
    );
    const labels = completion(parse(text), position, view).items.map((i) => i.label);
    assert.deepEqual(labels.sort(), ['honorLabels', 'interval', 'path', 'relabelings', 'sampleLimit', 'scheme', 'targetPort']);
    const { text: top, position: atSpec } = caret('apiVersion: monitoring.example.com/v1\nkind: ServiceMonitor\nspec:\n  ^\n');
    const spec = completion(parse(top), atSpec, view).items;
    assert.equal(spec.find((i) => i.label === 'selector')?.detail, 'ServiceMonitor.spec.selector (required)');
    const { text: enumText, position: atEnum } = caret('apiVersion: monitoring.example.com/v1\nkind: ServiceMonitor\nspec:\n  endpoints:\n    - scheme: ^\n');
    assert.deepEqual(
      completion(parse(enumText), atEnum, view).items.map((i) => i.label),
      ['http', 'https'],
    );
  });

  it('hovers a field with its description, default and the CRD it comes from', () => {
    const { text, position } = caret('apiVersion: monitoring.example.com/v1\nkind: ServiceMonitor\nspec:\n  endpoints:\n    - pa^th: /m\n');
    const value = (hover(parse(text), position, view)?.contents as { value: string } | undefined)?.value;
    assert.equal(
      value,
      [
        '**path** `string` — optional, in ServiceMonitor.spec.endpoints[]',
        'HTTP path from which to scrape for metrics.\n\nDefaults to `/metrics`.',
        'Default: `/metrics`',
        `ServiceMonitor (monitoring.example.com/v1): schema from [crd.yaml](${uriOf('crd.yaml')})`,
      ].join('\n\n'),
    );
  });

  it('completes the kinds and apiVersions the CRDs serve', () => {
    const { text, position } = caret('apiVersion: monitoring.example.com/v1\nkind: ^\n');
    assert.deepEqual(
      completion(parse(text), position, view).items.map((i) => i.label),
      ['ServiceMonitor'],
    );
    const { text: v, position: atVersion } = caret('apiVersion: ^\nkind: ServiceMonitor\n');
    // The workspace's CRD and the bundled catalog's prometheus-operator both serve a ServiceMonitor; served versions only.
    assert.deepEqual(
      completion(parse(v), atVersion, view)
        .items.map((i) => i.label)
        .sort(),
      ['monitoring.coreos.com/v1', 'monitoring.example.com/v1'],
    );
    const { text: any, position: atAny } = caret('apiVersion: ^\n');
    assert.ok(completion(parse(any), atAny, view).items.some((i) => i.label === 'monitoring.example.com/v1'));
  });

  it('the metadata of a custom resource completes as ObjectMeta', () => {
    const { text, position } = caret('apiVersion: monitoring.example.com/v1\nkind: ServiceMonitor\nmetadata:\n  ^\n');
    const labels = completion(parse(text), position, view).items.map((i) => i.label);
    assert.ok(labels.includes('labels') && labels.includes('annotations') && labels.includes('namespace'), labels.join());
  });
});

/** A CRD of kind `Hostile` whose v1 schema is `schema` (YAML lines, indented for `openAPIV3Schema:`). */
function hostileCrd(schema: string): string {
  return HOSTILE_HEAD + schema + '\n';
}

/** Ends after `openAPIV3Schema: `: a test's schema follows on the same line. */
const HOSTILE_HEAD = `${crdHead('Hostile', 'hostiles').join('\n')} `;

const HOSTILE_CR = 'apiVersion: example.com/v1\nkind: Hostile\nmetadata: {name: h}\nspec: {a: 1}\n';
const BAD_DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: "two"}\n';

/** Lints a hostile CRD beside a custom resource of it and an unrelated broken Deployment. */
function lintHostile(schema: string): { crd: string[]; cr: string[]; deployment: string[] } {
  const engine = engineWith({ 'crd.yaml': hostileCrd(schema), 'cr.yaml': HOSTILE_CR, 'deploy.yaml': BAD_DEPLOYMENT });
  const findings = lintAll(engine);
  const of = (file: string): string[] => findings.filter((f) => f.uri === uriOf(file)).map((f) => `${f.code} ${f.message}`);
  return { crd: of('crd.yaml'), cr: of('cr.yaml'), deployment: of('deploy.yaml').map((l) => l.split(' ')[0]!) };
}

describe('hostile CRD schemas', () => {
  const unusable =
    "no-crd-schema No usable schema for Hostile example.com/v1: its CRD's schema for v1 cannot be used (see the CRD's findings), so this resource is not checked.";

  it('a cyclic schema (an alias to its own ancestor) is refused with a reason', () => {
    const result = lintHostile('&root\n          type: object\n          properties:\n            spec: *root');
    assert.ok(
      result.crd.includes(
        'schema-crd-structure The schema of version v1 cannot be used: the schema is cyclic (a YAML alias refers to a schema that contains it). Its custom resources are not checked.',
      ),
      result.crd.join('\n'),
    );
    assert.deepEqual(result.cr, [unusable]);
    assert.deepEqual(result.deployment.sort(), ['schema-required', 'schema-required', 'schema-type'], 'other files are checked as before');
  });

  it('a schema nested deeper than the bound is refused', () => {
    let schema = '{type: string}';
    for (let i = 0; i < 110; i++) schema = `{type: object, properties: {a: ${schema}}}`;
    const result = lintHostile(schema);
    assert.ok(
      result.crd.some((l) => l.includes('cannot be used: the schema is nested more than 100 levels deep')),
      result.crd.join('\n'),
    );
    assert.deepEqual(result.cr, [unusable]);
    assert.deepEqual(result.deployment.sort(), ['schema-required', 'schema-required', 'schema-type'], 'other files are checked as before');
  });

  it('a schema of more nodes than the bound (a 3 MB CRD, more than etcd stores) is refused', () => {
    const lines = ['', '          type: object', '          properties:'];
    for (let i = 0; i < 101_000; i++) lines.push(`            f${i}: {type: string}`);
    const schema = lines.join('\n');
    assert.ok(schema.length > 3_000_000, `${schema.length} characters`);
    const result = lintHostile(schema);
    assert.ok(
      result.crd.some((l) => l.includes('cannot be used: the schema has more than 100,000 nodes')),
      result.crd.slice(0, 3).join('\n'),
    );
    assert.deepEqual(result.cr, [unusable]);
    assert.deepEqual(result.deployment.sort(), ['schema-required', 'schema-required', 'schema-type'], 'other files are checked as before');
  });

  it('structural problems are listed up to a bound per version', () => {
    const lines = ['', '          type: object', '          properties:'];
    for (let i = 0; i < 500; i++) lines.push(`            f${i}: {description: untyped}`);
    const result = lintHostile(lines.join('\n'));
    assert.equal(result.crd.filter((l) => l.startsWith('schema-crd-structure `type` is missing')).length, 50);
  });
});

describe('string formats from the CRD', () => {
  const formatsCrd = hostileCrd(
    [
      '',
      '          type: object',
      '          properties:',
      '            spec:',
      '              type: object',
      '              properties:',
      ...['uuid', 'ipv4', 'ipv6', 'cidr', 'mac', 'byte', 'date', 'date-time', 'hostname'].map(
        (f) => `                ${f.replace('-', '')}: {type: string, format: ${f}}`,
      ),
    ].join('\n'),
  );
  const resource = (spec: Record<string, string>): string =>
    `apiVersion: example.com/v1\nkind: Hostile\nmetadata: {name: f}\nspec:\n${Object.entries(spec)
      .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}\n`)
      .join('')}`;
  const check = (spec: Record<string, string>): string[] =>
    lintAll(engineWith({ 'crd.yaml': formatsCrd, 'cr.yaml': resource(spec) }))
      .filter((f) => f.uri === uriOf('cr.yaml'))
      .map((f) => `${f.code} ${f.message}`);

  it('accepts valid values of each checked format, and any string for an unchecked one', () => {
    assert.deepEqual(
      check({
        uuid: '123e4567-e89b-12d3-a456-426614174000',
        ipv4: '10.0.0.1',
        ipv6: '2001:db8::8a2e:370:7334',
        cidr: 'fd00::/8',
        mac: '00:1a:2b:3c:4d:5e',
        byte: 'aGVsbG8=',
        date: '2024-05-01',
        datetime: '2024-05-01T12:00:00.5+02:00',
        hostname: 'not checked!',
      }),
      [],
    );
  });

  it('reports invalid values with the format named', () => {
    assert.deepEqual(
      check({ uuid: '123', ipv4: '10.0.0.01', ipv6: '1::2::3', cidr: '10.0.0.0/33', mac: 'zz', byte: 'abc', date: '2024-13-01', datetime: 'yesterday' }),
      [
        'schema-type `uuid` must be a valid uuid (format `uuid`), got string "123".',
        'schema-type `ipv4` must be a valid ipv4 (format `ipv4`), got string "10.0.0.01".',
        'schema-type `ipv6` must be a valid ipv6 (format `ipv6`), got string "1::2::3".',
        'schema-type `cidr` must be a CIDR such as `10.0.0.0/16` (format `cidr`), got string "10.0.0.0/33".',
        'schema-type `mac` must be a valid mac (format `mac`), got string "zz".',
        'schema-type `byte` must be base64-encoded data (format `byte`), got string "abc".',
        'schema-type `date` must be a date such as `2024-05-01` (format `date`), got string "2024-13-01".',
        'schema-type `datetime` must be an RFC 3339 timestamp such as `2024-05-01T12:00:00Z` (format `date-time`), got string "yesterday".',
      ],
    );
  });
});

describe('value bounds from the CRD', () => {
  const boundsCrd = hostileCrd(
    [
      '',
      '          type: object',
      '          properties:',
      '            spec:',
      '              type: object',
      '              properties:',
      '                replicas: {type: integer, minimum: 1, maximum: 10}',
      '                ratio: {type: number, minimum: 0, exclusiveMinimum: true}',
      '                name: {type: string, minLength: 1, maxLength: 5}',
      '                ports: {type: array, minItems: 1, maxItems: 2, items: {type: integer}}',
    ].join('\n'),
  );
  const check = (spec: string): string[] =>
    lintAll(engineWith({ 'crd.yaml': boundsCrd, 'cr.yaml': `apiVersion: example.com/v1\nkind: Hostile\nmetadata: {name: b}\nspec: ${spec}\n` }))
      .filter((f) => f.uri === uriOf('cr.yaml'))
      .map((f) => `${f.code} ${f.message}`);

  it('accepts values on the bounds (characters counted as the API server counts them)', () => {
    assert.deepEqual(check('{replicas: 10, ratio: 0.001, name: "ñandú", ports: [80, 443]}'), []);
    assert.deepEqual(check('{replicas: 1, name: x, ports: [1]}'), []);
  });

  it('reports values past them', () => {
    assert.deepEqual(check('{replicas: 11, ratio: 0, name: "", ports: []}'), [
      'schema-type `replicas` must be at most 10, got 11.',
      'schema-type `ratio` must be greater than 0, got 0.',
      'schema-type `name` must be at least 1 character long, got 0.',
      'schema-type `ports` must have at least 1 item, got 0.',
    ]);
    assert.deepEqual(check('{replicas: 0, name: toolong, ports: [1, 2, 3]}'), [
      'schema-type `replicas` must be at least 1, got 0.',
      'schema-type `name` must be at most 5 characters long, got 7.',
      'schema-type `ports` must have at most 2 items, got 3.',
    ]);
  });
});

describe('the source chain', () => {
  const schemaOf = (name: string): CustomResourceSchema => ({
    schema: { kind: 'object', id: name, name, description: undefined, properties: new Map(), required: [] },
    source: { type: 'catalog', location: name },
  });
  const source = (name: string, served: Record<string, string[]>): CustomResourceSchemaSource => ({
    schemaFor: (group, version, kind) => (served[`${group}/${kind}`]?.includes(version) ? schemaOf(name) : undefined),
    servedVersions: (group, kind) => served[`${group}/${kind}`] ?? [],
  });

  it('the first source that knows a kind decides for all its versions', () => {
    const chain = new CustomResourceSchemas([source('workspace', { 'g/K': ['v1'] }), source('catalog', { 'g/K': ['v1', 'v2'], 'g/Other': ['v1'] })]);
    assert.equal(chain.schemaFor('g', 'v1', 'K')?.source.location, 'workspace');
    assert.equal(chain.schemaFor('g', 'v2', 'K'), undefined, 'the workspace CRD serves no v2: the catalog is not asked');
    assert.deepEqual(chain.servedVersions('g', 'K'), ['v1']);
    assert.equal(chain.schemaFor('g', 'v1', 'Other')?.source.location, 'catalog');
    chain.addSource(source('later', { 'g/Third': ['v1'] }));
    assert.equal(chain.schemaFor('g', 'v1', 'Third')?.source.location, 'later');
  });
});
