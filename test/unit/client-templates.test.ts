/** New Service's files, every snippet and every skeleton validate clean with the engine (no findings at warning or above). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { serviceFiles, validateAnswers, validateImage, validateName, validateMaxReplicas, type ServiceAnswers } from '../../client/src/newService/template';
import { REPO_ROOT } from '../helpers/paths';
import { engineWith, uriOf } from '../helpers/engineHarness';
import type { Engine } from '../../server/src/setup';
import { SKELETONS, expandSnippet as expandSkeleton } from '../../server/src/engine/schema/skeletons';

/** Findings at warning or above, as `file:line code: message`. */
function messages(engine: Engine, names: readonly string[]): string[] {
  return names
    .flatMap((name) => engine.linter.lintFile(uriOf(name)))
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.uri.slice(f.uri.lastIndexOf('/') + 1)}:${f.range.start.line + 1} ${f.code}: ${f.message}`);
}

const answers: ServiceAnswers = {
  name: 'billing',
  image: 'registry.example.com/billing:2.3.1',
  port: 8080,
  healthPath: '/healthz',
  minReplicas: 2,
  maxReplicas: 6,
  cpuTarget: 65,
};

describe('New Service', () => {
  it('writes the three files of the biome convention', () => {
    assert.deepEqual(
      serviceFiles(answers).map((f) => f.name),
      ['billing-deployment.yaml', 'billing-hpa.yaml', 'billing-probes.yaml'],
    );
  });

  it('the generated files validate clean together', () => {
    const files = Object.fromEntries(serviceFiles(answers).map((f) => [f.name, f.text]));
    const engine = engineWith(files);
    assert.deepEqual(messages(engine, Object.keys(files)), []);
  });

  it('the probes file is a patch merged over the Deployment', () => {
    const engine = engineWith(Object.fromEntries(serviceFiles(answers).map((f) => [f.name, f.text])));
    const [deployment] = engine.index.objectsOfKind('Deployment');
    assert.equal(deployment!.patches.length, 1);
  });

  it('validates the answers with messages that say what is expected', () => {
    assert.equal(validateName('billing-v2'), undefined);
    assert.match(validateName('Billing')!, /not a DNS label/);
    assert.match(validateName('2fa')!, /starting with a letter/);
    assert.match(validateName('a'.repeat(64))!, /at most 63/);
    assert.match(validateImage('nginx')!, /Pin the image/);
    assert.match(validateImage('nginx:latest')!, /Pin the image/);
    assert.equal(validateImage('registry:5000/team/app@sha256:abc'), undefined);
    assert.match(validateMaxReplicas('1', 2)!, /between 2 and 1000/);
    assert.deepEqual(validateAnswers({ ...answers, port: 70000, healthPath: 'health' }).length, 2);
  });
});

/** Expands a VS Code snippet body with its defaults: ${1:x} → x, $1 → x, ${1|a,b|} → a, $0 → ''. */
export function expandSnippet(body: string): string {
  const values = new Map<string, string>();
  const resolveRefs = (text: string): string =>
    text.replace(/\$(\d+)|\$\{(\d+)\}/g, (_, a: string | undefined, b: string | undefined) => values.get((a ?? b)!) ?? '');
  let text = body.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => {
    const first = choices.split(',')[0]!;
    if (!values.has(n)) values.set(n, first);
    return first;
  });
  for (let guard = 0; guard < 100 && /\$\{\d+:[^{}]*\}/.test(text); guard++) {
    text = text.replace(/\$\{(\d+):([^{}]*)\}/, (_, n: string, def: string) => {
      const value = resolveRefs(def);
      if (!values.has(n)) values.set(n, value);
      return value;
    });
  }
  return resolveRefs(text);
}

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const snippets = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'kubernetes.json'), 'utf8')) as Record<string, Snippet>;
const expanded = Object.fromEntries(Object.entries(snippets).map(([name, s]) => [name, expandSnippet(s.body.join('\n')) + '\n']));

/** Snippets that refer to another object are checked next to the snippet that defines it. */
const COMPANIONS: Record<string, string[]> = { Service: ['Deployment'], HorizontalPodAutoscaler: ['Deployment'], 'Probes patch': ['Deployment'] };

describe('snippets', () => {
  it('the expander resolves defaults, mirrors, choices and $0', () => {
    assert.equal(expandSnippet('a: ${1:x}\nb: $1\nc: ${2|p,q|}\nd: ${3:$1-y}$0'), 'a: x\nb: x\nc: p\nd: x-y');
  });

  it('cover Deployment, Service, HPA, probes patch, Secret, ConfigMap, DaemonSet, Namespace and a service bundle', () => {
    assert.deepEqual(Object.keys(snippets).sort(), [
      'ConfigMap',
      'DaemonSet',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Namespace',
      'Probes patch',
      'Secret',
      'Service',
      'Service bundle',
    ]);
    for (const s of Object.values(snippets)) assert.match(s.prefix, /^k8s-/);
  });

  for (const [name, text] of Object.entries(expanded)) {
    it(`${name} expands to a manifest that validates clean`, () => {
      assert.doesNotMatch(text, /:latest\b/);
      const files: Record<string, string> = { 'snippet.yaml': text };
      for (const companion of COMPANIONS[name] ?? []) files[`companion-${companion}.yaml`] = expanded[companion]!;
      const engine = engineWith(files);
      assert.deepEqual(messages(engine, ['snippet.yaml']), []);
      assert.ok(
        engine.index.getFile(uriOf('snippet.yaml'))!.documents.every((d) => d.identity),
        'every document is a Kubernetes object',
      );
    });
  }
});

/** The skeleton of a kind, expanded with its defaults (every skeleton names its object `name`). */
const skeleton = (kind: string) => expandSkeleton(SKELETONS.find((s) => s.kind === kind)!.body);

/** Objects a skeleton refers to, or that may act on it: an HPA may own a workload's scale. */
function skeletonCompanions(kind: string): string[] {
  const hpaOn = (target: string) => skeleton('HorizontalPodAutoscaler').replace('kind: Deployment', `kind: ${target}`);
  if (kind === 'Deployment' || kind === 'StatefulSet') return [hpaOn(kind)];
  if (kind === 'HorizontalPodAutoscaler' || kind === 'Service' || kind === 'Ingress') return [skeleton('Deployment')];
  return [];
}

describe('skeletons (completion in an empty document)', () => {
  for (const { kind } of SKELETONS) {
    it(`${kind} expands to a manifest that passes every rule${skeletonCompanions(kind).length ? ' next to its companion' : ''}`, () => {
      const files: Record<string, string> = { 'skeleton.yaml': skeleton(kind) };
      skeletonCompanions(kind).forEach((text, i) => (files[`companion-${i}.yaml`] = text));
      assert.deepEqual(messages(engineWith(files), ['skeleton.yaml']), []);
    });
  }

  it('a Deployment skeleton leaves replicas to the HPA', () => {
    assert.doesNotMatch(skeleton('Deployment'), /replicas:/);
  });
});
