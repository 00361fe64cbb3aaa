/**
 * The rule meta-test: every rule's metadata is complete, its file name is its id, each valid example
 * yields no finding, and each invalid example yields exactly the finding it pins (message id, line,
 * column, and for a fix the text after it); every fix clears its finding; every message is pinned by one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules';
import type { InvalidExample, Rule, RuleExample } from '../../server/src/engine/lint/rule';
import type { Finding } from '../../server/src/engine/types';
import { applyFix, fileOf, filesOf, findingsOf } from '../helpers/ruleExamples';
import { REPO_ROOT } from '../helpers/paths';

describe('rule registry', () => {
  it('lists every rule file once, under its id', () => {
    const dir = path.join(REPO_ROOT, 'server', 'src', 'rules');
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    assert.deepEqual(allRules.map((r) => r.id).sort(), files);
    assert.equal(new Set(allRules.map((r) => r.id)).size, allRules.length);
  });
});

/** Every fix of `finding` clears it (checked with the rule alone, like the examples). */
function assertFixesClear(rule: Rule, example: RuleExample, finding: Finding): void {
  for (const fix of finding.data?.fixes ?? []) {
    const fixed = applyFix(example, fix);
    // Checked as the example was (its Kubernetes release, its options), only with the fixed files.
    const after = findingsOf(rule, typeof example === 'string' ? { files: fixed } : { ...example, files: fixed });
    assert.deepEqual(
      after.map((f) => f.message),
      [],
      `fix "${fix.title}" leaves:\n${Object.values(fixed).join('\n---\n')}`,
    );
  }
}

function assertPinned(rule: Rule, pinned: InvalidExample): void {
  const findings = findingsOf(rule, pinned.example);
  assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
  const finding = findings[0]!;
  const files = filesOf(pinned.example);
  const file = pinned.file ?? (files['example.yaml'] !== undefined ? 'example.yaml' : Object.keys(files)[0]);
  const where = `${fileOf(finding)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  assert.deepEqual({ messageId: finding.messageId, where }, { messageId: pinned.messageId, where: `${file}:${pinned.line}:${pinned.column}` }, finding.message);
  assert.ok(pinned.messageId in rule.messages, `the rule declares message ${pinned.messageId}`);
  assert.doesNotMatch(finding.message, /\{\{\s*\w+\s*\}\}/, 'every placeholder is filled');
  const first = finding.data?.fixes?.[0];
  if (!first) {
    assert.equal(pinned.output, undefined, 'an example without a fix pins no output');
    return;
  }
  assert.notEqual(pinned.output, undefined, `the finding has a fix ("${first.title}"): pin its output`);
  const after = applyFix(pinned.example, first);
  const changed = Object.keys(files).filter((name) => after[name] !== files[name]);
  if (typeof pinned.output === 'string') {
    // A string pins the finding's file: a fix that changes another file pins each file it changes instead.
    assert.deepEqual(
      changed.filter((name) => name !== file),
      [],
      `fix "${first.title}" changes other files: pin output as { file: text } of each`,
    );
    assert.equal(after[file!], pinned.output, `the text after fix "${first.title}"`);
  } else {
    assert.deepEqual(Object.fromEntries(changed.map((name) => [name, after[name]])), pinned.output, `the files fix "${first.title}" changes, after it`);
  }
  assertFixesClear(rule, pinned.example, finding);
}

for (const rule of allRules) {
  describe(`rule ${rule.id}`, () => {
    it('has complete metadata', () => {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.kinds.length > 0, 'kinds');
      assert.ok(rule.summary.length > 10, 'summary');
      assert.ok(rule.rationale.length > 20, 'rationale');
      assert.match(rule.remediation, /\.$/, 'remediation ends with a period');
      assert.ok(rule.valid.length > 0 && rule.invalid.length > 0, 'has valid and invalid examples');
      assert.ok(['object', 'config', 'monitoring'].includes(rule.target), 'declares its target');
      const messages: [string, string][] = Object.entries(rule.messages);
      assert.ok(messages.length > 0, 'declares its messages');
      for (const [id, text] of messages) assert.ok(/^[a-z][A-Za-z0-9]*$/.test(id) && text.length > 20, `message ${id}`);
    });
    it('pins every message with an invalid example', () => {
      const pinned = new Set(rule.invalid.map((example) => example.messageId));
      assert.deepEqual(
        Object.keys(rule.messages).filter((id) => !pinned.has(id)),
        [],
        'add an invalid example that yields each of these messages (a message no input can reach is dead: remove it)',
      );
    });
    it('sets only options the rule declares in its examples', () => {
      const examples = [...rule.valid, ...rule.invalid.map((pinned) => pinned.example)];
      const set = examples.flatMap((example) => (typeof example === 'string' ? [] : Object.keys(example.options ?? {})));
      assert.deepEqual(
        set.filter((name) => !(name in (rule.options ?? {}))),
        [],
      );
    });
    rule.valid.forEach((example, i) => {
      it(`valid example ${i + 1} yields nothing`, () => {
        assert.deepEqual(
          findingsOf(rule, example).map((f) => f.message),
          [],
        );
      });
    });
    rule.invalid.forEach((example, i) => {
      it(`invalid example ${i + 1} yields exactly the finding it pins, and each fix clears it`, () => {
        assertPinned(rule, example);
      });
    });
  });
}
