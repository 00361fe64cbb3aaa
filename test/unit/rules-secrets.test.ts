/** The Secret, ConfigMap and reference rules, as specifications: exact lines, ranges, messages and fixes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, summarize, uriOf } from '../helpers/engineHarness';
import { applyEdits } from '../helpers/applyEdits';
import { sampleEngine } from '../helpers/sampleEngine';
import type { Finding } from '../../server/src/engine/types';
import { labelledDeployment } from '../../server/src/rules/helpers/exampleObjects';

const SECRET_RULES = [
  'no-invalid-secret-base64',
  'no-secret-trailing-newline',
  'no-invalid-data-key',
  'no-duplicate-secret-key',
  'no-oversized-secret',
  'no-missing-secret',
  'no-missing-secret-key',
  'no-missing-configmap',
  'no-missing-configmap-key',
  'no-secret-in-env-value',
];

function findings(files: Record<string, string>, codes = SECRET_RULES): Finding[] {
  return lintAll(engineWith(files)).filter((f) => codes.includes(f.code));
}

function secret(body: string, name = 'app-secrets'): string {
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n${body}`;
}

/** The sample's main-app Deployment with `containerExtra` (indented for its container) and `specExtra` (for its pod spec). */
function deployment(containerExtra: string, specExtra = ''): string {
  return `${labelledDeployment()}${containerExtra}${specExtra}`;
}

/** The text of `file` after applying the edits of a fix to it. */
function afterFix(files: Record<string, string>, finding: Finding, title: RegExp): Record<string, string> {
  const fix = finding.data?.fixes?.find((f) => title.test(f.title));
  assert.ok(fix, `no fix matching ${title}: ${finding.data?.fixes?.map((f) => f.title).join(', ')}`);
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    out[name] = applyEdits(
      text,
      fix.edits.filter((e) => e.uri === uriOf(name)).flatMap((e) => e.edits),
    );
  }
  return out;
}

describe('the sample', () => {
  it('gives no Secret or reference finding (app-secrets has both keys; envFrom of the whole Secret)', () => {
    const engine = sampleEngine();
    const uris = [...engine.index.files()].map((f) => f.uri);
    assert.deepEqual(
      uris.flatMap((u) => engine.linter.lintFile(u)).filter((f) => SECRET_RULES.includes(f.code)),
      [],
    );
  });
});

