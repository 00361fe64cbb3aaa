import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, positionOf, waitFor, workspaceRoot } from '../helpers';
import { blockThreadFor, HOST_BLOCKING_BOUND_MS, HostBlockingMonitor, HostStallRecorder } from '../hostBlocking';
import { largeManifest, referenceFindings } from '../largeManifest';
import { judgeReports, loadPerCore, UNRESPONSIVE_REPORT_DELAY_MS, WorkbenchLog } from '../workbenchLog';

/**
 * Issue #15, item 10: with a large file open VS Code reported the extension host unresponsive. The host's event
 * loop is sampled while the file opens and while a user works in it; no block may exceed the bound, and VS Code
 * itself may not log the host as unresponsive meanwhile (its check is a round trip through the workbench: a
 * workbench too busy drawing what the extension sent fails it too, with no block in the host).
 */
const FILE = 'biome/e2e-responsive.yaml';

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'biome-manifests');
}

function waitForCount(uri: vscode.Uri, count: number, what: string): Promise<number> {
  const probe = (): number | undefined => (ourDiagnostics(uri).length === count ? count : undefined);
  return waitFor(what, probe, { event: vscode.languages.onDidChangeDiagnostics, timeoutMs: 120_000 });
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the thread busy for `ms` of wall clock (VS Code's unresponsive check counts wall clock). */
function blockWallClock(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // blocking on purpose
  }
}

/** Polls `probe` until it is true or `timeoutMs` passed. */
async function eventually(probe: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!probe() && Date.now() < until) await pause(250);
  return probe();
}

/** Replaces the tag of the first `image` (`needle`) keystroke by keystroke, as typed (~30 ms a key), in the editor. */
async function typeTag(editor: vscode.TextEditor, needle: string, tag: string): Promise<void> {
  const tagAt = needle.lastIndexOf(':') + 1;
  const start = positionOf(editor.document, needle, tagAt);
  await editor.edit((e) => e.delete(new vscode.Range(start, start.translate(0, needle.length - tagAt))));
  for (const [i, ch] of [...tag].entries()) {
    await editor.edit((e) => e.insert(start.translate(0, i), ch));
    await pause(30);
  }
}

async function lookAround(uri: vscode.Uri, editor: vscode.TextEditor): Promise<void> {
  const doc = editor.document;
  const middle = positionOf(doc, 'name: big-240\n', 'name: '.length);
  await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, positionOf(doc, 'kind: Deployment', 'kind: '.length));
  await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, middle);
  await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
  await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', uri);
  for (const line of [middle.line, doc.lineCount - 1, 0]) {
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    // A user's pace: the workbench asks for what the new viewport shows (lenses, sticky scroll) in the meantime.
    await pause(100);
  }
}

/** Closes every editor but `doc`'s, as a user closes a preview or a panel when done with it. */
async function closeOthers(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
  await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
}

