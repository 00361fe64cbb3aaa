/** Secret, reference and Service insight on the sample: hovers, definitions, references, completion. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nodeAtOffset } from '../../server/src/engine/insight/astPath';
import { codeBlock, secretsInsight, secretValueMarkdown } from '../../server/src/engine/insight/secrets';
import { referencesInsight } from '../../server/src/engine/insight/references';
import { servicesInsight } from '../../server/src/engine/insight/services';
import { insightProviders } from '../../server/src/engine/insight';
import { inlineCode, type CursorContext, type Location } from '../../server/src/engine/insight/types';
import type { Engine } from '../../server/src/setup';
import { sampleEngine, sampleUri } from '../helpers/sampleEngine';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { REPO_ROOT } from '../helpers/paths';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The cursor placed `delta` characters into the first occurrence of `needle` in the file. */
function cursorAt(engine: Engine, relative: string, needle: string, delta = 0, showDecodedSecrets = false): CursorContext {
  const file = engine.index.getFile(sampleUri(relative))!;
  const found = file.text.indexOf(needle);
  assert.ok(found >= 0, `${needle} not in ${relative}`);
  const offset = found + delta;
  const doc = file.documents.find((d) => d.start <= offset && offset <= d.start + d.text.length)!;
  const local = offset - doc.start;
  return { index: engine.index, file, doc, offset: local, at: nodeAtOffset(doc, local), settings: { showDecodedSecrets } };
}

function where(locations: Location[]): string[] {
  return locations.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line + 1}:${l.range.start.character + 1}`);
}

/** The sample with the text from `needle` to the end of its line replaced, for half-typed lines. */
function typed(relative: string, needle: string, replacement: string): Engine {
  const text = sampleEngine().index.getFile(sampleUri(relative))!.text;
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle} not in ${relative}`);
  const end = text.indexOf('\n', start);
  return sampleEngine({ [relative]: text.slice(0, start) + replacement + text.slice(end) });
}

const DEPLOYMENT = 'biome/main-app-deployment.yaml';
/** Zero-based line of `JWT_SECRET:` in the sample's app-secrets.yaml. */
const LINE_OF_JWT_SECRET = 6;

describe('Secret value hover', () => {
  const engine = sampleEngine();

  it('shows size, kind and a Reveal link (where the value is, not the value) unless showDecodedSecrets is on', () => {
    const hidden = secretsInsight.hover!(cursorAt(engine, 'biome/app-secrets.yaml', 'c3VwZXJz', 2))!;
    const target = { uri: sampleUri('biome/app-secrets.yaml'), line: hidden.range!.start.line, character: hidden.range!.start.character };
    assert.deepEqual(target.line, LINE_OF_JWT_SECRET);
    const link = `command:biomeManifests.revealSecretValue?${encodeURIComponent(JSON.stringify([target]))}`;
    assert.equal(
      hidden.markdown,
      `**data.JWT\\_SECRET**: 11 bytes of text.\n\n[Reveal](${link} "Show the decoded value") the decoded value, or turn on \`biomeManifests.secrets.showDecoded\` to show decoded values in hovers.`,
    );
    assert.doesNotMatch(hidden.markdown, /supersecret|c3VwZXJz/);
    const shown = secretsInsight.hover!(cursorAt(engine, 'biome/app-secrets.yaml', 'cG9zdGdy', 2, true))!;
    assert.equal(shown.markdown, '**data.DATABASE\\_URL**: 28 bytes of text.\n\n```text\npostgres://user:pass@host/db\n```');
  });

  it('shows no decoded value by default: the server default and the declared setting agree (off)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    assert.equal(manifest.contributes.configuration.properties['biomeManifests.secrets.showDecoded']!.default, false);
    assert.equal(DEFAULT_SETTINGS.showDecodedSecrets, false);
  });

  it('shows binary values as size and hex, and invalid ones as the problem', () => {
    assert.equal(secretValueMarkdown('k', 'iVBORw0KGgo=', true), '**data.k**: 8 bytes of binary data.\n\n```text\n89 50 4e 47 0d 0a 1a 0a\n```');
    assert.equal(
      secretValueMarkdown('k', 'supersecret', true),
      '**data.k** is not valid base64: a length that is not a multiple of 4 (missing padding) (character 12).',
    );
  });

  it('fences decoded text so that backticks in it cannot close the block', () => {
    assert.equal(codeBlock('a ``` b'), '````text\na ``` b\n````');
  });
});

describe('inline code in hovers', () => {
  it('shows names verbatim: backslash escapes are literal inside a code span', () => {
    assert.equal(inlineCode('app-secrets'), '`app-secrets`');
    assert.equal(inlineCode('DATABASE_URL'), '`DATABASE_URL`');
    assert.equal(inlineCode('<b>*x*</b>'), '`<b>*x*</b>`');
  });

  it('uses a fence longer than any backtick run in the text, padded when the text touches a backtick', () => {
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('`x``'), '``` `x`` ```');
  });

  it('keeps the span on one paragraph when the text has line breaks', () => {
    assert.equal(inlineCode('a\n\nb'), '`a b`');
  });
});

