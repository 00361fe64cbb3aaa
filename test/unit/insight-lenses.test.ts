/** Code lenses come from the server only, from one provider: Grafana over Services and Deployments, Decode over Secrets. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insightProviders } from '../../server/src/engine/insight';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LENS_COMMANDS, lensesInsight } from '../../server/src/engine/insight/lenses';
import { sampleEngine, sampleUri } from '../helpers/sampleEngine';
import { engineWith } from '../helpers/engineHarness';

const engine = sampleEngine();

function lensesOf(path: string): string[] {
  const uri = sampleUri(path);
  return lensesInsight.codeLenses!(engine.index.getFile(uri)!, engine.index).map(
    (l) => `${l.range.start.line + 1} ${l.title} → ${l.command?.id ?? ''} ${JSON.stringify(l.command?.arguments).replaceAll(uri, '<uri>')}`,
  );
}

describe('code lenses', () => {
  it('run commands the extension contributes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    assert.deepEqual(
      Object.values(LENS_COMMANDS).filter((id) => !contributed.has(id)),
      [],
    );
  });

  it('come from one insight provider', () => {
    assert.deepEqual(
      insightProviders.filter((p) => p.codeLenses).map((p) => p.id),
      ['lenses'],
    );
  });

  it('open Grafana from the `kind:` line of each Service and Deployment', () => {
    assert.deepEqual(lensesOf('biome/main-app-deployment.yaml'), [
      '2 Open in Grafana → biomeManifests.openGrafana [{"uri":"<uri>","line":1}]',
      '39 Open in Grafana → biomeManifests.openGrafana [{"uri":"<uri>","line":38}]',
    ]);
  });

  it('decode a Secret, naming it', () => {
    assert.deepEqual(lensesOf('biome/app-secrets.yaml'), [
      '2 Decode → biomeManifests.decodeSecret [{"uri":"<uri>","line":1,"name":"app-secrets","namespace":"default"}]',
    ]);
  });

  it('offer Grafana and Decode only on files on disk (untitled documents have none)', () => {
    const e = engineWith({});
    e.index.setFile('untitled:Untitled-1', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n');
    assert.deepEqual(lensesInsight.codeLenses!(e.index.getFile('untitled:Untitled-1')!, e.index), []);
  });
});
