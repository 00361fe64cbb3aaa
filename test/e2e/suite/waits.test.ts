import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../helpers';

describe('waitFor, the one way e2e tests wait', () => {
  it('looks again when its event fires, and resolves with the first value', async () => {
    const changes = new vscode.EventEmitter<void>();
    let ready = false;
    const waited = waitFor('the value to be ready', () => (ready ? 'ready' : undefined), { event: changes.event });
    ready = true;
    changes.fire();
    assert.equal(await waited, 'ready');
    changes.dispose();
  });

  it('never looks on a timer: without its event it fails at the deadline, naming what it waited for', async () => {
    const never = new vscode.EventEmitter<void>();
    let ready = false;
    const waited = waitFor('a value nobody announces', () => (ready ? 'ready' : undefined), { event: never.event, timeoutMs: 300 });
    ready = true;
    await assert.rejects(waited, /^Error: Timed out after 300 ms waiting for a value nobody announces \(looked 1 time: at the start and on each event\)\.$/);
    never.dispose();
  });
});
