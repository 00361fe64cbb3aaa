/** Fields a supported release has that a later one removed: accepted by the schema, judged against the target release. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldRemovedIn, fieldsRemovedBy } from '../../server/src/engine/schema/fieldVersions';
import { validateDocument } from '../../server/src/engine/schema/validate';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { parse, store, yaml } from './schemaFixtures';

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata: { name: gpu-job }
  spec:
    containers:
      - name: job
        image: job:1.2
        resources: { claims: [{ name: gpu }] }
    resourceClaims:
      - name: gpu
        source:   # 1.29 and 1.30 only
          resourceClaimTemplateName: gpu-template
`;

function findings(text: string, kubernetesVersion: string): string[] {
  return lintAll(engineWith({ 'pod.yaml': text }), { rules: {}, ruleOptions: {}, kubernetesVersion })
    .filter((f) => f.code === 'no-field-removed-in-target' || f.code.startsWith('schema-'))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
}

describe('fields removed in a later release', () => {
  it('dates PodResourceClaim.source (1.29, 1.30) to the first release known to lack it', () => {
    // 1.31 has no tracking package: 1.32 is the first release known without it.
    assert.equal(fieldRemovedIn('io.k8s.api.core.v1.PodResourceClaim', 'source'), '1.32');
    assert.equal(fieldRemovedIn('io.k8s.api.core.v1.PodResourceClaim', 'resourceClaimName'), undefined);
    assert.equal(fieldRemovedIn('io.k8s.api.core.v1.PodResourceClaim', 'sourc'), undefined);
  });

  it('is no unknown-field error in the schema check, which does not know the target', () => {
    assert.deepEqual(
      parse(POD).documents.flatMap((doc) => validateDocument(doc, store())),
      [],
    );
    const typo = POD.replace('source:', 'sourc:');
    assert.deepEqual(
      parse(typo)
        .documents.flatMap((doc) => validateDocument(doc, store()))
        .map((f) => f.code),
      ['schema-unknown-field'],
    );
  });

  it('is accepted for a target that has it, a warning naming the release for one past its removal', () => {
    assert.deepEqual(findings(POD, '1.29'), []);
    assert.deepEqual(findings(POD, '1.30'), []);
    assert.deepEqual(findings(POD, '1.31'), []);
    for (const target of ['1.32', '1.36']) {
      assert.deepEqual(findings(POD, target), [
        `11:7 warning no-field-removed-in-target \`source\` (in PodResourceClaim of Pod gpu-job) is not in Kubernetes 1.32 and later; this workspace targets ${target}: kubectl rejects it as an unknown field, or the API server drops it.`,
      ]);
    }
  });

  it('reads flow style, CRLF and every document of a file', () => {
    const flow =
      'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: a}\r\nspec: {containers: [{name: c, image: i}], resourceClaims: [{name: g, source: {resourceClaimName: x}}]}\r\n';
    const found = findings(`${flow}---\r\n${flow.replace('name: a', 'name: b')}`, '1.36');
    assert.deepEqual(
      found.map((f) => f.split(' ').slice(0, 3).join(' ')),
      ['4:70 warning no-field-removed-in-target', '9:70 warning no-field-removed-in-target'],
    );
  });

  it('walks only along the schema and is bounded on hostile input', () => {
    const entry = store().lookup('v1', 'Pod')!;
    let deep: unknown = { source: {} };
    for (let i = 0; i < 10_000; i++) deep = { spec: deep };
    assert.deepEqual(fieldsRemovedBy(entry.schema, deep, '1.36'), []);
    const many = { spec: { resourceClaims: Array.from({ length: 500 }, (_, i) => ({ name: `c${i}`, source: {} })) } };
    assert.equal(fieldsRemovedBy(entry.schema, many, '1.36').length, 100);
    assert.deepEqual(fieldsRemovedBy(entry.schema, { spec: { resourceClaims: 'x', source: 1 } }, '1.36'), []);
  });
});
