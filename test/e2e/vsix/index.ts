// Entry point for the packaged-extension run: the .vsix is installed in VS Code, the dev path is an empty stub.
import { runMochaIn } from '../mochaRunner';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
