// Entry point for the extension tests (extensionTestsPath): runs every suite/**/*.test.js in the extension host.
import { runMochaIn } from '../mochaRunner';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
