/**
 * `x-kubernetes-validations` (CEL) rules of CRDs (engine/crd/cel*.ts): a failed rule is reported with its
 * message at its field (or `fieldPath`), after the schema's defaults are applied; transition rules and
 * rules calling functions the evaluator lacks are skipped; a runaway rule is cut off with a note; a rule
 * that does not compile is reported on the CRD.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineWith, lintAll, uriOf } from '../helpers/engineHarness';
import { REPO_ROOT } from './schemaFixtures';
import type { Finding } from '../../server/src/engine/types';
import { compileCel, runCel } from '../../server/src/engine/crd/celProgram';
import { celValueOf, escapePropertyName } from '../../server/src/engine/crd/celValues';
import { CelBudget } from '../../server/src/engine/crd/celBudget';
import { fieldPathSegments, ruleTreeOf } from '../../server/src/engine/crd/celRules';

const CRD = readFileSync(join(REPO_ROOT, 'test/fixtures/crd/scaler-crd.yaml'), 'utf8');

function scaler(spec: string[]): string {
  return ['apiVersion: example.com/v1', 'kind: Scaler', 'metadata: {name: s}', 'spec:', ...spec.map((l) => `  ${l}`), ''].join('\n');
}

/** `line severity code message` of the CEL findings of a file (1-based lines). */
function celLines(findings: readonly Finding[], file: string): string[] {
  return findings
    .filter((f) => f.uri === uriOf(file) && (f.code.includes('cel') || f.severity === 'error'))
    .map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code} ${f.message}`);
}

function check(spec: string[], crd = CRD): string[] {
  return celLines(lintAll(engineWith({ 'crd.yaml': crd, 'scaler.yaml': scaler(spec) })), 'scaler.yaml');
}

describe('CEL rules of workspace CRDs', () => {
  it('a valid object passes every rule (defaults applied first; the transition rule is skipped)', () => {
    assert.deepEqual(check(['cpu: 2', 'targets: [/a, /b]', 'labels: {app: web}', 'pairs: [x, z]', 'url: https://example.com/x']), []);
    // maxReplicas defaults to 10, targets to []: the rules that read them pass without them.
    assert.deepEqual(check(['memory: 1Gi', 'minReplicas: 3']), []);
  });

  it('reports self.minReplicas <= self.maxReplicas at its fieldPath, with its message', () => {
    assert.deepEqual(check(['minReplicas: 5', 'maxReplicas: 2', 'cpu: 1']), [
      '5 error schema-cel-rule spec.minReplicas: minReplicas must not be greater than maxReplicas',
    ]);
  });

  it('reports has(self.x) || has(self.y) at the field that carries the rule', () => {
    assert.deepEqual(check(['minReplicas: 1']), ['4 error schema-cel-rule spec: set cpu or memory']);
  });

  it('reports isURL(self) on a value that is not a URL (the URL library, celUrl.ts)', () => {
    assert.deepEqual(check(['cpu: 1', 'url: not a url']), ['6 error schema-cel-rule spec.url: url must be a URL']);
  });

  it('reports self.all(...) over a list and over a map at the list or map', () => {
    assert.deepEqual(check(['cpu: 1', 'targets:', '  - /ok', '  - relative', 'labels: {App: x}']), [
      '6 error schema-cel-rule spec.targets: every target is an absolute path',
      '9 error schema-cel-rule spec.labels: label keys are lower-case letters',
    ]);
  });

  it('uses the messageExpression result', () => {
    assert.deepEqual(check(['cpu: 1', 'maxReplicas: 1', 'targets: [/a, /b]']), ['4 error schema-cel-rule spec: at most 1 targets, got 2']);
  });

  it('reads a field named like a CEL keyword as __namespace__', () => {
    assert.deepEqual(check(['cpu: 1', 'namespace: kube-system']), [
      "4 error schema-cel-rule spec: failed rule: !has(self.__namespace__) || self.__namespace__ != 'kube-system'",
    ]);
  });

  it('cuts a runaway rule off with one info note, and still checks the other rules', () => {
    const pairs = Array.from({ length: 200 }, (_, i) => `p${i}`).join(', ');
    assert.deepEqual(check(['minReplicas: 5', 'maxReplicas: 2', 'cpu: 1', `pairs: [${pairs}]`]), [
      '5 error schema-cel-rule spec.minReplicas: minReplicas must not be greater than maxReplicas',
      "8 info cel-rule-not-evaluated The CRD's rule `self.all(a, self.all(b, self.all(c, a + b + c != '')))` was stopped after 100,000 steps (this checker's bound), so it is not checked here.",
    ]);
  });

  it('stops after 200 failures in one object, and says so', () => {
    const targets = Array.from({ length: 300 }, (_, i) => `t${i}`).join(', ');
    const crd = CRD.replace(
      'x-kubernetes-validations:\n                    - rule: "self.all(t, t.startsWith(\'/\'))"',
      'items: {type: string, x-kubernetes-validations: [{rule: "self.startsWith(\'/\')"}]}\n                  x-kubernetes-validations:\n                    - rule: "true"',
    );
    assert.notEqual(crd, CRD);
    const lines = check(['cpu: 1', 'maxReplicas: 1000', `targets: [${targets}]`], crd.replace('                  items: {type: string}\n', ''));
    assert.equal(lines.filter((l) => l.includes('schema-cel-rule')).length, 200);
    assert.deepEqual(
      lines.filter((l) => !l.includes('schema-cel-rule')),
      ['2 info cel-rule-not-evaluated CEL rules stopped after 200 failures in this object; fix these to see the rest.'],
    );
  });

  it('notes (info) a rule that cannot be evaluated on the object, as a missing field without a default', () => {
    const crd = CRD.replace('minReplicas: {type: integer, default: 1}', 'minReplicas: {type: integer}');
    assert.deepEqual(check(['cpu: 1'], crd), [
      "4 info cel-rule-not-evaluated The CRD's rule `self.minReplicas <= self.maxReplicas` could not be evaluated (field not found: minReplicas); the API server refuses the object if this holds after defaulting.",
    ]);
  });

  it('checks each custom resource of a List, at its own lines', () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: example.com/v1',
      '    kind: Scaler',
      '    metadata: {name: a}',
      '    spec: {cpu: 1}',
    ];
    const item = ['  - apiVersion: example.com/v1', '    kind: Scaler', '    metadata: {name: b}', '    spec: {cpu: 1, minReplicas: 9, maxReplicas: 3}', ''];
    const findings = lintAll(engineWith({ 'crd.yaml': CRD, 'list.yaml': [...list, ...item].join('\n') }));
    assert.deepEqual(celLines(findings, 'list.yaml'), ['11 error schema-cel-rule spec.minReplicas: minReplicas must not be greater than maxReplicas']);
  });

  it('a rule that does not compile is one error on the CRD, at the rule, and is not run', () => {
    const crd = CRD.replace('rule: self.minReplicas <= self.maxReplicas', 'rule: self.minReplicas <=');
    const findings = lintAll(engineWith({ 'crd.yaml': crd, 'scaler.yaml': scaler(['minReplicas: 5', 'maxReplicas: 2', 'cpu: 1']) }));
    assert.deepEqual(celLines(findings, 'crd.yaml'), [
      '21 error schema-crd-cel-rule The rule does not compile: at 1:18: found < but expecting end of input (version v1): the API server refuses this CRD.',
    ]);
    assert.deepEqual(celLines(findings, 'scaler.yaml'), []);
  });

  it('a CRD whose rule is nested too deeply gets one error and its custom resources are still checked', () => {
    const deep = `'${'('.repeat(3000)}true${')'.repeat(3000)}'`;
    const crd = CRD.replace('rule: has(self.cpu) || has(self.memory)', `rule: ${deep}`);
    const findings = lintAll(engineWith({ 'crd.yaml': crd, 'scaler.yaml': scaler(['minReplicas: 5', 'maxReplicas: 2', 'cpu: 1']) }));
    assert.deepEqual(celLines(findings, 'crd.yaml'), [
      '24 error schema-crd-cel-rule The rule does not compile: it is nested too deeply (version v1): the API server refuses this CRD.',
    ]);
    assert.deepEqual(celLines(findings, 'scaler.yaml'), ['5 error schema-cel-rule spec.minReplicas: minReplicas must not be greater than maxReplicas']);
  });

  it('the valid CRD has no CEL findings of its own (isURL and oldSelf are not problems)', () => {
    assert.deepEqual(celLines(lintAll(engineWith({ 'crd.yaml': CRD })), 'crd.yaml'), []);
  });
});

describe('CEL building blocks', () => {
  it('classifies rules: ready, transition, unsupported, invalid', () => {
    assert.equal(compileCel('self.a.all(x, x.matches("^[a-z]+$"))').type, 'ready');
    assert.equal(compileCel('self == oldSelf').type, 'transition');
    assert.equal(compileCel('quantity(self.size) == quantity("1Gi")').type, 'ready');
    assert.equal(compileCel('semver(self.version).isGreaterThan(semver("1.0.0"))').type, 'ready');
    assert.deepEqual(compileCel('jsonpatch.escapeKey(self.key) == "a~1b"'), {
      type: 'unsupported',
      reason: 'it calls `escapeKey`, a Kubernetes CEL function this evaluator does not have',
    });
    assert.equal(compileCel('ip.isCanonical(self)').type, 'ready', 'a qualified name, which the parser gives as a method on `ip`');
    assert.equal(compileCel('format.named("dns1123Label").value().validate(self)').type, 'ready');
    assert.equal(compileCel('self.?x.orValue(1) > 0').type, 'unsupported');
    assert.equal(compileCel('self.x +').type, 'invalid');
  });

  it('hostile rules: nested thousands of levels is invalid (as for the API server), an endless text is left alone', () => {
    assert.deepEqual(compileCel(`${'('.repeat(5000)}self${')'.repeat(5000)}`), { type: 'invalid', problem: 'it is nested too deeply' });
    const endless = Array.from({ length: 2000 }, (_, i) => `self.a${i} > 0`).join(' && ');
    assert.deepEqual(compileCel(endless), { type: 'unsupported', reason: 'it is longer than 20,000 characters' });
  });

  it("Kubernetes' list functions: isSorted, sum, min, max, indexOf, lastIndexOf; a list of objects is not judged", () => {
    const schema = { type: 'object', properties: { ints: { type: 'array', items: { type: 'integer' } }, names: { type: 'array', items: { type: 'string' } } } };
    const value = { ints: [3, 1, 2], names: ['a', 'b', 'b'], objs: [{ a: 1 }] };
    const evaluate = (rule: string): unknown => {
      const compiled = compileCel(rule);
      assert.equal(compiled.type, 'ready', rule);
      const budget = new CelBudget(100_000);
      const outcome = compiled.type === 'ready' ? runCel(compiled.run, celValueOf(value, schema, budget), budget) : undefined;
      return outcome?.type === 'value' ? outcome.value : outcome?.type;
    };
    assert.equal(evaluate('self.ints.isSorted()'), false);
    assert.equal(evaluate('self.names.isSorted()'), true);
    assert.equal(evaluate('self.ints.sum() == 6 && self.ints.min() == 1 && self.ints.max() == 3'), true);
    assert.equal(evaluate("self.names.indexOf('b') == 1 && self.names.lastIndexOf('b') == 2 && self.names.indexOf('z') == -1"), true);
    assert.equal(evaluate("'abc'.indexOf('c') == 2"), true, "the strings extension's indexOf still answers for strings");
    assert.equal(evaluate('self.objs.isSorted()'), 'error');
    assert.equal(evaluate('self.ints.min() > 0 || [].max() > 0'), true);
  });

  it('escapes property names as Kubernetes does', () => {
    assert.equal(escapePropertyName('namespace'), '__namespace__');
    assert.equal(escapePropertyName('x-y.z/w'), 'x__dash__y__dot__z__slash__w');
    assert.equal(escapePropertyName('a__b'), 'a__underscores__b');
    assert.equal(escapePropertyName('plain'), 'plain');
    assert.equal(escapePropertyName('9lives'), undefined);
  });

  it('reads fieldPath as path segments', () => {
    assert.deepEqual(fieldPathSegments(".spec.labels['app.kubernetes.io/name']"), ['spec', 'labels', 'app.kubernetes.io/name']);
    assert.equal(fieldPathSegments('spec.x'), undefined);
  });
});

describe('CEL rules of the bundled catalog (Gateway API)', () => {
  const route = (parentRefs: string[]): string =>
    [
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRoute',
      'metadata: {name: web, namespace: shop}',
      'spec:',
      '  parentRefs:',
      ...parentRefs.map((l) => `    ${l}`),
      '  rules:',
      '    - backendRefs: [{name: web, port: 80}]',
      '',
    ].join('\n');
  const findings = (text: string): string[] =>
    lintAll(engineWith({ 'route.yaml': text }))
      .filter((f) => f.severity === 'error' || f.code.includes('cel'))
      .map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code} ${f.message}`);

  it('an HTTPRoute attached twice to one Gateway without sectionName breaks "sectionName must be unique" (group and kind defaulted)', () => {
    assert.deepEqual(findings(route(['- name: gw', '- name: gw'])), [
      '5 error schema-cel-rule spec.parentRefs: sectionName must be unique when parentRefs includes 2 or more references to the same parent',
    ]);
  });

  it('one reference with a sectionName and one without breaks "sectionName must be specified"', () => {
    assert.deepEqual(findings(route(['- {name: gw, sectionName: https}', '- {name: gw, group: gateway.networking.k8s.io, kind: Gateway}'])), [
      '5 error schema-cel-rule spec.parentRefs: sectionName must be specified when parentRefs includes 2 or more references to the same parent',
    ]);
  });

  it('valid parentRefs pass: distinct sections, distinct Gateways, one namespace written out and one left to default', () => {
    assert.deepEqual(
      findings(route(['- {name: gw, sectionName: http}', '- {name: gw, sectionName: https}', '- {name: other}', '- {name: other2, namespace: infra}'])),
      [],
    );
  });
});

describe('CEL compilation is cached per schema', () => {
  it('the rule tree of one schema object is built once; a changed schema gets its own', () => {
    const schema = { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.a > 0' }], properties: { a: { type: 'integer' } } };
    const first = ruleTreeOf(schema);
    assert.ok(first && first.rules[0]?.compiled.type === 'ready');
    assert.equal(ruleTreeOf(schema), first, 'the same tree (and compiled programs) for the same schema');
    assert.notEqual(ruleTreeOf(structuredClone(schema)), first);
    assert.equal(ruleTreeOf({ type: 'object', properties: { a: { type: 'integer' } } }), undefined, 'no rules, no tree');
  });
});
