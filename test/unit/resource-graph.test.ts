/** The resource map's graph of the sample, its layout, and the HTML that draws it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildResourceGraph } from '../../server/src/engine/graph/resourceGraph';
import { COLUMN_GAP, LABEL_CHARS, layoutGraph, NODE_HEIGHT, NODE_WIDTH } from '../../client/src/resourceMap/layout';
import { escapeHtml, makeNonce, resourceMapHtml } from '../../client/src/resourceMap/html';
import type { ResourceGraph } from '../../server/src/protocol';
import { sampleEngine } from '../helpers/sampleEngine';
import { engineWith } from '../helpers/engineHarness';
import { edgeLines as edges, nodeLabel as label } from '../helpers/graphEdges';

const graph = buildResourceGraph(sampleEngine().index);

describe('resource graph of the sample', () => {
  const all = edges(graph);

  it('Service → pods, HPA → workload, workload → Secret keys, patch → base', () => {
    for (const edge of [
      'Service/main-app -[selects pods of]-> Deployment/main-app',
      'HorizontalPodAutoscaler/main-app -[scales]-> Deployment/main-app',
      'Deployment/main-app -[reads key JWT_SECRET]-> Secret/app-secrets',
      'Deployment/ai-personalization -[uses Secret]-> Secret/app-secrets',
      'Deployment/main-app-probes.yaml -[patches]-> Deployment/main-app',
      'PrometheusJob/main-app -[scrapes main-app:3000]-> Service/main-app',
    ]) {
      assert.ok(all.includes(edge), `missing edge ${edge}\n${all.join('\n')}`);
    }
  });

  it('marks the scrape of a port the Service does not expose as a warning, saying which ports it has', () => {
    const warned = graph.edges.filter((e) => e.warning).map((e) => [label(graph, e.from), e.label, e.warning]);
    assert.deepEqual(warned, [
      ['PrometheusJob/main-app', 'scrapes main-app:3000', 'Service main-app does not expose port 3000; it exposes 80 (targetPort 3000)'],
    ]);
  });

  it('marks the scrape targets with no Service as broken references to missing nodes', () => {
    assert.deepEqual(
      all.filter((e) => e.includes('broken')),
      [
        'PrometheusJob/api-gateway -[scrapes api-gateway:3000, broken]-> MISSING Service/api-gateway',
        'PrometheusJob/email-service -[scrapes email-service:3000, broken]-> MISSING Service/email-service',
        'PrometheusJob/messaging-service -[scrapes messaging-service:4200, broken]-> MISSING Service/messaging-service',
      ],
    );
  });

  it("gives every resource node its object's first line to open, also after comments and in multi-document files", () => {
    const secret = graph.nodes.find((n) => n.kind === 'Secret')!;
    assert.deepEqual(secret.location, { uri: 'file:///sample/biome/app-secrets.yaml', line: 0 });
    const e = engineWith({
      'm.yaml': '# the config\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n# second\n\nkind: Secret\napiVersion: v1\nmetadata:\n  name: s\n',
    });
    const lines = Object.fromEntries(buildResourceGraph(e.index).nodes.map((n) => [n.kind, n.location?.line]));
    assert.deepEqual(lines, { ConfigMap: 1, Secret: 8 });
  });

  it('a missing Secret key and a missing HPA target are broken', () => {
    const e = engineWith({
      'd.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: web:1.0.0
          env:
            - name: A
              valueFrom:
                secretKeyRef: { name: s, key: nope }
---
apiVersion: v1
kind: Secret
metadata:
  name: s
data:
  yes: eA==
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: h
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: gone }
  minReplicas: 1
  maxReplicas: 2
`,
    });
    const g = buildResourceGraph(e.index);
    assert.deepEqual(
      edges(g).filter((x) => x.includes('broken')),
      ['Deployment/web -[reads key nope, broken]-> Secret/s', 'HorizontalPodAutoscaler/h -[scales, broken]-> MISSING Deployment/gone'],
    );
  });
});

describe('layout', () => {
  const a = layoutGraph(graph);
  const placed = (id: string) => a.nodes.find((n) => n.node.id === id)!;

  it('is deterministic and puts jobs, Services, workloads, then HPAs/patches/config in columns left to right', () => {
    assert.deepEqual(layoutGraph(graph), a);
    const x = (kind: string): number => a.nodes.find((n) => n.node.kind === kind && n.node.type === 'resource')!.x;
    assert.ok(x('Service') < x('Deployment') && x('Deployment') < x('Secret'));
    assert.equal(x('HorizontalPodAutoscaler'), x('Secret'));
    assert.ok(a.nodes.filter((n) => n.node.kind === 'PrometheusJob').every((n) => n.x < x('Service')));
  });

  it('draws every reference of the sample across one column gap, so no line runs under an unrelated node', () => {
    for (const e of a.edges) {
      assert.equal(Math.abs(placed(e.from).x - placed(e.to).x), NODE_WIDTH + COLUMN_GAP, `${e.from} -> ${e.to}`);
    }
  });

  it('puts each label in the gap beside its source, clear of every node', () => {
    for (const e of a.edges) {
      const half = (Math.min(e.label.length, LABEL_CHARS) * 5) / 2;
      const overlaps = a.nodes.some((n) => e.labelX + half > n.x && e.labelX - half < n.x + NODE_WIDTH && e.labelY > n.y && e.labelY - 9 < n.y + NODE_HEIGHT);
      assert.ok(!overlaps, `label "${e.label}" at ${e.labelX},${e.labelY} overlaps a node`);
    }
  });

  it('merges references between the same two nodes into one edge, the keys listed once', () => {
    const keys = a.edges.filter((e) => e.label.startsWith('reads key'));
    assert.deepEqual(
      keys.map((e) => [e.label, e.title]),
      [['reads keys DATABASE_URL, JWT_SECRET', 'reads key DATABASE_URL\nreads key JWT_SECRET']],
    );
    assert.equal(a.edges.length, graph.edges.length - 1);
  });

  it('orders rows so that linked nodes are level: the main-app HPA beside its Deployment', () => {
    const hpa = a.nodes.find((n) => n.node.kind === 'HorizontalPodAutoscaler' && n.node.name === 'main-app')!;
    const deployment = a.nodes.find((n) => n.node.kind === 'Deployment' && n.node.name === 'main-app')!;
    assert.ok(Math.abs(hpa.y - deployment.y) <= 2 * NODE_HEIGHT, `HPA at ${hpa.y}, Deployment at ${deployment.y}`);
  });
});

describe('resource map HTML', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const evil: ResourceGraph = {
    nodes: [
      { id: 'a', type: 'resource', kind: 'Service', name: hostile, namespace: `"'><script>alert(2)</script>`, location: { uri: 'file:///x.yaml', line: 0 } },
      { id: 'b', type: 'missing', kind: 'Deployment', name: 'x" onload="alert(3)' },
    ],
    edges: [{ from: 'a', to: 'b', label: `selects ${hostile}`, broken: true }],
  };
  const html = resourceMapHtml({ layout: layoutGraph(evil), nonce: 'NONCE123', cspSource: 'vscode-resource:' });

  it('escapes every manifest-derived string', () => {
    assert.ok(!html.includes(hostile));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('onload="alert'));
    assert.ok(html.includes(escapeHtml(hostile)));
    assert.equal(escapeHtml(`<a href="x">'&\``), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#96;');
  });

  it('has a strict CSP with the nonce, and only nonce-bearing scripts and styles', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123';/);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="NONCE123">']);
    assert.deepEqual(html.match(/<style[^>]*>/g), ['<style nonce="NONCE123">']);
    assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, 'no inline event handlers in any tag');
    assert.doesNotMatch(html, /(src|href)="https?:/, 'no remote content');
    assert.doesNotMatch(html, /style="/, 'no style attributes (blocked by the CSP)');
  });

  it('draws broken references in red and counts them', () => {
    assert.match(html, /class="edge broken"/);
    assert.match(html, /1 broken reference \(red\)/);
  });

  it('draws a reference with a problem in orange, counts it, and says what is wrong in its tooltip', () => {
    const warned = resourceMapHtml({ layout: layoutGraph(graph), nonce: 'N', cspSource: 'x' });
    assert.match(
      warned,
      /<path class="edge warning" d="[^"]+" marker-end="url\(#arrow-warning\)"><title>scrapes main-app:3000: Service main-app does not expose port 3000/,
    );
    assert.match(warned, /<text class="edge-label warning"/);
    assert.match(warned, /1 reference with a problem \(orange\)/);
  });

  it('draws edge labels after the nodes, so no node covers them', () => {
    assert.ok(html.lastIndexOf('class="node') < html.indexOf('class="edge-label'));
  });

  it('opens fitted to the editor (the SVG takes the page width, its viewBox the whole graph), with Fit and zoom', () => {
    const sample = layoutGraph(graph);
    const page = resourceMapHtml({ layout: sample, nonce: 'N', cspSource: 'x' });
    const svg = /<svg id="map"[^>]*>/.exec(page)![0];
    assert.doesNotMatch(svg, /\swidth="/, 'no fixed pixel width: the map may not be wider than the editor');
    assert.match(svg, new RegExp(`viewBox="0 0 ${sample.width} ${sample.height}" preserveAspectRatio="xMidYMin meet"`));
    assert.match(page, /#map \{ flex: 1; width: 100%;/);
    for (const id of ['fit', 'zoom-in', 'zoom-out']) assert.match(page, new RegExp(`<button id="${id}" type="button"`));
    assert.match(page, /addEventListener\('wheel'/);
    assert.match(page, /if \(!dragged\) vscode\.postMessage\(\{ type: 'open'/, 'a drag to pan does not open a node');
  });

  it('nonces are 32 alphanumerics', () => {
    assert.match(
      makeNonce((n) => new Uint8Array(n).map((_, i) => i * 7)),
      /^[A-Za-z0-9]{32}$/,
    );
  });
});
