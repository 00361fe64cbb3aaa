// Generates server/src/engine/schema/fieldVersions.json (bundled into the server): the Kubernetes release each field and kind of
// schemas/kubernetes.json appeared in, for releases 1.29 … newest. Each release's field set comes
// from the @kubernetes/client-node version that tracks it (its models list every field's JSON
// name, `"baseName": "…"`). The tarballs are fetched with `npm pack` into a cache folder and never
// installed: this runs at development time only. Usage: node scripts/generate-versions.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stableStringify } from './generate-schemas.mjs';
import { RELEASE_SOURCES } from './schema-versions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(tmpdir(), 'biome-manifests-k8s-versions');

/** The unpacked model folder of one package version, fetched once per machine. */
function modelsFolder(pkg, version) {
  const target = join(cacheDir, `${pkg.replace('/', '-')}-${version}`);
  if (!existsSync(join(target, 'package'))) {
    mkdirSync(target, { recursive: true });
    const tgz = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', target], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['xzf', join(target, tgz), '-C', target, '--wildcards', 'package/dist/gen/model*']);
  }
  const gen = join(target, 'package', 'dist', 'gen');
  return join(gen, existsSync(join(gen, 'models')) ? 'models' : 'model');
}

/** Model name (`V1PodSpec`, `CoreV1EndpointPort`) → JSON field names, for one release. */
function fieldSets(folder) {
  const sets = new Map();
  for (const file of readdirSync(folder)) {
    if (!file.endsWith('.js')) continue;
    const name = file.charAt(0).toUpperCase() + file.slice(1, -'.js'.length);
    const fields = [...readFileSync(join(folder, file), 'utf8').matchAll(/"baseName": "([^"]+)"/g)].map((m) => m[1]);
    if (fields.length > 0) sets.set(name, new Set(fields));
  }
  return sets;
}

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * client-node's model of a definition: `<Group><Version><Name>` where names clash across groups,
 * else `<Version><Name>`. A model sharing under half of the fields of the newest definition is
 * another group's type of the same name: treated as unknown, so nothing is claimed from it.
 */
function modelOf(sets, id, newestFields) {
  const parts = id.split('.');
  const [name, version, group] = [parts.at(-1), parts.at(-2), parts.at(-3)];
  const fields = sets.get(`${capitalize(group)}${capitalize(version)}${name}`) ?? sets.get(`${capitalize(version)}${name}`);
  if (!fields) return undefined;
  const shared = newestFields.filter((f) => fields.has(f)).length;
  return shared * 2 >= Math.min(fields.size, newestFields.length) ? fields : undefined;
}

/**
 * The release a thing appeared in: the one after the newest release known to lack it, so a gap
 * in the sources (a release no package tracks) gives the earliest possible release, never a
 * later one. `present` is per known release, oldest first; undefined = unknown.
 */
function sinceOf(releases, present, allReleases) {
  let lastMissing;
  for (let i = 0; i < releases.length; i++) if (present[i] === false) lastMissing = i;
  if (lastMissing === undefined) return undefined;
  if (present.slice(lastMissing + 1).some((p) => p !== true)) return undefined;
  if (lastMissing === releases.length - 1) return undefined;
  return allReleases[allReleases.indexOf(releases[lastMissing]) + 1];
}

/**
 * Fields a supported release had that the newest schema lacks (1.30's `PodResourceClaim.source`):
 * removed in the first known release after the last one that has it. Where no package tracks the
 * releases between, that is the latest release it can be gone in, so a target that may still have
 * the field is never told it is gone. `models` are per known release, oldest first.
 */
function removedFields(known, models, newestNames) {
  const newest = new Set(newestNames);
  const older = new Set(models.slice(0, -1).flatMap((m) => (m ? [...m] : [])));
  const out = [];
  for (const name of [...older].filter((f) => !newest.has(f)).sort()) {
    let lastPresent = -1;
    models.forEach((m, i) => {
      if (m?.has(name)) lastPresent = i;
    });
    // Present again in the newest package under this type: not removed, only missing from kubernetes-models.
    if (lastPresent < 0 || lastPresent === models.length - 1) continue;
    out.push({ name, removedIn: known[lastPresent + 1] });
  }
  return out;
}

function main() {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'kubernetes.json'), 'utf8'));
  const allReleases = Object.keys(RELEASE_SOURCES);
  const known = allReleases.filter((r) => RELEASE_SOURCES[r]);
  const sets = known.map((r) => fieldSets(modelsFolder(RELEASE_SOURCES[r].package, RELEASE_SOURCES[r].version)));
  const definitions = {};
  const fields = {};
  const removed = {};
  for (const [id, def] of Object.entries(schema.definitions)) {
    if (!def.properties) continue;
    const names = Object.keys(def.properties);
    const models = sets.map((s) => modelOf(s, id, names));
    if (!models.at(-1)) continue; // the newest client-node does not have it under this name: no claim
    const defSince = sinceOf(
      known,
      models.map((m) => m !== undefined),
      allReleases,
    );
    if (defSince) definitions[id] = defSince;
    for (const field of names) {
      const present = models.map((m) => (m ? m.has(field) : false));
      const since = sinceOf(known, present, allReleases);
      if (since && since !== defSince) (fields[id] ??= {})[field] = since;
    }
    for (const field of removedFields(known, models, names)) (removed[id] ??= {})[field.name] = field.removedIn;
  }
  const sources = Object.fromEntries(known.map((r) => [r, `${RELEASE_SOURCES[r].package} ${RELEASE_SOURCES[r].version}`]));
  const out = {
    definitions,
    description:
      'The Kubernetes release each definition and field of kubernetes.json appeared in (absent: in every supported release), and the release each field a supported release had was removed in (removed). Generated by scripts/generate-versions.mjs. Do not edit.',
    fields,
    releases: allReleases,
    removed,
    sources,
  };
  writeFileSync(join(root, 'server', 'src', 'engine', 'schema', 'fieldVersions.json'), stableStringify(out));
  const count = (table) => Object.values(table).reduce((n, f) => n + Object.keys(f).length, 0);
  console.log(
    `generate-versions: ${Object.keys(definitions).length} definitions, ${count(fields)} fields newer than ${allReleases[0]}, ${count(removed)} fields removed since`,
  );
}

main();
