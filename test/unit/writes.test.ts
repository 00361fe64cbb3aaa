/**
 * Every edit touches only what it means to. Each quick fix (and "Ignore … here") the server offers
 * on the sample and a Secret-heavy fixture — with LF and with CRLF line endings — is a WorkspaceEdit
 * (undoable, no command that writes behind the editor's back); applied to a copy, it changes only
 * the lines its edits cover, keeps the file's line endings, adds no syntax error, and clears the
 * finding it fixes. The Decode Secret round trip changes exactly the edited value's line.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { createEngine, type Engine } from '../../server/src/setup';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { codeActions } from '../../server/src/lsp/codeActions';
import type { Finding } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { FIXTURES_DIR, SAMPLE_DIR } from '../helpers/paths';
import { secretsOf } from '../../server/src/engine/secrets/secretEntries';
import { decodedDocument, decodeEntries, parseDecodedDocument } from '../../server/src/engine/secrets/decodedText';
import { secretEdits } from '../../server/src/engine/secrets/secretSave';

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

/** The sample plus the Secret-heavy fixture, as URI → text, with `eol` line endings. */
function workspace(eol: '\n' | '\r\n'): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of walk(SAMPLE_DIR)) files.set(`file:///w/${path.relative(SAMPLE_DIR, file).split(path.sep).join('/')}`, fs.readFileSync(file, 'utf8'));
  files.set('file:///w/biome/heavy-secrets.yaml', fs.readFileSync(path.join(FIXTURES_DIR, 'hostile', 'secrets.yaml'), 'utf8'));
  for (const [uri, text] of files) files.set(uri, text.replace(/\r?\n/g, eol));
  return files;
}

function engineOf(files: Map<string, string>): Engine {
  const engine = createEngine();
  for (const [uri, text] of files) engine.index.setFile(uri, text);
  return engine;
}

function lintAll(engine: Engine, files: Map<string, string>): Finding[] {
  return [...files.keys()].flatMap((uri) => engine.linter.lintFile(uri));
}

/** Lines (0-based) of `before` that differ in `after`, by common prefix and suffix. */
function changedSpan(before: string, after: string): { first: number; lastBefore: number } | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  if (first === a.length && first === b.length) return undefined;
  let ea = a.length - 1;
  let eb = b.length - 1;
  while (ea >= first && eb >= first && a[ea] === b[eb]) {
    ea--;
    eb--;
  }
  return { first, lastBefore: ea };
}

function key(f: Finding): string {
  return `${f.uri}:${f.range.start.line}:${f.code}`;
}

for (const [label, eol] of [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const) {
  describe(`quick fixes on the sample and the Secret fixture (${label})`, () => {
    const files = workspace(eol);
    const engine = engineOf(files);
    const findings = lintAll(engine, files);
    const allActions: { finding: Finding; action: CodeAction }[] = findings.flatMap((finding) =>
      codeActions(engine.index.getFile(finding.uri)!, [toDiagnostic(finding)]).map((action) => ({ finding, action })),
    );
    // "Show documentation" opens a rule's page and writes nothing; every other action is an edit.
    const isDocAction = (a: { action: CodeAction }): boolean => a.action.title.startsWith('Show documentation for ');
    const actions = allActions.filter((a) => !isDocAction(a));

    it('offers each rule finding its documentation, as a command that writes nothing', () => {
      for (const finding of findings.filter((f) => f.data?.ruleId)) {
        const doc = allActions.find((a) => a.finding === finding && isDocAction(a));
        assert.deepEqual(doc?.action.command?.arguments, [finding.code], key(finding));
        assert.equal(doc?.action.command?.command, 'biomeManifests.showRuleDoc');
        assert.equal(doc?.action.edit, undefined);
      }
    });

    it('there are fixes to check, and every one is a WorkspaceEdit, never a command', () => {
      assert.ok(actions.filter((a) => !a.action.title.startsWith('Ignore ')).length >= 4, `${actions.length} actions`);
      for (const { action } of actions) {
        assert.ok(action.edit?.changes, action.title);
        assert.equal(action.command, undefined, action.title);
      }
    });

    it('each changes only the lines its edits cover, keeps line endings, and breaks no YAML', () => {
      for (const { finding, action } of actions) {
        for (const [uri, edits] of Object.entries(action.edit!.changes!)) {
          const before = files.get(uri);
          assert.ok(before !== undefined, `${action.title}: edits a file of the workspace (${uri})`);
          const after = applyEdits(before, edits as TextEdit[]);
          const span = changedSpan(before, after);
          if (!span) continue;
          const firstEdit = Math.min(...edits.map((e) => e.range.start.line));
          const lastEdit = Math.max(...edits.map((e) => e.range.end.line));
          assert.ok(
            span.first >= firstEdit && span.lastBefore <= lastEdit,
            `${action.title} (${key(finding)}): changed lines ${span.first}–${span.lastBefore}, edits cover ${firstEdit}–${lastEdit}`,
          );
          if (eol === '\r\n') assert.doesNotMatch(after, /[^\r]\n/, `${action.title}: no bare LF in a CRLF file`);
          const check = createEngine();
          check.index.setFile(uri, after);
          const syntax = check.linter.lintFile(uri).filter((f) => f.code === 'yaml-syntax');
          assert.deepEqual(syntax.map(key), [], `${action.title}: no syntax error after the fix`);
        }
      }
    });

    it('each rule fix clears the finding it was offered for', () => {
      for (const { finding, action } of actions) {
        if (action.title.startsWith('Ignore ')) continue;
        const fixed = new Map(files);
        for (const [uri, edits] of Object.entries(action.edit!.changes!)) fixed.set(uri, applyEdits(fixed.get(uri)!, edits as TextEdit[]));
        const after = lintAll(engineOf(fixed), fixed);
        const same = after.filter((f) => f.code === finding.code && f.uri === finding.uri && f.message === finding.message);
        assert.deepEqual(same.map(key), [], `${action.title} leaves ${finding.code}: ${finding.message}`);
      }
    });
  });
}

describe('Decode Secret round trip', () => {
  for (const [label, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`changing one value re-encodes exactly that line; every other byte is unchanged (${label})`, () => {
      const uri = 'file:///w/biome/app-secrets.yaml';
      const text = fs.readFileSync(path.join(SAMPLE_DIR, 'biome', 'app-secrets.yaml'), 'utf8').replace(/\r?\n/g, eol);
      const secret = secretsOf(uri, text)[0]!;
      const decoded = decodeEntries(secret);
      assert.ok(decoded.ok);
      const view = decodedDocument(secret, decoded.values, 'app-secrets.yaml');
      for (const entry of secret.entries) {
        const edited = parseDecodedDocument(view.replace(new RegExp(`^${entry.key}: .*$`, 'm'), `${entry.key}: rotated-value`));
        assert.ok(edited.ok);
        const result = secretEdits(secret, decoded.values, edited.values);
        assert.ok(result.ok);
        const after = applyEdits(text, result.edits);
        const span = changedSpan(text, after)!;
        assert.equal(span.first, span.lastBefore, `${entry.key}: one line changed`);
        const beforeLines = text.split('\n');
        const afterLines = after.split('\n');
        assert.equal(afterLines.length, beforeLines.length);
        assert.equal(afterLines[span.first], beforeLines[span.first]!.replace(entry.encoded, Buffer.from('rotated-value').toString('base64')));
      }
      const unchanged = secretEdits(secret, decoded.values, (parseDecodedDocument(view) as { ok: true; values: Map<string, string> }).values);
      assert.deepEqual(unchanged, { ok: true, edits: [], changed: [] });
    });
  }
});
