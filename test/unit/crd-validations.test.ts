/**
 * What a CRD schema states beyond types, checked on its custom resources as the API server checks it:
 * `pattern` (Go's RE2, never a backtracking engine) and the logical junctors `anyOf`/`oneOf`/`allOf`/`not`
 * (Istio's either-or fields). Bounded: hostile patterns and cyclic or deep junctors cannot hang or crash.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineWith, lintAll, uriOf } from '../helpers/engineHarness';
import { parse, REPO_ROOT, store } from './schemaFixtures';
import { caret } from '../helpers/caret';
import { widgetCrd } from '../helpers/crdFixtures';
import { hover } from '../../server/src/lsp/hover';
import { storeWithCustomResources } from '../../server/src/engine/crd/customResourceChecker';

const widget = (spec: string): string => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: ${spec}\n`;

/** `line code message` of each finding of a file (1-based lines). */
function lint(crd: string, resource: string): { crd: string[]; cr: string[] } {
  const findings = lintAll(engineWith({ 'crd.yaml': crd, 'cr.yaml': resource }));
  const of = (file: string): string[] => findings.filter((f) => f.uri === uriOf(file)).map((f) => `${f.range.start.line + 1} ${f.code} ${f.message}`);
  return { crd: of('crd.yaml'), cr: of('cr.yaml') };
}

describe('pattern', () => {
  const crd = widgetCrd(
    [
      '              type: object',
      '              properties:',
      '                name: {type: string, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}',
      '                version: {type: string, pattern: "v[0-9]+"}',
      '                port: {x-kubernetes-int-or-string: true, pattern: "^[a-z]+$"}',
      '                slow: {type: string, pattern: "^(a+)+$"}',
    ].join('\n'),
  );

  it('accepts matching values; a pattern matches anywhere in the value unless anchored, as Go does', () => {
    assert.deepEqual(lint(crd, widget('{name: web-1, version: "release v12 final", port: 8080, slow: aaaa}')).cr, []);
    assert.deepEqual(lint(crd, widget('{port: http}')).cr, []);
  });

  it('reports a value that does not match, on the value', () => {
    assert.deepEqual(lint(crd, widget('{name: Web_1, version: latest, port: HTTP}')).cr, [
      '4 schema-type `name` must match the pattern `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`, got string "Web_1".',
      '4 schema-type `version` must match the pattern `v[0-9]+`, got string "latest".',
      '4 schema-type `port` must match the pattern `^[a-z]+$`, got string "HTTP".',
    ]);
  });

  it('runs a catastrophic pattern in linear time: `^(a+)+$` against 50,000 characters and a mismatch at the end', () => {
    const value = `${'a'.repeat(50_000)}!`;
    const { cr } = lint(crd, widget(`{slow: "${value}"}`));
    assert.deepEqual(cr, ['4 schema-type `slow` must match the pattern `^(a+)+$`, got string "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...".']);
  });

  it('a pattern that is not valid RE2 is one error on the CRD; the resource is still checked without it', () => {
    const broken = widgetCrd(
      [
        '              type: object',
        '              properties:',
        '                name: {type: string, pattern: "(?=lookahead)x"}',
        '                size: {type: integer}',
      ].join('\n'),
    );
    const result = lint(broken, widget('{name: anything, size: big}'));
    assert.deepEqual(result.crd, [
      '19 schema-crd-structure `pattern` is not a valid RE2 regular expression (the syntax Go and the API server use): error parsing regexp: invalid or unsupported Perl syntax: `(?=`. (version v1)',
    ]);
    assert.deepEqual(result.cr, ['4 schema-type `size` must be an integer, got string "big".']);
  });
});

