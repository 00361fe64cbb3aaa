/** Applying a finding's quick fix to in-memory files and reading the result back as YAML data. */
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from './applyEdits';
import { uriOf } from './engineHarness';
import type { Finding, FindingFix } from '../../server/src/engine/types';

export function fixOf(finding: Finding, title: RegExp): FindingFix {
  const fix = finding.data?.fixes?.find((f) => title.test(f.title));
  assert.ok(fix, `no fix matching ${title}: ${finding.data?.fixes?.map((f) => f.title).join(', ') ?? 'none'}`);
  return fix;
}

/** The files after a fix's edits. */
export function applyFix(files: Record<string, string>, fix: FindingFix): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    out[name] = applyEdits(
      text,
      fix.edits.filter((e) => e.uri === uriOf(name)).flatMap((e) => e.edits),
    );
  }
  return out;
}

/** The documents of a YAML text as plain data; fails the test on any syntax error. */
export function dataOf(text: string): unknown[] {
  const docs = parseAllDocuments(text, { version: '1.1' });
  assert.ok(Array.isArray(docs), 'not a YAML stream');
  for (const doc of docs)
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      [],
      `the result does not parse:\n${text}`,
    );
  return docs.map((d) => d.toJS() as unknown);
}
