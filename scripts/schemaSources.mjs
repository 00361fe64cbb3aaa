// The npm packages the schema generators read live in tools/schema-sources, installed here on first use rather than
// by the project's `npm ci`: kubernetes-models and the @kubernetes-models operator packages declare node >= 22,
// which would make every Node 20 install of the project warn (EBADENGINE). The generators only read their .d.ts
// files and run their validators, which work on Node 20.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A `require` resolving from tools/schema-sources, after installing it (once) when missing. */
export function schemaSourcesRequire(root) {
  const dir = join(root, 'tools', 'schema-sources');
  // Every package listed: an install from before a package was added is brought up to date.
  const wanted = ['kubernetes-models', '@kubernetes/client-node'];
  if (!wanted.every((name) => existsSync(join(dir, 'node_modules', name, 'package.json')))) {
    process.stderr.write('… installing the schema source packages into tools/schema-sources (once)\n');
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return createRequire(join(dir, 'package.json'));
}