describe('anyOf, oneOf, allOf and not', () => {
  // Istio's VirtualService `uri` (networking.istio.io CRDs): at most one of exact, prefix, regex.
  const istioMatch = [
    '              type: object',
    '              properties:',
    '                uri:',
    '                  type: object',
    '                  properties:',
    '                    exact: {type: string}',
    '                    prefix: {type: string}',
    '                    regex: {type: string}',
    '                  oneOf:',
    '                    - not:',
    '                        anyOf:',
    '                          - required: [exact]',
    '                          - required: [prefix]',
    '                          - required: [regex]',
    '                    - required: [exact]',
    '                    - required: [prefix]',
    '                    - required: [regex]',
    '                port:',
    '                  type: integer',
    '                  anyOf: [{minimum: 80, maximum: 80}, {minimum: 1024}]',
    '                mode:',
    '                  type: string',
    '                  not: {enum: [legacy]}',
    '                replicas:',
    '                  type: integer',
    '                  allOf: [{minimum: 1}, {maximum: 9}]',
  ].join('\n');
  const crd = widgetCrd(istioMatch);

  it('accepts values that satisfy them (none or one of the either-or fields; CRLF and flow style alike)', () => {
    assert.deepEqual(lint(crd, widget('{uri: {prefix: /api}, port: 80, mode: strict, replicas: 3}')).cr, []);
    assert.deepEqual(lint(crd, widget('{uri: {}, port: 8080}')).cr, []);
    const block = 'apiVersion: example.com/v1\r\nkind: Widget\r\nmetadata:\r\n  name: w\r\nspec:\r\n  uri:\r\n    regex: "^/v[0-9]+" # a comment\r\n';
    assert.deepEqual(lint(crd, block).cr, []);
  });

  it('reports a oneOf matched twice, on the field key, naming the alternatives', () => {
    assert.deepEqual(lint(crd, widget('{uri: {exact: /a, prefix: /b}}')).cr, [
      "4 schema-type `uri` must match exactly one of the alternatives of its schema's oneOf (sets none of `exact`, `prefix`, `regex`; sets `exact`; sets `prefix`; sets `regex`), and matches 2: sets `exact`; sets `prefix`.",
    ]);
  });

  it('reports anyOf, not and allOf', () => {
    assert.deepEqual(lint(crd, widget('{port: 443, mode: legacy, replicas: 12}')).cr, [
      "4 schema-type `port` matches none of the alternatives its schema's anyOf allows (is at least 80 and is at most 80; is at least 1024).",
      "4 schema-type `mode` must not match its schema's `not` (is one of legacy).",
      "4 schema-type `replicas` breaks its schema's allOf: must be at most 9, got 12.",
    ]);
  });

  it('a keyword a structural schema forbids inside a junctor is reported on the CRD', () => {
    const typed = widgetCrd(['              type: object', '              anyOf: [{type: object, required: [a]}]'].join('\n'));
    assert.deepEqual(lint(typed, widget('{a: 1}')).crd, [
      '18 schema-crd-structure `type` must not be set inside `allOf`, `anyOf`, `oneOf` or `not`: state it outside them. (version v1, not a structural schema)',
    ]);
    const undeclared = widgetCrd(
      [
        '              type: object',
        '              properties: {a: {type: string}}',
        '              oneOf: [{properties: {a: {minLength: 1}}}, {properties: {b: {}}}]',
      ].join('\n'),
    );
    assert.deepEqual(lint(undeclared, widget('{a: x}')).crd, [
      "19 schema-crd-structure `b` is named inside a junctor but not declared in this level's `properties`: a structural schema declares every field outside `allOf`/`anyOf`/`oneOf`/`not` too. (version v1, not a structural schema)",
    ]);
  });
});

describe('junctors in kustomize patches', () => {
  it('a patch is not judged by "one of these is required": its base holds the rest', () => {
    const crd = widgetCrd(
      [
        '              type: object',
        '              properties: {a: {type: string}, b: {type: string}, c: {type: integer}}',
        '              anyOf: [{required: [a]}, {required: [b]}]',
      ].join('\n'),
    );
    const kustomization = 'resources: [widget.yaml]\npatches:\n  - path: patch.yaml\n';
    const patch = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {c: 2}\n';
    const findings = lintAll(
      engineWith({ 'app/crd.yaml': crd, 'app/kustomization.yaml': kustomization, 'app/widget.yaml': widget('{a: x, c: 1}'), 'app/patch.yaml': patch }),
    );
    assert.deepEqual(
      findings.filter((f) => f.code.startsWith('schema-')).map((f) => `${f.uri.slice(f.uri.lastIndexOf('/') + 1)} ${f.message}`),
      [],
    );
    // The same document on its own is a whole object: the anyOf applies.
    assert.deepEqual(lint(crd, patch).cr, ["4 schema-type `spec` matches none of the alternatives its schema's anyOf allows (sets `a`; sets `b`)."]);
  });
});

