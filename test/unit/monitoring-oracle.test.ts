/**
 * The differential test: every configuration of the monitoring corpus, and mutations generated from its valid
 * files, gets the same verdict (valid / invalid) from Biome Manifests as from Debian's promtool and amtool.
 * Skips only when the tools are absent outside CI (in CI, `.ci/run` installs them and the test must run).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { FIXTURES_DIR } from '../helpers/paths';
import { formatOf, oracleVerdict, toolVersion, type Format } from '../helpers/monitoringOracle';
import { mutationsOf } from '../helpers/monitoringMutations';

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

/** Our names per format: what the engine recognises the file as. */
const ENGINE_NAME: Record<Format, string> = { prometheus: 'prometheus.yml', rules: 'alerts.rules.yml', alertmanager: 'alertmanager.yml' };

function ourErrors(format: Format, text: string): string[] {
  const findings = lintAll(engineWith({ [ENGINE_NAME[format]]: text }));
  return findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.message}`);
}

const versions = { promtool: toolVersion('promtool'), amtool: toolVersion('amtool') };
const missing = !versions.promtool || !versions.amtool;
if (missing && process.env['CI']) throw new Error('promtool and amtool must be installed in CI (.ci/run installs prometheus and prometheus-alertmanager)');
const skip = missing ? 'promtool/amtool not installed (apt-get install prometheus prometheus-alertmanager)' : false;

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
  for (const c of cases) {
    it(c.name, () => {
      const oracle = oracleVerdict(c.format, c.text);
      const ours = ourErrors(c.format, c.text);
      const detail = `oracle: ${oracle.output}\nours: ${ours.join('\n') || '(no errors)'}\n---\n${c.text}`;
      assert.equal(ours.length === 0, oracle.valid, detail);
      // File names are the corpus's own convention: a hand-written file says what the tools must answer.
      if (!c.name.includes('(')) assert.equal(oracle.valid, c.name.startsWith('valid-'), detail);
    });
  }
});