describe('no-invalid-secret-base64', () => {
  it('underlines the first bad character of a plain value and offers encode / move fixes', () => {
    const files = { 's.yaml': secret('data:\n  DATABASE_URL: postgres://user:pass@host/db\n') };
    const [f, ...rest] = findings(files);
    assert.equal(rest.length, 0);
    assert.deepEqual(f!.range, { start: { line: 5, character: 24 }, end: { line: 5, character: 25 } });
    assert.equal(f!.severity, 'error');
    assert.match(f!.message, /^Secret app-secrets: data\.DATABASE_URL has a character outside the base64 alphabet \(`:` at character 9\)/);
    assert.deepEqual(
      f!.data?.fixes?.map((x) => x.title),
      ['Encode DATABASE_URL as base64', 'Move DATABASE_URL to stringData'],
    );
    assert.equal(afterFix(files, f!, /^Encode/)['s.yaml'], secret('data:\n  DATABASE_URL: cG9zdGdyZXM6Ly91c2VyOnBhc3NAaG9zdC9kYg==\n'));
    assert.equal(afterFix(files, f!, /^Move/)['s.yaml'], secret('data: {}\nstringData:\n  DATABASE_URL: "postgres://user:pass@host/db"\n'));
  });

  it('maps the bad character inside quoted and block scalars', () => {
    const quoted = findings({ 's.yaml': secret('data:\n  A: "YWJj ZGVm"\n') })[0]!;
    assert.deepEqual(quoted.range.start, { line: 5, character: 10 });
    const block = findings({ 's.yaml': secret('data:\n  CERT: |\n    YWJjZGVm\n    YWJj*GVm\n') })[0]!;
    assert.deepEqual(block.range, { start: { line: 7, character: 8 }, end: { line: 7, character: 9 } });
  });

  it('converts URL-safe base64', () => {
    const files = { 's.yaml': secret('data:\n  KEY: 3q2-7w_\n') };
    const f = findings(files)[0]!;
    assert.match(f.message, /URL-safe/);
    assert.equal(afterFix(files, f, /standard base64 alphabet/)['s.yaml'], secret('data:\n  KEY: 3q2+7w/=\n'));
  });

  it('repairs the padding of data that is base64 already instead of encoding it a second time', () => {
    const titles = (body: string) => findings({ 's.yaml': secret(body) })[0]!.data?.fixes?.map((x) => x.title);
    // Two encodings glued together, a stray `=`, a missing `=`: the repair comes first, Encode only after it.
    assert.deepEqual(titles('data:\n  CREDENTIALS: dXNlcg==OnBhc3M=\n'), [
      'Join the 2 base64 parts of CREDENTIALS into one value',
      'Encode CREDENTIALS as base64',
      'Move CREDENTIALS to stringData',
    ]);
    assert.deepEqual(titles('data:\n  USER: YWRtaW4\n'), ['Add the missing `=` padding to USER', 'Encode USER as base64', 'Move USER to stringData']);
    assert.deepEqual(titles('data:\n  USER: YWJj===\n'), ['Fix the `=` padding of USER', 'Encode USER as base64', 'Move USER to stringData']);
    // 32 random bytes without their padding: key material, repaired although it decodes to binary.
    assert.equal(titles('data:\n  AES_KEY: q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA\n')?.[0], 'Add the missing `=` padding to AES_KEY');
  });

  it('keeps Encode first for plain text that only happens to use the base64 alphabet', () => {
    for (const value of ['supersecret', 'hunter2', 'password123']) {
      const f = findings({ 's.yaml': secret(`data:\n  PASSWORD: ${value}\n`) })[0]!;
      assert.deepEqual(
        f.data?.fixes?.map((x) => x.title),
        ['Encode PASSWORD as base64', 'Move PASSWORD to stringData'],
        value,
      );
    }
  });

  it('repairs padding in quoted, block-scalar and flow-map values, keeping comments and the other keys', () => {
    for (const [body, expected] of [
      ['data:\n  A: "YWRtaW4" # c1\n  B: Zm9v\n', 'data:\n  A: YWRtaW4= # c1\n  B: Zm9v\n'],
      ["data: {A: 'dXNlcg==OnBhc3M=', B: Zm9v} # c1\n", 'data: {A: dXNlcjpwYXNz, B: Zm9v} # c1\n'],
      ['data:\n  # c1\n  A: |\n    dXNlcg==\n    OnBhc3M=\n  B: Zm9v\n', 'data:\n  # c1\n  A: dXNlcjpwYXNz\n  B: Zm9v\n'],
      ['data:\r\n  A: YWRtaW4\r\n  B: Zm9v\r\n', 'data:\r\n  A: YWRtaW4=\r\n  B: Zm9v\r\n'],
    ] as const) {
      const files = { 's.yaml': secret(body) };
      assert.equal(afterFix(files, findings(files)[0]!, /padding|base64 parts/)['s.yaml'], secret(expected), body);
    }
  });
});

describe('no-secret-trailing-newline', () => {
  it('warns about `echo` output and strips the newline', () => {
    const files = { 's.yaml': secret('data:\n  JWT_SECRET: c3VwZXJzZWNyZXQK\n') };
    const f = findings(files)[0]!;
    assert.deepEqual([f.code, f.severity, f.range.start.line], ['no-secret-trailing-newline', 'warning', 5]);
    assert.equal(afterFix(files, f, /Strip/)['s.yaml'], secret('data:\n  JWT_SECRET: c3VwZXJzZWNyZXQ=\n'));
  });

  it('leaves multi-line values (certificates) alone', () => {
    const pem = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');
    assert.deepEqual(findings({ 's.yaml': secret(`data:\n  tls.crt: ${pem}\n`) }), []);
  });
});

describe('keys, duplicates and size', () => {
  it('rejects keys with other characters, in Secrets and ConfigMaps', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  app/config: x\n';
    assert.deepEqual(summarize(findings({ 'cm.yaml': cm })), ['cm.yaml:6 no-invalid-data-key']);
  });

  it('warns when a key is in data and stringData, and deletes the data entry', () => {
    const files = { 's.yaml': secret('data:\n  A: YQ==\nstringData:\n  A: b\n') };
    const f = findings(files)[0]!;
    assert.deepEqual(summarize([f]), ['s.yaml:6 no-duplicate-secret-key']);
    assert.equal(afterFix(files, f, /Delete/)['s.yaml'], secret('data: {}\nstringData:\n  A: b\n'));
  });

  it('rejects a Secret over 1 MiB, counted after decoding', () => {
    const big = Buffer.alloc(1024 * 1024 + 1).toString('base64');
    assert.deepEqual(summarize(findings({ 's.yaml': secret(`data:\n  blob: ${big}\n`) })), ['s.yaml:2 no-oversized-secret']);
    const fits = Buffer.alloc(1024 * 1024).toString('base64');
    assert.deepEqual(findings({ 's.yaml': secret(`data:\n  blob: ${fits}\n`) }), []);
  });
});

