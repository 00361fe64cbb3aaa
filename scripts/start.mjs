// `npm start`: builds and packages the extension, installs the .vsix into a private code-server on 127.0.0.1 and
// opens examples/biome-sample in it. Open the printed URL in a browser; Ctrl+C stops code-server.
// Usage: node scripts/start.mjs [--port N] [--folder <dir>] [--smoke]
//   --smoke  stop as soon as the workbench page answers (exit 0): what CI and the README test run.
import { resolve } from 'node:path';
import { ensureTools, packageVsix, root, startSession } from './codeServerSession.mjs';

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const folder = resolve(option('folder') ?? `${root}/examples/biome-sample`);
const port = option('port') ? Number(option('port')) : undefined;

let session, vsix;
try {
  ensureTools();
  vsix = packageVsix();
  session = await startSession({ vsix, folder, port, prefix: 'biome-start-' });
} catch (err) {
  console.error(`npm start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

const shutdown = (signal) => {
  console.log(`\n${signal}: stopping code-server…`);
  session.stop();
  process.exit(0);
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
session.server.child.on('exit', (code, signal) => {
  console.error(`code-server exited (${code ?? signal}); log: ${session.dirs.log}`);
  session.stop();
  process.exit(1);
});

console.log(`\nBiome Manifests (${vsix.split('/').pop()}) is running in code-server.`);
console.log(`Open: ${session.url}`);
console.log(`Workspace: ${folder}${folder.includes('/examples/') ? ' (edits change the repository copy)' : ''}`);
if (process.argv.includes('--smoke')) {
  const res = await fetch(session.url);
  const page = await res.text();
  session.stop();
  const ok = res.status === 200 && page.includes('workbench');
  console.log(ok ? 'Smoke check: the workbench page answers; stopped.' : `Smoke check FAILED: HTTP ${res.status}`);
  process.exit(ok ? 0 : 1);
}
console.log('Press Ctrl+C to stop.');
