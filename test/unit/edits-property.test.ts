/**
 * Property (issue #16): on manifests in every YAML style (test/helpers/styledManifests.ts), every
 * quick fix and every "Ignore … here" leaves files that parse, changes no value outside what its
 * rule means to change (compared as parsed data), keeps every comment, and clears its finding.
 * `npm run fuzz -- --edits --runs N` runs it longer (BIOME_EDITS_RUNS).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { engineWith, lintAll, uriOf } from '../helpers/engineHarness';
import { applyFix, dataOf } from '../helpers/fixHarness';
import { applyEdits } from '../helpers/applyEdits';
import { styledWorkspace, workspaceOf, type WorkspaceChoices } from '../helpers/styledManifests';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import type { Finding } from '../../server/src/engine/types';
import { secretsOf } from '../../server/src/engine/secrets/secretEntries';
import { decodedDocument, decodeEntries, parseDecodedDocument } from '../../server/src/engine/secrets/decodedText';
import { secretEdits } from '../../server/src/engine/secrets/secretSave';

const RUNS = Number(process.env.BIOME_EDITS_RUNS ?? 25);
const SEED = process.env.BIOME_EDITS_SEED === undefined ? undefined : Number(process.env.BIOME_EDITS_SEED);

/**
 * Workspaces every run checks, whatever the seed: Secret values whose padding the fix repairs (missing;
 * two encodings glued) and a container without a cpu request, in block style and in mixed styles
 * with kubectl's alphabetical key order (the new `resources` lands between two keys).
 */
const EXAMPLES: WorkspaceChoices[] = [
  {
    styles: [1],
    crlf: false,
    data: [
      ['PASSWORD', 'YWRtaW4'],
      ['TOKEN', 'dXNlcg==OnBhc3M='],
    ],
    stringData: false,
    replicas: false,
    request: false,
    together: true,
    kubectlOrder: false,
  },
  {
    styles: [...Array(40).keys()].map((i) => i * 7),
    crlf: true,
    data: [
      ['a.b', 'dXNlcg==OnBhc3M='],
      ['K1', 'YWRtaW4'],
    ],
    stringData: true,
    replicas: true,
    request: false,
    together: false,
    kubectlOrder: true,
  },
];

/** Where each rule's fix may change data ('*' matches any key or index); a new document only where listed. */
const ALLOWED: Record<string, { paths: string[][]; newDocuments?: boolean }> = {
  'no-replicas-with-hpa': { paths: [['spec', 'replicas']] },
  'no-invalid-secret-base64': { paths: [['data', '*'], ['stringData']] },
  'no-secret-trailing-newline': { paths: [['data', '*']] },
  'no-secret-in-env-value': { paths: [['spec', 'template', 'spec', 'containers', '*', 'env', '*'], ['stringData'], ['data', '*']], newDocuments: true },
  'require-hpa-resource-requests': { paths: [['spec', 'template', 'spec', 'containers', '*', 'resources']] },
};

/** Leaf paths where two plain values differ. */
function differences(a: unknown, b: unknown, path: string[] = []): string[][] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k]));
  }
  return Object.is(a, b) ? [] : [path];
}

function allowed(path: string[], prefixes: string[][]): boolean {
  return prefixes.some((p) => p.length <= path.length && p.every((part, i) => part === '*' || part === path[i]));
}