describe('the extension host with a large file open', () => {
  const monitor = new HostBlockingMonitor();
  const workbenchLog = new WorkbenchLog();
  before(() => activeExtension());
  after(async function () {
    this.timeout(120_000);
    // The numbers, also when a step failed (docs/PERFORMANCE.md quotes them).
    console.log(`extension host blocking with a large file open:\n${monitor.report()}`);
    // The typed tag is discarded, not saved: close the file unchanged.
    const typedIn = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith(FILE) && d.isDirty);
    if (typedIn) {
      await vscode.window.showTextDocument(typedIn);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Absent when the large-file test did not run (BIOME_E2E_GREP picked the self-tests only).
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), FILE)).then(undefined, (error: unknown) => {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
    });
  });

  it('the sampler sees a block of the host (so the bound below can fail)', async () => {
    const probe = new HostBlockingMonitor();
    await probe.phase('a 300 ms busy loop', async () => {
      await pause(20);
      blockThreadFor(300);
    });
    assert.equal(probe.overBound().length, 1, probe.report());
    assert.ok(probe.phases[0]!.longestBlockMs >= 300, probe.report());
  });

  it('VS Code\'s "extension host is unresponsive" reaches the test (so the check below can fail)', async function () {
    if (!workbenchLog.available) this.skip(); // desktop VS Code: no launcher, no copy of the workbench's log
    this.timeout(180_000);
    // A file of the workspace, not an untitled one: nothing left unsaved for a later "close editors" to ask about.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'biome/app-secrets.yaml'));
    const mark = workbenchLog.mark();
    // The workbench asks this host for a hover while it is blocked for 8 s: reported if the request left the page
    // within 5 s. On a loaded machine the page may take longer to send it: then once more (three times at most).
    for (let attempt = 0; attempt < 3 && workbenchLog.unresponsiveSince(mark).length === 0; attempt++) {
      const hover = vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 2));
      await new Promise<void>((resolve) => setTimeout(() => resolve(blockWallClock(8000)), 10));
      await hover;
      await eventually(() => workbenchLog.responsiveSince(mark).length > 0, 15_000);
    }
    assert.ok(workbenchLog.unresponsiveSince(mark).length > 0, `no report in the workbench log:\n${workbenchLog.linesSince(mark).join('\n')}`);
    // The scenario below starts with the host reported responsive again.
    assert.ok(await eventually(() => workbenchLog.responsiveSince(mark).length > 0, 30_000), 'the host was not reported responsive again');
  });

  it(`is never blocked for more than ${HOST_BLOCKING_BOUND_MS} ms while the file opens and the user works in it`, async function () {
    this.timeout(300_000);
    const text = largeManifest();
    const expected = (await referenceFindings(text)).length;
    const logMark = workbenchLog.available ? workbenchLog.mark() : undefined;
    const stalls = new HostStallRecorder();
    const loads = [loadPerCore()];
    const editor = await monitor.phase('open until all diagnostics show', async () => {
      const opened = await createInWorkspace(FILE, text);
      await waitForCount(opened.document.uri, expected, `${expected} diagnostics on the large file`);
      return opened;
    });
    const uri = editor.document.uri;
    await monitor.phase('type an image tag until its finding shows', async () => {
      await typeTag(editor, 'image: nginx:1.27.1', 'latest');
      await waitForCount(uri, expected + 1, 'the finding of the typed `latest` tag');
    });
    await monitor.phase('hover, completion, symbols, code lenses, folding, scrolling', () => lookAround(uri, editor));
    await monitor.phase('preview the rendered file', async () => {
      await vscode.commands.executeCommand('biomeManifests.previewRendered', uri);
    });
    await closeOthers(editor.document);
    await monitor.phase('show the resource map', async () => {
      await vscode.commands.executeCommand('biomeManifests.showResourceMap');
    });
    await closeOthers(editor.document);
    await monitor.phase('type with the decoded Secret of the file open beside it', async () => {
      await vscode.commands.executeCommand('biomeManifests.decodeSecret', { uri: uri.toString(), name: 'shared' });
      const again = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
      await typeTag(again, 'image: nginx:1.27.1', 'latest');
      await waitForCount(uri, expected + 2, 'the finding of the second typed `latest` tag');
    });
    // A stall at the end is reported up to 4.5 s later.
    if (logMark !== undefined) await pause(UNRESPONSIVE_REPORT_DELAY_MS);
    stalls.stop();
    loads.push(loadPerCore());
    const reports = logMark !== undefined ? workbenchLog.unresponsiveSince(logMark) : [];
    const verdict = judgeReports(reports, stalls.stalls, Math.min(...loads));
    if (verdict.excused.length > 0) {
      const load = loads.map((l) => l.toFixed(1)).join(' → ');
      console.log(`VS Code reported the host unresponsive with no stall of the host, on an overloaded machine (load per core ${load}):`);
      for (const line of verdict.excused) console.log(`  ${line}`);
    }
    const problems = [
      ...monitor.overBound().map((p) => `blocked longer than ${HOST_BLOCKING_BOUND_MS} ms: ${p.phase}`),
      ...verdict.failing.map((line) => `VS Code logged: ${line}`),
    ];
    const stallText = stalls.stalls.map((st) => `host stalled ${new Date(st.fromMs).toISOString()} for ${st.toMs - st.fromMs} ms (${st.cpuMs} ms CPU)`);
    assert.deepEqual(problems, [], `the extension host did not stay responsive:\n${monitor.report()}\n${stallText.join('\n')}`);
  });
});
