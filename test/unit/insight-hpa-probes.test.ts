/** The HPA and probe insight providers on the sample: hovers, definitions, references, completion, lenses. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nodeAtOffset } from '../../server/src/engine/insight/astPath';
import { hpaInsight } from '../../server/src/engine/insight/hpa';
import { lensesInsight } from '../../server/src/engine/insight/lenses';
import { probesInsight } from '../../server/src/engine/insight/probes';
import type { CursorContext, Location } from '../../server/src/engine/insight/types';
import type { Engine } from '../../server/src/setup';
import { sampleEngine, sampleUri } from '../helpers/sampleEngine';

/** The cursor placed `delta` characters into the first occurrence of `needle` in the file. */
function cursorAt(engine: Engine, relative: string, needle: string, delta = 0): CursorContext {
  const file = engine.index.getFile(sampleUri(relative))!;
  const found = file.text.indexOf(needle);
  assert.ok(found >= 0, `${needle} not in ${relative}`);
  const offset = found + delta;
  const doc = file.documents.find((d) => d.start <= offset && offset <= d.start + d.text.length)!;
  const local = offset - doc.start;
  return { index: engine.index, file, doc, offset: local, at: nodeAtOffset(doc, local), settings: { showDecodedSecrets: false } };
}

function where(locations: Location[]): string[] {
  return locations.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line + 1}:${l.range.start.character + 1}`);
}

/** Replaces the text from `needle` to the end of its line with `replacement`, for half-typed lines. */
function typed(relative: string, needle: string, replacement: string): Record<string, string> {
  const engine = sampleEngine();
  const text = engine.index.getFile(sampleUri(relative))!.text;
  const start = text.indexOf(needle);
  const end = text.indexOf('\n', start);
  return { [relative]: text.slice(0, start) + replacement + text.slice(end) };
}

describe('HPA insight', () => {
  const engine = sampleEngine();

  it('hovers an HPA with its target, bounds, metric and the missing request', () => {
    const hover = hpaInsight.hover!(cursorAt(engine, 'biome/main-app-hpa.yaml', 'HorizontalPodAutoscaler', 2))!;
    assert.equal(
      hover.markdown,
      [
        '**HPA main\\-app** scales Deployment `main-app` between **2** and **10** replicas at **50% CPU**.',
        '',
        'Target defined in main\\-app\\-deployment\\.yaml + main\\-app\\-probes\\.yaml.',
        '',
        'Requests:',
        '- ✗ no cpu request in `main-app`: utilization cannot be computed, the HPA will not scale',
      ].join('\n'),
    );
    const ok = hpaInsight.hover!(cursorAt(engine, 'biome/ai-personalization-hpa.yaml', 'averageUtilization', 3))!;
    assert.match(ok.markdown, /between \*\*1\*\* and \*\*5\*\* replicas at \*\*60% CPU\*\*[\s\S]*✓ every container requests cpu/);
  });

  it('goes from scaleTargetRef to the base Deployment, and finds the HPAs of a Deployment', () => {
    assert.deepEqual(where(hpaInsight.definition!(cursorAt(engine, 'biome/main-app-hpa.yaml', 'name: main-app\n  minReplicas', 8))), [
      'main-app-deployment.yaml:4:9',
    ]);
    assert.deepEqual(where(hpaInsight.references!(cursorAt(engine, 'biome/main-app-deployment.yaml', 'name: main-app', 8))), ['main-app-hpa.yaml:9:11']);
    assert.deepEqual(where(hpaInsight.references!(cursorAt(engine, 'biome/main-app-probes.yaml', 'kind: Deployment', 7))), ['main-app-hpa.yaml:9:11']);
  });

  it('completes scaleTargetRef names with the workloads of the kind in the namespace', () => {
    const edited = sampleEngine(typed('biome/main-app-hpa.yaml', 'name: main-app\n  minReplicas', 'name: m'));
    const items = hpaInsight.completion!(cursorAt(edited, 'biome/main-app-hpa.yaml', 'name: m\n', 7));
    assert.deepEqual(
      items.map((i) => `${i.label} (${i.detail})`),
      ['ai-personalization (Deployment in default)', 'main-app (Deployment in default)'],
    );
  });

  it('puts a code lens over each HPA that reveals its target', () => {
    const lenses = lensesInsight.codeLenses!(engine.index.getFile(sampleUri('biome/main-app-hpa.yaml'))!, engine.index);
    assert.deepEqual(
      lenses.map((l) => `${l.range.start.line + 1} ${l.title} → ${l.command?.id ?? ''}`),
      ['2 scales Deployment main-app 2–10 at 50% CPU → biomeManifests.revealTarget'],
    );
    assert.deepEqual(where(lenses[0]!.command!.arguments as Location[]), ['main-app-deployment.yaml:4:9']);
  });
});

describe('probe insight', () => {
  const engine = sampleEngine();

  it('hovers a probe key in a patch with its timeline on the rendered container', () => {
    const hover = probesInsight.hover!(cursorAt(engine, 'biome/main-app-probes.yaml', 'livenessProbe', 3))!;
    assert.equal(
      hover.markdown,
      [
        '**liveness probe** of container `main-app` (rendered):',
        '',
        'initial delay 30s · period 10s · timeout 1s _(default)_ · failure threshold 3 _(default)_ · success threshold 1 _(default)_',
        '',
        '- first check **30s** after the container starts, then every 10s',
        '- a container that never answers is restarted at the earliest **60s** after the container starts (initial delay + 3 × 10s)',
        '- a container that hangs later is restarted about **30s** after it stops answering',
      ].join('\n'),
    );
    assert.equal(hover.range?.start.line, 10);
    const readiness = probesInsight.hover!(cursorAt(engine, 'biome/main-app-probes.yaml', 'periodSeconds: 5', 2))!;
    assert.match(readiness.markdown, /ready at the earliest \*\*10s\*\* after the container starts/);
  });

  it('goes from a probe port name in the patch to the named containerPort in the base', () => {
    assert.deepEqual(where(probesInsight.definition!(cursorAt(engine, 'biome/ai-personalization-probes.yaml', 'port: http', 7))), [
      'ai-personalization-deployment.yaml:20:21',
    ]);
    assert.deepEqual(where(probesInsight.definition!(cursorAt(engine, 'biome/main-app-probes.yaml', 'port: 3000', 7))), ['main-app-deployment.yaml:21:30']);
  });

  it('completes probe ports from the declared ports of the rendered container', () => {
    const edited = sampleEngine(typed('biome/ai-personalization-probes.yaml', 'port: http', 'port: h'));
    const items = probesInsight.completion!(cursorAt(edited, 'biome/ai-personalization-probes.yaml', 'port: h', 7));
    assert.deepEqual(
      items.map((i) => `${i.label} (${i.detail})`),
      ['http (containerPort 3010 of container ai-personalization)'],
    );
  });
});
