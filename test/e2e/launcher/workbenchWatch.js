// What the launcher records of the workbench (the browser page), beside the tests' own output:
// - every line of the workbench's log (its ConsoleLogInAutomationLogger arrives through codeAutomationLog) with the
//   time it arrived, in a file whose path the extension host gets as BIOME_E2E_WORKBENCH_LOG. VS Code logs there
//   "Extension host (Remote) is unresponsive." when the host has not acknowledged a request for 3 s, and the
//   tests read it (hostResponsiveness.test.ts): code-server keeps that log in the browser, out of the host's reach.
// - with BIOME_E2E_WORKBENCH_PROFILE=<dir>: a CPU profile of the page's main thread over the whole run
//   (renderer.cpuprofile, with clock.json to turn its monotonic times into wall clock), its long tasks
//   (longtasks.log: start and duration) and the browser-side logs VS Code hands over at the end (browser/).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Sets the log file's path in this process's environment, which code-server and its extension host inherit. */
function workbenchLogFor(dirs) {
  const file = path.join(dirs.root, 'workbench.log');
  fs.writeFileSync(file, '');
  process.env.BIOME_E2E_WORKBENCH_LOG = file;
  return file;
}

function appendLine(file, type, line) {
  fs.appendFileSync(file, `${new Date().toISOString()} ${type} ${line}\n`);
}

/** Starts the profile and the long-task observer when asked for; returns what to call when the tests end. */
async function startWorkbenchProfile(page) {
  const dir = process.env.BIOME_E2E_WORKBENCH_PROFILE;
  if (!dir) return async () => {};
  fs.mkdirSync(dir, { recursive: true });
  const tasks = new Set();
  await page.exposeFunction('biomeLongTask', (at, ms) => {
    // Each frame of the page reports the same tasks: keep one line per task.
    const line = `${new Date(at).toISOString()} ${Math.round(ms)}`;
    if (!tasks.has(line)) fs.appendFileSync(path.join(dir, 'longtasks.log'), `${line}\n`);
    tasks.add(line);
  });
  // Runs in the page (a browser global, not Node's).
  await page.addInitScript(() => {
    /* global PerformanceObserver */
    const report = (list) => list.getEntries().forEach((e) => window.biomeLongTask(performance.timeOrigin + e.startTime, e.duration));
    new PerformanceObserver(report).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return async (browserLogs) => {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(path.join(dir, 'renderer.cpuprofile'), JSON.stringify(profile));
    // Chromium's profile times are CLOCK_MONOTONIC microseconds, as is process.hrtime here.
    fs.writeFileSync(path.join(dir, 'clock.json'), JSON.stringify({ epochMs: Date.now(), monoUs: Number(process.hrtime.bigint() / 1000n) }));
    for (const { relativePath, contents } of browserLogs || []) {
      const file = path.join(dir, 'browser', relativePath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, contents);
    }
    console.log(`[e2e] workbench profile, long tasks and logs in ${dir}`);
  };
}

module.exports = { workbenchLogFor, appendLine, startWorkbenchProfile };
