/**
 * Edits of the bench's findings-heavy file (scripts/bench/corpus.mjs, here 150 documents) checked
 * incrementally give exactly what a fresh engine gives: reused, moved and re-run results, label
 * look-ups after label changes, and the bounded diagnostics built from them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/setup';
import { toBoundedDiagnostics } from '../../server/src/lsp/diagnostics';
import { REPO_ROOT } from '../helpers/paths';

function findingsHeavyText(documents: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'findings-heavy-'));
  try {
    const corpus = pathToFileURL(join(REPO_ROOT, 'scripts/bench/corpus.mjs')).href;
    const script = `import { writeFindingsFile } from ${JSON.stringify(corpus)}; writeFindingsFile(${JSON.stringify(dir)}, ${documents});`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script]);
    return readFileSync(join(dir, 'findings.yaml'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Inserts `text` before the `occurrence`-th match of `marker` after the document named `name`. */
function insertAfter(source: string, name: string, marker: string, text: string): string {
  const head = source.indexOf(`\n  name: ${name}\n`);
  assert.ok(head >= 0, name);
  const at = source.indexOf(marker, head);
  assert.ok(at >= 0, marker);
  return source.slice(0, at) + text + source.slice(at);
}

describe('incremental checks of the findings-heavy file', () => {
  it('equal a fresh engine after character edits, added lines, label changes and a removed document', () => {
    let text = findingsHeavyText(150);
    const uri = 'file:///w/findings.yaml';
    const engine = createEngine();
    engine.index.setFile(uri, text, 1);
    const initial = engine.linter.lintFile(uri);
    assert.ok(initial.length > 50, `the file has findings (${initial.length})`);
    const edits: ((t: string) => string)[] = [
      (t) => insertAfter(t, 'inventory-10', '"https://runbooks', 'x'),
      (t) => insertAfter(t, 'inventory-10', '    tier: backend\n', '    extra: "added"\n'),
      // A pod label: the Services selecting by labels look again.
      (t) => insertAfter(t, 'inventory-10', '        tier: backend\n', '        track: canary\n'),
      // A pod label a Service selects on: inventory-10's pods now answer inventory-11's Service too, then its own again.
      (t) =>
        insertAfter(t, 'inventory-10', '        app: inventory-10\n', '        app: inventory-11\n').replace(
          '        app: inventory-11\n        app: inventory-10\n',
          '        app: inventory-11\n',
        ),
      (t) => {
        const at = t.indexOf('      labels:\n        app: inventory-11\n', t.indexOf('\n  name: inventory-10\n'));
        return t.slice(0, at) + t.slice(at).replace('app: inventory-11', 'app: inventory-10');
      },
      (t) => insertAfter(t, 'ledger-3', 'apiVersion', '# a comment above a document\n'),
      // The first Service goes: its findings, and what selected it.
      (t) => t.replace(/\n---\napiVersion: v1\nkind: Service\n[\s\S]*?(?=\n---\n)/, ''),
    ];
    edits.forEach((edit, n) => {
      const next = edit(text);
      assert.notEqual(next, text, `edit ${n + 1} changes the text`);
      text = next;
      engine.index.setFile(uri, text, n + 2);
      const fresh = createEngine();
      fresh.index.setFile(uri, text, n + 2);
      const incremental = engine.linter.lintFile(uri);
      const expected = fresh.linter.lintFile(uri);
      assert.deepEqual(incremental, expected, `edit ${n + 1}`);
      assert.deepEqual(toBoundedDiagnostics(incremental, 40), toBoundedDiagnostics(expected, 40), `edit ${n + 1}, diagnostics`);
    });
  });
});