describe('bounded junctors', () => {
  it('a cyclic allOf (a YAML alias to its own ancestor) is refused with a reason', () => {
    const cyclic = widgetCrd(['              &self', '              type: object', '              allOf: [*self]'].join('\n'));
    const result = lint(cyclic, widget('{a: 1}'));
    assert.ok(
      result.crd.some((l) => l.includes('cannot be used: the schema is cyclic')),
      result.crd.join('\n'),
    );
    assert.ok(
      result.cr.some((l) => l.includes('no-crd-schema No usable schema for Widget')),
      result.cr.join('\n'),
    );
  });

  it('junctors nested deeper than the bound are refused', () => {
    let member = '{required: [a]}';
    for (let i = 0; i < 120; i++) member = `{not: ${member}}`;
    const deep = widgetCrd(['              type: object', `              allOf: [${member}]`].join('\n'));
    const result = lint(deep, widget('{a: 1}'));
    assert.ok(
      result.crd.some((l) => l.includes('cannot be used: the schema is nested more than 100 levels deep')),
      result.crd.join('\n'),
    );
  });

  it('a check that would take too many steps says nothing rather than run on', () => {
    // 10 levels of allOf with two copies each: 1,024 steps per item that passes, beyond the budget for 50 items.
    let member = '{minimum: 0}';
    for (let i = 0; i < 10; i++) member = `{allOf: [${member}, ${member}]}`;
    const wide = widgetCrd(['              type: array', '              items: {type: integer}', `              allOf: [{items: ${member}}]`].join('\n'));
    assert.deepEqual(lint(wide, widget('[-1]')).cr, ["4 schema-type `spec` breaks its schema's allOf: item 0: must be at least 0, got -1."]);
    const items = Array.from({ length: 50 }, (_, i) => i).join(', ');
    assert.deepEqual(lint(wide, widget(`[${items}, -1]`)).cr, [], 'the budget ran out before the last item');
  });
});

describe("Istio's either-or fields from the bundled catalog", () => {
  const valid = readFileSync(join(REPO_ROOT, 'test/fixtures/crd/istio-valid.yaml'), 'utf8');

  it('accepts the Istio docs styles: one or none of each either-or group, a hash key with its algorithm', () => {
    const findings = lintAll(engineWith({ 'istio.yaml': valid }));
    assert.deepEqual(
      findings.filter((f) => f.code.startsWith('schema-') || f.code === 'no-crd-schema').map((f) => `${f.range.start.line + 1} ${f.code} ${f.message}`),
      [],
    );
  });

  it('reports a VirtualService match with both `exact` and `prefix`, and a DestinationRule with two load balancers', () => {
    const virtualService =
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\nspec:\n  hosts: [reviews]\n  http:\n    - match:\n        - uri:\n            exact: /login\n            prefix: /log\n      route: [{destination: {host: reviews}}]\n';
    const destinationRule =
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr}\nspec:\n  host: ratings\n  trafficPolicy:\n    loadBalancer: {simple: LEAST_REQUEST, consistentHash: {httpHeaderName: x-user}}\n';
    const findings = lintAll(engineWith({ 'vs.yaml': virtualService, 'dr.yaml': destinationRule }));
    assert.deepEqual(
      findings.map((f) => `${f.uri.slice(f.uri.lastIndexOf('/') + 1)}:${f.range.start.line + 1} ${f.code} ${f.message}`),
      [
        "dr.yaml:7 schema-type `loadBalancer` must match exactly one of the alternatives of its schema's oneOf (sets none of `consistentHash`, `simple`; sets `simple`; sets `consistentHash`), and matches 2: sets `simple`; sets `consistentHash`.",
        "vs.yaml:8 schema-type `uri` must match exactly one of the alternatives of its schema's oneOf (sets none of `exact`, `prefix`, `regex`; sets `exact`; sets `prefix`; sets `regex`), and matches 2: sets `exact`; sets `prefix`.",
      ],
    );
  });
});

