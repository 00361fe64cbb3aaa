/** The Get Started walkthrough: every step has a short text, a command link that exists, and a shipped image. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; altText: string };
  completionEvents: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string }[]; walkthroughs: { id: string; steps: Step[] }[] };
};
const ours = new Set(manifest.contributes.commands.map((c) => c.command));
/** VS Code's own commands the walkthrough links to. */
const BUILT_IN = new Set(['workbench.action.files.openFolder', 'workbench.actions.view.problems']);
const shipped = fs
  .readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('!'));

describe('Get Started walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('walks through opening a folder, problems, preview, a secret, a new service and Grafana', () => {
    assert.deepEqual(
      walkthrough!.steps.map((s) => s.id),
      ['openFolder', 'seeProblems', 'previewRendered', 'decodeSecret', 'newService', 'openGrafana'],
    );
  });

  it('the Grafana command keeps its id (users bind it) under a title that fits Services and rules alike', () => {
    const grafana = manifest.contributes.commands.find((c) => c.command === 'biomeManifests.openGrafana');
    assert.equal(grafana?.title, 'Open in Grafana');
    const step = walkthrough!.steps.find((s) => s.id === 'openGrafana');
    assert.equal(step?.title, 'Open in Grafana');
    assert.match(step?.description ?? '', /\[Open in Grafana\]\(command:biomeManifests\.openGrafana\)/);
  });

  for (const step of walkthrough!.steps) {
    it(`step ${step.id}: short text, a link to an existing command, a shipped image with alt text`, () => {
      assert.ok(step.description.length <= 320, `${step.description.length} characters`);
      const links = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]!);
      assert.equal(links.length, 1, step.description);
      assert.ok(ours.has(links[0]!) || BUILT_IN.has(links[0]!), `unknown command ${links[0]}`);
      for (const event of step.completionEvents.filter((e) => e.startsWith('onCommand:'))) {
        const id = event.slice('onCommand:'.length);
        assert.ok(ours.has(id) || BUILT_IN.has(id), `completion event on unknown command ${id}`);
      }
      const image = step.media.svg ?? step.media.image;
      assert.ok(image && step.media.altText.length > 10);
      const text = fs.readFileSync(path.join(REPO_ROOT, image), 'utf8');
      assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 \d+ \d+"/);
      assert.doesNotMatch(text, /<script|href=/i, 'no script or links in walkthrough images');
      assert.ok(text.length < 8_000, `${image} stays small (${text.length} bytes)`);
      assert.ok(
        shipped.some((rule) => new RegExp(`^${rule.slice(1).replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`).test(image)),
        `${image} is in the .vsix`,
      );
    });
  }
});
