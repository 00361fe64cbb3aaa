/** The target Kubernetes release: apiVersions removed, deprecated or not yet served in it (no-unsupported-api-version). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineWith, uriOf } from '../helpers/engineHarness';
import { applyEdits } from '../helpers/applyEdits';
import { REPO_ROOT } from './schemaFixtures';
import apiLifecycleData from '../../server/src/engine/schema/apiLifecycle.json';
import type { Finding, FindingFix } from '../../server/src/engine/types';
import { apiStatus, NEWEST_KUBERNETES_VERSION, parseKubernetesVersion, SUPPORTED_KUBERNETES_VERSIONS } from '../../server/src/engine/schema/apiLifecycle';
import { parseArgs } from '../../server/src/cli/args';
import { lintSettingsOf, parseSettings } from '../../server/src/lsp/settings';

const FLOW_SCHEMA =
  'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: fs}\nspec:\n  priorityLevelConfiguration: {name: p}\n';
const CLAIM =
  'apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: gpu}\nspec: {devices: {requests: [{name: gpu, exactly: {deviceClassName: gpu.example.com}}]}}\n';
const INGRESS = 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n';

function check(text: string, kubernetesVersion?: string): Finding[] {
  const engine = engineWith({ 'a.yaml': text });
  return engine.linter.lintFile(uriOf('a.yaml'), { rules: {}, ruleOptions: {}, kubernetesVersion }).filter((f) => f.code.includes('api-version'));
}

function brief(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1} ${f.severity} ${f.code} ${f.message}`;
}

describe('target Kubernetes version', () => {
  it('reports a version removed in the target release as an error naming the release and the replacement', () => {
    assert.deepEqual(check(FLOW_SCHEMA, '1.33').map(brief), [
      '1:13-49 error no-unsupported-api-version FlowSchema fs uses flowcontrol.apiserver.k8s.io/v1beta3, which is removed in Kubernetes 1.32 (deprecated since 1.29); this workspace targets 1.33: the API server rejects it. Use flowcontrol.apiserver.k8s.io/v1.',
    ]);
  });

  it('reports a deprecated version as a warning, with the release it goes away in', () => {
    assert.deepEqual(check(FLOW_SCHEMA, '1.30').map(brief), [
      '1:13-49 warning no-unsupported-api-version FlowSchema fs uses flowcontrol.apiserver.k8s.io/v1beta3, which is deprecated since Kubernetes 1.29 and removed in 1.32; this workspace targets 1.30. Use flowcontrol.apiserver.k8s.io/v1.',
    ]);
  });

  it('reports a version the target release does not serve yet as an error, and is silent from that release on', () => {
    assert.deepEqual(check(CLAIM, '1.31').map(brief), [
      '1:13-31 error no-unsupported-api-version ResourceClaim gpu uses resource.k8s.io/v1, which is served from Kubernetes 1.34 on; this workspace targets 1.31: the API server rejects it. Use resource.k8s.io/v1alpha3.',
    ]);
    assert.deepEqual(check(CLAIM, '1.34'), []);
    assert.deepEqual(check(CLAIM), []);
  });

  it('names a served version of the group when k8s.io/api designates no replacement, without a quick fix', () => {
    const policy = 'apiVersion: admissionregistration.k8s.io/v1alpha1\nkind: ValidatingAdmissionPolicy\nmetadata: {name: p}\nspec: {}\n';
    const [finding] = check(policy, '1.33');
    assert.match(
      finding!.message,
      /removed in Kubernetes 1\.32 \(deprecated since 1\.29\); this workspace targets 1\.33: the API server rejects it\. Use admissionregistration\.k8s\.io\/v1\.$/,
    );
    assert.deepEqual(finding!.data?.fixes ?? [], []);
    const status = apiStatus('resource.k8s.io/v1', 'ResourceClaim', '1.32');
    assert.deepEqual(status && [status.state, status.replacement], [
      'unavailable',
      { apiVersion: 'resource.k8s.io/v1beta1', kind: 'ResourceClaim', designated: false },
    ]);
  });

  it('has a removal release for every deprecated version (k8s.io/api dates both), so deprecations always say when', () => {
    // prerelease-lifecycle-gen sets "removed" to deprecated + 3 releases unless a type names one: the rule
    // has no message for a deprecation without a removal, so data without one would report "removed in ".
    const kinds = Object.entries(apiLifecycleData.kinds as Record<string, { deprecated?: string; removed?: string }>);
    assert.ok(kinds.length > 100, `${kinds.length} group-version-kinds`);
    assert.deepEqual(
      kinds.filter(([, lifecycle]) => lifecycle.deprecated !== undefined && lifecycle.removed === undefined).map(([key]) => key),
      [],
    );
  });

  it('defaults to the newest supported release', () => {
    assert.equal(NEWEST_KUBERNETES_VERSION, '1.36');
    assert.equal(check(FLOW_SCHEMA)[0]?.severity, 'error');
    assert.match(check(FLOW_SCHEMA)[0]!.message, /targets 1\.36/);
  });

  it('rewrites apiVersion where the replacement is a drop-in, and offers nothing where fields changed', () => {
    const [finding] = check(FLOW_SCHEMA, '1.33');
    const fixes = finding?.data?.fixes as FindingFix[];
    assert.deepEqual(
      fixes.map((f) => [f.title, f.safety]),
      [['Rewrite to flowcontrol.apiserver.k8s.io/v1', 'safe']],
    );
    const fixed = applyEdits(FLOW_SCHEMA, fixes[0]!.edits[0]!.edits);
    assert.equal(fixed, FLOW_SCHEMA.replace('v1beta3', 'v1'));
    assert.deepEqual(check(fixed, '1.33'), []);
    const [ingress] = check(INGRESS);
    assert.match(ingress!.message, /removed in Kubernetes 1\.22.*Use networking\.k8s\.io\/v1\.$/);
    assert.deepEqual(ingress!.data?.fixes ?? [], []);
  });

  it('reports a removed version once: the schema check leaves versions the lifecycle data knows to the rule', () => {
    assert.deepEqual(
      check('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n').map((f) => f.code),
      ['no-unsupported-api-version'],
    );
    // The HPA rule keeps owning autoscaling/v2beta*, with its metric conversion.
    const hpa =
      'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {scaleTargetRef: {kind: Deployment, name: h}, maxReplicas: 2}\n';
    assert.deepEqual(
      check(hpa, '1.29').map((f) => f.code),
      ['no-removed-hpa-api-version'],
    );
  });

  it('reads the version from the setting and the CLI option (1.N, v1.N, 1.N.P), rejecting unsupported ones', () => {
    assert.equal(parseKubernetesVersion('v1.31.4'), '1.31');
    assert.equal(parseKubernetesVersion('1.28'), undefined);
    assert.equal(lintSettingsOf(parseSettings({ kubernetesVersion: '1.30' })).kubernetesVersion, '1.30');
    // Unset or unsupported: left to the project config file, then the linter's default (the newest).
    assert.equal(lintSettingsOf(parseSettings({ kubernetesVersion: 'latest' })).kubernetesVersion, undefined);
    assert.equal(lintSettingsOf(parseSettings({ kubernetesVersion: '' })).kubernetesVersion, undefined);
    const args = parseArgs(['check', 'x.yaml', '--kubernetes-version', '1.32']);
    assert.equal(args.command === 'check' && args.kubernetesVersion, '1.32');
    assert.equal(parseArgs(['check', 'x.yaml', '--kubernetes-version=1.9']).command, 'error');
    assert.equal(apiStatus('apps/v1', 'Deployment', '1.29'), undefined);
  });

  it('offers in package.json exactly the supported releases, default empty (the config file, else the newest)', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { enum: string[]; default: string }> } };
    };
    const setting = manifest.contributes.configuration.properties['biomeManifests.kubernetesVersion'];
    assert.deepEqual(setting?.enum, ['', ...SUPPORTED_KUBERNETES_VERSIONS]);
    assert.equal(setting?.default, '');
    assert.match(
      String((setting as { markdownDescription?: string } | undefined)?.markdownDescription),
      new RegExp(`newest supported \\(${NEWEST_KUBERNETES_VERSION}\\)`),
    );
  });
});