function comments(text: string): string[] {
  return [...text.matchAll(/# c\d+\b/g)].map((m) => m[0]).sort();
}

function findingKey(f: Finding): string {
  return `${f.code} ${f.message}`;
}

/** Asserts the properties for one edit of `files` made for `finding`. */
function checkEdit(
  files: Record<string, string>,
  after: Record<string, string>,
  finding: Finding,
  title: string,
  rule: { paths: string[][]; newDocuments?: boolean } | undefined,
): void {
  const what = `${title} (${finding.code})\n${Object.entries(files)
    .map(([n, t]) => `--- ${n}\n${t}`)
    .join('\n')}`;
  for (const [name, before] of Object.entries(files)) {
    const now = after[name]!;
    const [old, next] = [dataOf(before), dataOf(now)];
    assert.deepEqual(comments(now), comments(before), `comments survive: ${what}`);
    if (!rule) continue;
    assert.ok(next.length === old.length || (rule.newDocuments && next.length === old.length + 1), `documents: ${what}`);
    old.forEach((doc, i) => {
      for (const path of differences(doc, next[i])) assert.ok(allowed(path, rule.paths), `${path.join('.')} changed: ${what}\n=== after\n${now}`);
    });
  }
  const left = lintAll(engineWith(after)).map(findingKey);
  assert.ok(!left.includes(findingKey(finding)), `the finding is gone: ${what}`);
}

/** Decode Secret views edited three ways (a value changed, a key removed, a key added) and saved. */
function checkSecretSaves(files: Record<string, string>): number {
  let checked = 0;
  for (const [name, text] of Object.entries(files)) {
    for (const secret of secretsOf(uriOf(name), text)) {
      const decoded = decodeEntries(secret);
      if (!decoded.ok || decoded.values.length === 0) continue;
      const view = decodedDocument(secret, decoded.values, name);
      const first = view.split('\n')[2]!;
      const firstKey = decoded.values[0]!.key;
      for (const [label, edited, change] of [
        [
          'changed',
          view.replace(first, first.replace(/: .*$/, ': new value')),
          (d: Record<string, unknown>) => (d[firstKey] = Buffer.from('new value').toString('base64')),
        ],
        ['removed', view.replace(`${first}\n`, ''), (d: Record<string, unknown>) => delete d[firstKey]],
        ['added', `${view}added.key: x\n`, (d: Record<string, unknown>) => (d['added.key'] = 'eA==')],
      ] as const) {
        const parsed = parseDecodedDocument(edited);
        assert.ok(parsed.ok, label);
        const result = secretEdits(secret, decoded.values, parsed.values);
        if (!result.ok) continue;
        const after = applyEdits(text, result.edits);
        const what = `secret save (${label})\n${text}\n=== after\n${after}`;
        assert.deepEqual(comments(after), comments(text), `comments survive: ${what}`);
        const before = dataOf(text);
        const expected = before.map((doc) => structuredClone(doc) as { kind?: string; metadata?: { name?: string }; data?: Record<string, unknown> });
        const target = expected.find((d) => d.kind === 'Secret' && d.metadata?.name === secret.name)!;
        change(target.data!);
        assert.deepEqual(dataOf(after), expected, what);
        checked++;
      }
    }
  }
  return checked;
}

describe('every edit on manifests in every YAML style', () => {
  it(`keeps data, comments and syntax, and clears its finding (${RUNS} workspaces)`, () => {
    let checked = 0;
    const titles = new Set<string>();
    fc.assert(
      fc.property(styledWorkspace, ({ files }) => {
        const engine = engineWith(files);
        for (const finding of lintAll(engine)) {
          for (const fix of finding.data?.fixes ?? []) {
            checkEdit(files, applyFix(files, fix), finding, fix.title, ALLOWED[finding.code]);
            titles.add(fix.title.replace(/ (PASSWORD|OK|TOKEN|a\.b|K1)\b.*$/, ''));
            checked++;
          }
          if (!finding.data?.ruleId) continue;
          const file = engine.index.getFile(finding.uri)!;
          const ignore = codeActions(file, [toDiagnostic(finding)]).find((a) => a.title.startsWith('Ignore '));
          const name = Object.keys(files).find((n) => uriOf(n) === finding.uri)!;
          const after = { ...files, [name]: applyEdits(files[name]!, (ignore?.edit?.changes?.[finding.uri] ?? []) as TextEdit[]) };
          checkEdit(files, after, finding, 'Ignore here', { paths: [] });
          checked++;
        }
        checked += checkSecretSaves(files);
      }),
      { numRuns: RUNS, examples: EXAMPLES.map((e) => [workspaceOf(e)] as [ReturnType<typeof workspaceOf>]), ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    assert.ok(checked > RUNS, `${checked} edits checked`);
    // The padding repairs and the resources insertion were among them (the EXAMPLES guarantee it).
    for (const title of ['Add the missing `=` padding to', 'Join the 2 base64 parts of', 'Add a cpu request of 100m to web (adjust to the real usage)'])
      assert.ok(titles.has(title), `no "${title}" fix among ${[...titles].join(' | ')}`);
    if (process.env.BIOME_EDITS_VERBOSE) console.log(`${checked} edits checked`);
  });
});