describe('hover on constrained fields', () => {
  it('shows the pattern and the either-or alternatives of a catalog field', () => {
    const engine = engineWith({});
    const view = storeWithCustomResources(store(), engine.customResources);
    const hoverAt = (source: string): string | undefined => {
      const { text, position } = caret(source);
      return (hover(parse(text), position, view)?.contents as { value: string } | undefined)?.value;
    };
    const uri = hoverAt('apiVersion: networking.istio.io/v1\nkind: VirtualService\nspec:\n  http:\n    - match:\n        - u^ri: {exact: /}\n');
    assert.match(uri ?? '', /\n\nMust satisfy: exactly one of \(sets none of `exact`, `prefix`, `regex`; sets `exact`; sets `prefix`; sets `regex`\)\.\n\n/);
    const crd = widgetCrd(['              type: object', '              properties:', '                host: {type: string, pattern: "^[a-z]+$"}'].join('\n'));
    const withCrd = storeWithCustomResources(store(), engineWith({ 'crd.yaml': crd }).customResources);
    const { text, position } = caret('apiVersion: example.com/v1\nkind: Widget\nspec:\n  ho^st: x\n');
    const host = (hover(parse(text), position, withCrd)?.contents as { value: string } | undefined)?.value;
    assert.match(host ?? '', /\n\nMust match the pattern `\^\[a-z\]\+\$` \(RE2\)\.\n\n/);
  });
});

describe('multipleOf, minProperties/maxProperties, list types', () => {
  const crd = widgetCrd(
    [
      '              type: object',
      '              properties:',
      '                ratio: {type: number, multipleOf: 0.1}',
      '                cores: {type: integer, multipleOf: 2}',
      '                labels: {type: object, maxProperties: 2, additionalProperties: {type: string}}',
      '                limits: {type: object, minProperties: 1, properties: {cpu: {type: string}, memory: {type: string}}}',
      '                hosts: {type: array, x-kubernetes-list-type: set, items: {type: string}}',
      '                ports:',
      '                  type: array',
      '                  x-kubernetes-list-type: map',
      '                  x-kubernetes-list-map-keys: [port, protocol]',
      '                  items: {type: object, properties: {port: {type: integer}, protocol: {type: string}, name: {type: string}}}',
    ].join('\n'),
  );

  it('accepts values within them (0.3 is a multiple of 0.1 despite rounding; map items differ by one key)', () => {
    const valid =
      '{ratio: 0.3, cores: 4, labels: {a: p, b: q}, limits: {cpu: "1"}, hosts: [a, b], ports: [{port: 80, protocol: TCP}, {port: 80, protocol: UDP}, {name: x}]}';
    assert.deepEqual(lint(crd, widget(valid)).cr, []);
  });

  it('reports each as the API server refuses it, at the value or the repeated item', () => {
    const invalid =
      '{ratio: 0.25, cores: 3, labels: {a: p, b: q, c: r}, limits: {}, hosts: [a, b, a], ports: [{port: 80, protocol: TCP}, {port: 80, protocol: TCP, name: again}]}';
    assert.deepEqual(lint(crd, widget(invalid)).cr, [
      '4 schema-type `ratio` must be a multiple of 0.1, got 0.25.',
      '4 schema-type `cores` must be a multiple of 2, got 3.',
      '4 schema-type `labels` must have at most 2 fields, got 3.',
      '4 schema-type `limits` must have at least 1 field, got 0.',
      '4 schema-type `hosts[2]` repeats an earlier item ("a"): the list is `x-kubernetes-list-type: set`.',
      '4 schema-type `ports[1]` repeats an earlier item (port=80, protocol="TCP"): the list is `x-kubernetes-list-type: map`.',
    ]);
  });

  it('`uniqueItems: true` is an error on the CRD, as the API server refuses it', () => {
    const unique = widgetCrd(
      ['              type: object', '              properties:', '                tags: {type: array, uniqueItems: true, items: {type: string}}'].join('\n'),
    );
    const { crd: findings } = lint(unique, widget('{tags: [a]}'));
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0]!, /`uniqueItems: true` is not allowed: use `x-kubernetes-list-type: set`/);
  });
});
