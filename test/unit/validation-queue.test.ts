/** The server's validation queue: a single change is checked at once, a burst is merged behind its debounce. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ValidationQueue } from '../../server/src/lsp/validationQueue';

/** A queue whose checks are recorded; `next()` resolves on the next check started. */
function recordingQueue(): { queue: ValidationQueue; checked: string[]; next: () => Promise<string> } {
  const checked: string[] = [];
  let waiting: ((uri: string) => void) | undefined;
  const queue = new ValidationQueue(async (uri) => {
    checked.push(uri);
    waiting?.(uri);
    waiting = undefined;
  });
  return { queue, checked, next: () => new Promise((resolve) => (waiting = resolve)) };
}

describe('validation queue', { timeout: 10_000 }, () => {
  it('checks the first change after a pause at once, not after the debounce', async () => {
    const { queue, checked, next } = recordingQueue();
    const debounceMs = 60_000; // a wait this long would time the test out: only the leading edge can pass
    const started = next();
    queue.schedule('file:///a.yaml', debounceMs);
    assert.equal(await started, 'file:///a.yaml');
    assert.deepEqual(checked, ['file:///a.yaml']);
    queue.dispose();
  });

  it('merges a burst that arrives at once into one check, started at once', async () => {
    const { queue, checked, next } = recordingQueue();
    const first = next();
    for (let i = 0; i < 5; i++) queue.schedule('file:///a.yaml', 40);
    await first;
    await sleep(120); // longer than the debounce: any further check would have started by now
    assert.equal(checked.length, 1, `checks: ${checked.length}`);
    queue.dispose();
  });

  it('merges typing: after the first change, the changes that follow are checked once after the pause', async () => {
    const { queue, checked, next } = recordingQueue();
    const first = next();
    queue.schedule('file:///a.yaml', 40);
    await first;
    const trailing = next();
    for (let i = 0; i < 3; i++) queue.schedule('file:///a.yaml', 40);
    await trailing;
    await sleep(120);
    assert.equal(checked.length, 2, `checks: ${checked.length}`);
    queue.dispose();
  });

  it('a change soon after the last one waits for the debounce (typing is merged)', async () => {
    const { queue, checked, next } = recordingQueue();
    const first = next();
    queue.schedule('file:///a.yaml', 60_000);
    await first;
    queue.schedule('file:///a.yaml', 60_000);
    await sleep(50);
    assert.equal(checked.length, 1, 'the second change waits for a pause in typing');
    queue.cancel('file:///a.yaml');
    queue.dispose();
  });

  it('keeps files apart: a burst on one file does not delay another', async () => {
    const { queue, checked, next } = recordingQueue();
    const a = next();
    queue.schedule('file:///a.yaml', 60_000);
    await a;
    queue.schedule('file:///a.yaml', 60_000);
    const b = next();
    queue.schedule('file:///b.yaml', 60_000);
    assert.equal(await b, 'file:///b.yaml');
    assert.deepEqual(checked, ['file:///a.yaml', 'file:///b.yaml']);
    queue.cancel('file:///a.yaml');
    queue.dispose();
  });
});