describe('reference insight', () => {
  const engine = sampleEngine();

  it('hovers a secretKeyRef name and key with what they point at (never the value)', () => {
    const name = referencesInsight.hover!(cursorAt(engine, DEPLOYMENT, 'name: app-secrets', 8))!;
    assert.equal(name.markdown, 'Secret `app-secrets` in namespace `default`, defined in app\\-secrets\\.yaml.\n\nKeys: `DATABASE_URL`, `JWT_SECRET`');
    const key = referencesInsight.hover!(cursorAt(engine, DEPLOYMENT, 'key: JWT_SECRET', 6))!;
    assert.equal(key.markdown, 'Key `JWT_SECRET` of Secret `app-secrets`, set in `data` (app\\-secrets\\.yaml).');
  });

  it('goes to the Secret, the key line, and the Secret of an envFrom', () => {
    assert.deepEqual(where(referencesInsight.definition!(cursorAt(engine, DEPLOYMENT, 'name: app-secrets', 8))), ['app-secrets.yaml:4:9']);
    assert.deepEqual(where(referencesInsight.definition!(cursorAt(engine, DEPLOYMENT, 'key: DATABASE_URL', 6))), ['app-secrets.yaml:8:3']);
    const envFrom = cursorAt(engine, 'biome/ai-personalization-deployment.yaml', 'name: app-secrets', 8);
    assert.deepEqual(where(referencesInsight.definition!(envFrom)), ['app-secrets.yaml:4:9']);
  });

  it('finds the references to a Secret and to one of its keys', () => {
    const secret = cursorAt(engine, 'biome/app-secrets.yaml', 'name: app-secrets', 8);
    assert.deepEqual(where(referencesInsight.references!(secret)), [
      'ai-personalization-deployment.yaml:30:23',
      'main-app-deployment.yaml:30:25',
      'main-app-deployment.yaml:35:25',
    ]);
    const key = cursorAt(engine, 'biome/app-secrets.yaml', 'JWT_SECRET', 2);
    assert.deepEqual(where(referencesInsight.references!(key)), ['main-app-deployment.yaml:31:24']);
  });

  it('completes Secret names, and the keys of the Secret named next to the key', () => {
    const names = typed(DEPLOYMENT, 'name: app-secrets\n                  key: JWT_SECRET', 'name: ap');
    const atName = cursorAt(names, DEPLOYMENT, 'name: ap\n', 8);
    assert.deepEqual(
      referencesInsight.completion!(atName).map((c) => `${c.label} (${c.detail})`),
      ['app-secrets (Secret in default)'],
    );
    const keys = typed(DEPLOYMENT, 'key: JWT_SECRET', 'key: J');
    const atKey = cursorAt(keys, DEPLOYMENT, 'key: J\n', 6);
    assert.deepEqual(
      referencesInsight.completion!(atKey).map((c) => c.label),
      ['JWT_SECRET', 'DATABASE_URL'],
    );
  });
});

describe('Service insight', () => {
  const engine = sampleEngine();

  it('hovers a selector with the workloads it selects, and a named targetPort with its containerPort', () => {
    assert.equal(
      servicesInsight.hover!(cursorAt(engine, DEPLOYMENT, 'app: main-app\n  ports', 6))!.markdown,
      'Selects the pods of:\n- Deployment main\\-app (main\\-app\\-deployment\\.yaml + main\\-app\\-probes\\.yaml)',
    );
    assert.equal(
      servicesInsight.hover!(cursorAt(engine, 'biome/ai-personalization-deployment.yaml', 'targetPort: http', 13))!.markdown,
      'Targets:\n- containerPort `http` (3010)/TCP of container `ai-personalization` in Deployment ai\\-personalization',
    );
  });

  it('goes from the selector to the template labels and from targetPort to the containerPort', () => {
    assert.deepEqual(where(servicesInsight.definition!(cursorAt(engine, DEPLOYMENT, 'app: main-app\n  ports', 6))), ['main-app-deployment.yaml:14:7']);
    const named = cursorAt(engine, 'biome/ai-personalization-deployment.yaml', 'targetPort: http', 13);
    assert.deepEqual(where(servicesInsight.definition!(named)), ['ai-personalization-deployment.yaml:21:15']);
    assert.deepEqual(where(servicesInsight.definition!(cursorAt(engine, DEPLOYMENT, 'targetPort: 3000', 13))), ['main-app-deployment.yaml:21:15']);
  });

  it('finds the Services that select a workload', () => {
    assert.deepEqual(where(servicesInsight.references!(cursorAt(engine, DEPLOYMENT, 'name: main-app', 8))), ['main-app-deployment.yaml:44:3']);
  });

  it('completes targetPort with the declared container ports', () => {
    const edited = typed('biome/ai-personalization-deployment.yaml', 'targetPort: http', 'targetPort: h');
    const items = servicesInsight.completion!(cursorAt(edited, 'biome/ai-personalization-deployment.yaml', 'targetPort: h', 13));
    assert.deepEqual(
      items.map((i) => `${i.label} (${i.detail})`),
      [
        'http (containerPort 3010 of ai-personalization (Deployment ai-personalization))',
        '3010 (containerPort 3010 of ai-personalization (Deployment ai-personalization))',
      ],
    );
  });
});

describe('registry', () => {
  it('registers the three providers', () => {
    for (const id of ['secrets', 'references', 'services'])
      assert.ok(
        insightProviders.some((p) => p.id === id),
        id,
      );
  });
});
