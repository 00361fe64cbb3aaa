/**
 * The differential test: every configuration of the monitoring corpus, and mutations generated from its valid
 * files, gets the same verdict (valid / invalid) from Biome Manifests as from Debian's promtool and amtool. Where
 * the tool names a position (go-yaml's `line N`, a rule's nodes, a PromQL error's column inside the expression),
 * our first error is on that line, and for PromQL on that column (mapped through the YAML scalar).
 * Skips only when the tools are absent outside CI (in CI, `.ci/run` installs them and the test must run).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { FIXTURES_DIR } from '../helpers/paths';
import { formatOf, oracleTools, oracleVerdict, type Format } from '../helpers/monitoringOracle';
import { mutationsOf } from '../helpers/monitoringMutations';
import { oraclePosition } from '../helpers/oraclePositions';
import type { Finding } from '../../server/src/engine/types';

const CORPUS = path.join(FIXTURES_DIR, 'monitoring');

/** Files the Debian tools judge differently for a reason that is not ours to fix. */
const SKIPPED: Record<string, string> = {
  'valid-kubernetes.prometheus.yml':
    "Debian's prometheus 2.42 is built without the Kubernetes service discovery (kubernetes_sd_configs is an unknown field there)",
  'valid-prometheus3.prometheus.yml':
    "Prometheus 3.x fields newer than Debian's 2.42 (http_headers, proxy_from_environment, global scrape_protocols and body_size_limit, otlp, runtime, azuread's managed_identity, protobuf_message); kubernetes_sd_configs and consul_sd_configs are not built into Debian's package. Checked in monitoring-schema.test.ts",
  'valid-alertmanager028.alertmanager.yml':
    "Alertmanager 0.26–0.28 integrations newer than Debian's amtool 0.25 (msteams_configs, msteamsv2_configs, jira_configs, rocketchat_configs, telegram message_thread_id, webhook timeout). Checked in monitoring-schema.test.ts",
};

/**
 * Cases (by a part of their name) where our first error is legitimately elsewhere than the tool's position: the
 * line of the first match of `oursOn` is where ours must be instead.
 */
const POSITION_DIFFERS: { name: string; oursOn: RegExp; reason: string }[] = [
  {
    name: 'for added to a recording rule',
    oursOn: /- record: .*\n\s+for: /,
    reason: 'promtool names the rule by its record: node for every rule-level error; we point at the field to remove (for:)',
  },
  { name: 'invalid-record-for.rules.yml', oursOn: /^\s+for: /m, reason: 'as above: the for: field, not the record: name' },
  {
    name: 'receivers key renamed',
    oursOn: /^\s+receiver: /m,
    reason:
      'amtool stops at the unmarshal error (the unknown key receiver:); we report it too, but the route naming a receiver that no longer exists comes first in the file',
  },
  {
    name: 'invalid-yaml-syntax.prometheus.yml',
    oursOn: /^ {2}- job_name: web/m,
    reason: "go-yaml names the line where the unclosed flow sequence starts; the yaml package the line where it sees the sequence end without ']'",
  },
];

/** Our names per format: what the engine recognises the file as. */
const ENGINE_NAME: Record<Format, string> = { prometheus: 'prometheus.yml', rules: 'alerts.rules.yml', alertmanager: 'alertmanager.yml' };

function ourErrors(format: Format, text: string): Finding[] {
  const findings = lintAll(engineWith({ [ENGINE_NAME[format]]: text }));
  return findings.filter((f) => f.severity === 'error');
}

/** The line where the first match of `pattern` ends. */
function lineOf(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  assert.ok(match, `${pattern} is not in the file`);
  return text.slice(0, match.index + match[0].length).split('\n').length;
}

/** Our first error is where the tool says (or, for a recorded difference, where the record says). */
function assertSamePosition(c: Case, output: string, first: Finding, detail: string): boolean {
  const position = oraclePosition(c.text, output);
  if (!position) return false;
  const ours = { line: first.range.start.line + 1, column: first.range.start.character + 1 };
  const differs = POSITION_DIFFERS.find((d) => c.name.includes(d.name));
  if (differs) {
    assert.ok(!position.lines.includes(ours.line), `recorded as differing, but now the same: ${differs.reason}\n${detail}`);
    assert.equal(ours.line, lineOf(c.text, differs.oursOn), `${differs.reason}\n${detail}`);
    return true;
  }
  assert.ok(position.lines.includes(ours.line), `the tool says line ${position.lines.join(' or ')} (${position.source}), ours ${ours.line}\n${detail}`);
  if (position.column !== undefined) assert.equal(ours.column, position.column, `column (${position.source})\n${detail}`);
  return true;
}

const { versions, skip } = oracleTools();

interface Case {
  name: string;
  format: Format;
  text: string;
}

function corpus(): Case[] {
  const out: Case[] = [];
  for (const name of fs
    .readdirSync(CORPUS)
    .filter((n) => n.endsWith('.yml'))
    .sort()) {
    if (SKIPPED[name]) continue;
    const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
    const format = formatOf(name);
    out.push({ name, format, text });
    if (name.startsWith('valid-')) for (const m of mutationsOf(format, text)) out.push({ name: `${name} (${m.name})`, format, text: m.text });
  }
  return out;
}

describe('monitoring files: the same verdict as promtool and amtool', { skip }, () => {
  it(`uses ${versions.promtool ?? 'promtool'} and ${versions.amtool ?? 'amtool'}`, () => {
    assert.match(versions.promtool!, /promtool, version/);
  });
  const cases = corpus();
  it('has a corpus of hand-written and generated files, valid and invalid', () => {
    assert.ok(cases.length >= 40, `${cases.length} cases`);
  });
  const positioned: string[] = [];
  for (const c of cases) {
    it(c.name, () => {
      const oracle = oracleVerdict(c.format, c.text);
      const ours = ourErrors(c.format, c.text);
      const lines = ours.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.code}: ${f.message}`);
      const detail = `oracle: ${oracle.output}\nours: ${lines.join('\n') || '(no errors)'}\n---\n${c.text}`;
      assert.equal(ours.length === 0, oracle.valid, detail);
      // File names are the corpus's own convention: a hand-written file says what the tools must answer.
      if (!c.name.includes('(')) assert.equal(oracle.valid, c.name.startsWith('valid-'), detail);
      if (ours[0] && assertSamePosition(c, oracle.output, ours[0], detail)) positioned.push(c.name);
    });
  }
  it('compared positions for unmarshal, rule, PromQL (plain, quoted, block) and YAML syntax errors', () => {
    assert.ok(positioned.length >= 40, `${positioned.length} positions compared`);
    for (const kind of ['literal', 'folded', 'quoted', 'single', 'plain-multiline', 'yaml-syntax', 'yaml-type', 'PromQL bracket dropped'])
      assert.ok(
        positioned.some((name) => name.includes(kind)),
        `no position compared for ${kind}`,
      );
  });
});
