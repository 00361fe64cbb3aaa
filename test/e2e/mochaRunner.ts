// Runs mocha inside the extension host over the compiled *.test.js files of one folder (test-electron style).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runMochaIn(testsRoot: string, timeoutMs = 60_000): Promise<void> {
  // BIOME_E2E_GREP runs only the tests whose full title matches (while working on one test).
  const grep = process.env.BIOME_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: timeoutMs, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = (fs.readdirSync(testsRoot, { recursive: true }) as string[]).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(testsRoot, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        // The plain closing line CI reads, whatever the reporter printed.
        console.log(`e2e: ${passes} passed, ${failures} failed, ${pending} skipped`);
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