describe('references to Secrets and ConfigMaps', () => {
  const env = `          env:
            - name: JWT_SECRET
              valueFrom:
                secretKeyRef:
                  name: app-secrets
                  key: JWT_SECRT
`;

  it('errors on a key the Secret lacks, suggesting the close one', () => {
    const files = { 'd.yaml': deployment(env), 's.yaml': secret('data:\n  JWT_SECRET: c3VwZXJzZWNyZXQ=\n') };
    const [f] = findings(files);
    assert.deepEqual(summarize([f!]), ['d.yaml:22 no-missing-secret-key']);
    assert.equal(
      f!.message,
      'Secret app-secrets has no key JWT_SECRT (its keys are JWT_SECRET), but env JWT_SECRET of container main-app in Deployment main-app needs it: the pod fails with CreateContainerConfigError. Did you mean JWT_SECRET? Add the key to the Secret or fix the reference.',
    );
    assert.equal(f!.related?.[0]?.uri, uriOf('s.yaml'));
    assert.match(afterFix(files, f!, /key JWT_SECRET/)['d.yaml']!, /key: JWT_SECRET\n/);
  });

  it('counts stringData keys, and clears when the key is added to the Secret (cross-file)', () => {
    const engine = engineWith({ 'd.yaml': deployment(env), 's.yaml': secret('data:\n  JWT_SECRET: c3VwZXJzZWNyZXQ=\n') });
    assert.equal(engine.linter.lintFile(uriOf('d.yaml')).filter((f) => f.code === 'no-missing-secret-key').length, 1);
    engine.index.setFile(uriOf('s.yaml'), secret('data:\n  JWT_SECRET: c3VwZXJzZWNyZXQ=\nstringData:\n  JWT_SECRT: x\n'));
    assert.deepEqual(
      engine.linter.lintFile(uriOf('d.yaml')).filter((f) => f.code === 'no-missing-secret-key'),
      [],
    );
  });

  it('warns on a missing Secret or ConfigMap, but not on optional references or other namespaces', () => {
    const vols = `      volumes:
        - name: cfg
          configMap:
            name: app-config
        - name: opt
          secret:
            secretName: later
            optional: true
        - name: proj
          projected:
            sources:
              - secret:
                  name: tls
`;
    const files = {
      'd.yaml': deployment('', vols),
      'other.yaml': secret('data: {}\n', 'tls').replace('name: tls', 'name: tls\n  namespace: prod'),
    };
    assert.deepEqual(summarize(findings(files)), ['d.yaml:20 no-missing-configmap', 'd.yaml:29 no-missing-secret']);
  });

  it('errors on a ConfigMap volume item key the ConfigMap lacks', () => {
    const vols = `      volumes:
        - name: cfg
          configMap:
            name: app-config
            items:
              - key: app.yaml
                path: app.yaml
`;
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  app.properties: x\n';
    assert.deepEqual(summarize(findings({ 'd.yaml': deployment('', vols), 'cm.yaml': cm })), ['d.yaml:22 no-missing-configmap-key']);
  });
});

describe('no-secret-in-env-value', () => {
  const literal = `          env:
            - name: NODE_ENV
              value: production
            - name: DB_PASSWORD
              value: "hunter2"
`;

  it('warns on credential-looking names with a literal value only', () => {
    assert.deepEqual(summarize(findings({ 'd.yaml': deployment(literal) })), ['d.yaml:21 no-secret-in-env-value']);
  });

  it('moves the value into the Secret of the folder and references it', () => {
    const files = { 'd.yaml': deployment(literal), 's.yaml': secret('stringData:\n  A: b\n') };
    const fixed = afterFix(files, findings(files)[0]!, /Move DB_PASSWORD into Secret app-secrets/);
    assert.equal(fixed['s.yaml'], secret('stringData:\n  A: b\n  DB_PASSWORD: hunter2\n'));
    assert.match(fixed['d.yaml']!, /- name: DB_PASSWORD\n {14}valueFrom:\n {16}secretKeyRef:\n {18}name: app-secrets\n {18}key: DB_PASSWORD\n$/);
    assert.deepEqual(findings(fixed), []);
  });

  it('writes a new Secret document when the folder has none', () => {
    const files = { 'd.yaml': deployment(literal) };
    const fixed = afterFix(files, findings(files)[0]!, /main-app-secrets/)['d.yaml']!;
    assert.match(fixed, /\n---\napiVersion: v1\nkind: Secret\nmetadata:\n {2}name: main-app-secrets\ntype: Opaque\nstringData:\n {2}DB_PASSWORD: hunter2\n$/);
    assert.deepEqual(findings({ 'd.yaml': fixed }), []);
  });
});
