/** Suppressions need a reason, unused ones are reported on request, kube-linter's ignore-check annotations count. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, summarize } from '../helpers/engineHarness';
import { KUBE_LINTER_EQUIVALENTS } from '../../server/src/engine/lint/suppression';
import { allRules } from '../../server/src/rules';
import type { LintSettings } from '../../server/src/engine/lint/settings';

const POD = (image: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
${annotations}spec:
  containers:
    - name: web
      image: ${image}
`;

const UNUSED: LintSettings = { rules: {}, ruleOptions: {}, reportUnusedSuppressions: true };

describe('suppressions', () => {
  it('a comment without a reason suppresses, and is itself a warning on the comment', () => {
    const text = POD('nginx:latest').replace('      image:', '      # biome-manifests-ignore no-latest-tag\n      image:');
    const findings = lintAll(engineWith({ 'a.yaml': text }));
    assert.deepEqual(
      findings.map((f) => ({ code: f.code, severity: f.severity, range: f.range, message: f.message })),
      [
        {
          code: 'suppression-missing-reason',
          severity: 'warning',
          range: { start: { line: 7, character: 6 }, end: { line: 7, character: 44 } },
          message:
            'The suppression of no-latest-tag gives no reason: add one after `--` (`# biome-manifests-ignore no-latest-tag -- <why>`) so that reviewers can tell why the finding is accepted.',
        },
      ],
    );
    const endOfLine = POD('nginx:latest  # biome-manifests-ignore no-latest-tag --   ');
    assert.deepEqual(summarize(lintAll(engineWith({ 'b.yaml': endOfLine }))), ['b.yaml:8 suppression-missing-reason'], 'an empty reason is no reason');
    const withReason = POD('nginx:latest  # biome-manifests-ignore no-latest-tag -- dev image');
    assert.deepEqual(lintAll(engineWith({ 'c.yaml': withReason })), []);
    assert.deepEqual(lintAll(engineWith({ 'a.yaml': text }), { rules: { 'suppression-missing-reason': 'off' }, ruleOptions: {} }), []);
  });

  it('reports a suppression that suppresses nothing only when asked, per rule id', () => {
    const text = POD('nginx:1.27').replace(
      '      image:',
      '      # biome-manifests-ignore no-latest-tag, require-readiness-probe -- old exception\n      image:',
    );
    assert.deepEqual(lintAll(engineWith({ 'a.yaml': text })), []);
    const unused = lintAll(engineWith({ 'a.yaml': text }), UNUSED);
    assert.deepEqual(summarize(unused), ['a.yaml:8 unused-suppression', 'a.yaml:8 unused-suppression']);
    assert.match(
      unused[0]!.message,
      /^`biome-manifests-ignore no-latest-tag` suppresses nothing: there is no no-latest-tag finding on the line it applies to\./,
    );
    // Used for one id, unused for the other.
    const half = text.replace('nginx:1.27', 'nginx:latest');
    assert.deepEqual(
      lintAll(engineWith({ 'b.yaml': half }), UNUSED).map((f) => f.message.slice(0, 49)),
      ['`biome-manifests-ignore require-readiness-probe` '],
    );
  });

  it('reports an annotation that suppresses nothing in its object only when asked, per rule id', () => {
    const annotated = (image: string) =>
      POD(
        image,
        '  annotations:\n    biome-manifests.io/ignore: "no-latest-tag, require-readiness-probe -- old exception"\n    ignore-check.kube-linter.io/latest-tag: "legacy"\n',
      );
    const clean = annotated('nginx:1.27');
    assert.deepEqual(lintAll(engineWith({ 'a.yaml': clean })), [], 'not asked: nothing');
    const unused = lintAll(engineWith({ 'a.yaml': clean }), UNUSED);
    assert.deepEqual(summarize(unused), ['a.yaml:6 unused-suppression', 'a.yaml:6 unused-suppression', 'a.yaml:7 unused-suppression']);
    assert.match(unused[0]!.message, /^The annotation biome-manifests\.io\/ignore suppresses no-latest-tag, but this object has no no-latest-tag finding\./);
    // With a :latest image both annotations suppress no-latest-tag: only the readiness probe id is unused.
    const used = lintAll(engineWith({ 'b.yaml': annotated('nginx:latest') }), UNUSED);
    assert.deepEqual(
      used.map((f) => f.message.slice(0, 80)),
      ['The annotation biome-manifests.io/ignore suppresses require-readiness-probe, but'],
    );
  });

  it('understands kube-linter ignore-check annotations for the checks with an equivalent rule', () => {
    const kubeLinter = POD('nginx:latest', '  annotations:\n    ignore-check.kube-linter.io/latest-tag: "built from main, tested by QA"\n');
    assert.deepEqual(lintAll(engineWith({ 'a.yaml': kubeLinter })), []);
    const unmapped = POD('nginx:latest', '  annotations:\n    ignore-check.kube-linter.io/run-as-non-root: "legacy image"\n');
    assert.deepEqual(summarize(lintAll(engineWith({ 'b.yaml': unmapped }))), ['b.yaml:10 no-latest-tag']);
    const ids = new Set(allRules.map((r) => r.id));
    for (const [check, rule] of Object.entries(KUBE_LINTER_EQUIVALENTS)) assert.ok(ids.has(rule), `${check} → ${rule} is a rule`);
  });

  it('an annotation without a reason suppresses, and is itself a warning on its key', () => {
    const bare = POD('nginx:latest', '  annotations:\n    biome-manifests.io/ignore: "no-latest-tag"\n');
    assert.deepEqual(
      lintAll(engineWith({ 'a.yaml': bare })).map((f) => ({ code: f.code, range: f.range, message: f.message })),
      [
        {
          code: 'suppression-missing-reason',
          range: { start: { line: 5, character: 4 }, end: { line: 5, character: 29 } },
          message:
            'The annotation biome-manifests.io/ignore suppresses no-latest-tag without a reason: add one after `--` (`"no-latest-tag -- <why>"`), so that reviewers can tell why the finding is accepted.',
        },
      ],
    );
    const kubeLinter = POD('nginx:latest', '  annotations:\n    ignore-check.kube-linter.io/latest-tag: ""\n');
    assert.deepEqual(
      lintAll(engineWith({ 'b.yaml': kubeLinter })).map((f) => f.message.slice(0, 96)),
      ['The annotation ignore-check.kube-linter.io/latest-tag suppresses no-latest-tag without a reason:'],
    );
    const withReason = POD('nginx:latest', '  annotations:\n    biome-manifests.io/ignore: "no-latest-tag, require-readiness-probe -- dev cluster"\n');
    assert.deepEqual(lintAll(engineWith({ 'c.yaml': withReason })), []);
  });
});
