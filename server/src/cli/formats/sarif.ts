/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: the rule table with help, results with
 * repository-relative locations under `%SRCROOT%`, stable `partialFingerprints` and the rules' fixes.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Finding, FindingFix, Range, Severity } from '../../engine/types';
import { PROJECT_URL, ruleDocUrl } from '../../links';
import { VERSION } from '../../version';
import { codeCatalog, type CodeInfo } from './catalog';
import { fingerprints, relativeToRoot, SEVERITY_RANK, type ReportInput } from './model';
import { uriToPath } from '../../engine/workspace/uriPath';

/** GitHub refuses a run with more results than this; the most severe are kept. */
export const MAX_SARIF_RESULTS = 25_000;
const FINGERPRINT_KEY = 'biomeManifests/v1';
const LEVEL: Record<Severity | 'off', string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note', off: 'none' };

type Json = Record<string, unknown>;

function region(range: Range): Json {
  // SARIF counts from 1 and its end column is exclusive, like LSP's (both in UTF-16 code units).
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactLocation(root: string, file: string): Json {
  const relative = relativeToRoot(root, file);
  if (relative === undefined) return { uri: pathToFileURL(path.resolve(root, file)).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function ruleDescriptor(info: CodeInfo): Json {
  const markdown = `${info.summary}\n\n**Why:** ${info.rationale}\n\n**Fix:** ${info.remediation}`;
  return {
    id: info.id,
    shortDescription: { text: info.summary },
    fullDescription: { text: info.rationale },
    help: { text: `${info.rationale} ${info.remediation}`, markdown },
    ...(info.documented ? { helpUri: ruleDocUrl(info.id) } : {}),
    defaultConfiguration: { level: LEVEL[info.defaultSeverity], enabled: info.defaultSeverity !== 'off' },
    properties: { tags: ['kubernetes', info.category] },
  };
}

function sarifFix(root: string, fix: FindingFix): Json | undefined {
  const changes: Json[] = [];
  for (const change of fix.edits) {
    const file = uriToPath(change.uri);
    if (file === undefined) return undefined;
    const replacements = change.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } }));
    changes.push({ artifactLocation: artifactLocation(root, file), replacements });
  }
  return { description: { text: fix.title }, artifactChanges: changes };
}

function result(root: string, file: string, f: Finding, ruleIndex: number, fingerprint: string): Json {
  const out: Json = {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(root, file), region: region(f.range) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
  const related = (f.related ?? []).flatMap((r, i) => {
    const target = uriToPath(r.uri);
    if (target === undefined) return [];
    return [{ id: i + 1, message: { text: r.message }, physicalLocation: { artifactLocation: artifactLocation(root, target), region: region(r.range) } }];
  });
  if (related.length > 0) out.relatedLocations = related.slice(0, 1000);
  const fixes = (f.data?.fixes ?? []).map((fix) => sarifFix(root, fix)).filter((x): x is Json => x !== undefined);
  if (fixes.length > 0) out.fixes = fixes;
  // The rule's message id, in the result's property bag (SARIF §3.8): stable across rewordings of the text.
  if (f.messageId !== undefined) out.properties = { messageId: f.messageId };
  return out;
}

export function formatSarif(input: ReportInput): string {
  const catalog = codeCatalog();
  const index = new Map(catalog.map((c, i) => [c.id, i]));
  const all = input.results.flatMap((file) => {
    const prints = fingerprints(file);
    return file.findings.map((f) => ({ file: file.path, f, fingerprint: prints.get(f)! }));
  });
  for (const { f } of all) {
    if (!index.has(f.code)) {
      index.set(f.code, catalog.length);
      catalog.push({ id: f.code, defaultSeverity: f.severity, summary: f.code, rationale: f.code, remediation: '', documented: false, category: 'rule' });
    }
  }
  const kept =
    all.length <= MAX_SARIF_RESULTS ? all : [...all].sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity]).slice(0, MAX_SARIF_RESULTS);
  const run: Json = {
    tool: { driver: { name: 'biome-manifests', version: VERSION, semanticVersion: VERSION, informationUri: PROJECT_URL, rules: catalog.map(ruleDescriptor) } },
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(input.root).href.replace(/\/?$/, '/') } },
    columnKind: 'utf16CodeUnits',
    results: kept.map(({ file, f, fingerprint }) => result(input.root, file, f, index.get(f.code)!, fingerprint)),
  };
  if (kept.length < all.length) {
    const text = `${all.length - kept.length} of ${all.length} results were left out: GitHub code scanning accepts at most ${MAX_SARIF_RESULTS} per run (the most severe are kept).`;
    run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text } }] }];
  }
  return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2);
}
