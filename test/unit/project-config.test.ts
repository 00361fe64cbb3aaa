/** `.biome-manifests.yaml`: its validation (errors at exact places), discovery, precedence and rule options. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseProjectConfig } from '../../server/src/engine/config/parseConfig';
import { findConfigFile } from '../../server/src/engine/config/loadConfig';
import { excludedByConfig, lintSettingsFor } from '../../server/src/engine/config/combine';
import { formatConfigError, type ProjectConfig } from '../../server/src/engine/config/configTypes';
import { defaultCatalog } from '../../server/src/projectConfig';
import { engineWith, lintAll, summarize } from '../helpers/engineHarness';
import { withProjectConfig } from '../../server/src/lsp/projectConfigs';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const FILE = '/repo/.biome-manifests.yaml';

function parse(text: string) {
  return parseProjectConfig(text, FILE, defaultCatalog());
}

/** `line:column message` of each error, one-based, as the CLI prints them (without the file). */
function errorsOf(text: string): string[] {
  return parse(text).errors.map((e) => formatConfigError('', e).slice(1));
}

describe('project config: reading', () => {
  it('reads every key, keeping an unquoted 1.30 as "1.30"', () => {
    const { config, errors } = parse(`kubernetesVersion: 1.30
rules:
  no-latest-tag: { level: error, options: { requireDigest: true } }
  schema-unknown-field: off
exclude: [generated/**]
crds:
  paths: [crds/]
files:
  associations:
    "monitoring/*.yml": prometheus-config
overrides:
  - files: [prod/**]
    rules: { require-liveness-probe: error }
`);
    assert.deepEqual(errors, []);
    assert.deepEqual(config, {
      file: FILE,
      kubernetesVersion: '1.30',
      rules: { 'no-latest-tag': 'error', 'schema-unknown-field': 'off' },
      ruleOptions: { 'no-latest-tag': { requireDigest: true } },
      exclude: ['generated/**'],
      crdPaths: ['crds/'],
      fileAssociations: { 'monitoring/*.yml': 'prometheus-config' },
      overrides: [{ files: ['prod/**'], rules: { 'require-liveness-probe': 'error' } }],
    });
  });

  it('accepts an empty file and a file of comments', () => {
    assert.deepEqual(parse('').errors, []);
    assert.deepEqual(parse('# nothing yet\n').errors, []);
  });

  it('reports each unknown key or bad value at its line and column, with a suggestion', () => {
    const text = `kubernetesVersion: 1.3
rulez: {}
rules:
  no-latest-tag:
    level: eror
    options: { requireDigest: yes, pinned: 1 }
  no-latst-tag: off
exclude: generated
overrides:
  - rules: { no-latest-tag: error }
  - files: [prod/**]
    rules: { no-latest-tag: { level: error } }
`;
    assert.deepEqual(errorsOf(text), [
      '1:20: `kubernetesVersion` must be a version from 1.29 to 1.36, like "1.30", not `1.3`.',
      '2:1: unknown key `rulez` in the configuration (did you mean `rules`?); known keys: kubernetesVersion, rules, exclude, crds, files, overrides.',
      '5:12: the level of `no-latest-tag` must be error, warning, info, hint or off, not `eror`.',
      '6:31: option `requireDigest` of rule `no-latest-tag` takes a boolean, not a string.',
      '6:36: unknown option `pinned` for rule `no-latest-tag`: its options are `requireDigest`.',
      '7:3: unknown rule `no-latst-tag` in `rules` (did you mean `no-latest-tag`?).',
      '8:10: `exclude` must be a list of strings.',
      '10:5: an override needs `files` (a list of globs).',
      '12:29: the level of `no-latest-tag` must be error, warning, info, hint or off.',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys instead of reading half a file', () => {
    assert.match(errorsOf('rules: [\n')[0] ?? '', /^2:1: YAML: /);
    assert.match(errorsOf('rules: {}\nrules: {}\n')[0] ?? '', /^2:1: YAML: .*[Uu]nique/);
  });

  it('never throws on hostile text: deep nesting, an alias bomb as an option, binary, tabs, non-string keys', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]'];
    const cases: [string, RegExp][] = [
      [`rules: ${'['.repeat(100_000)}`, /^YAML: /],
      [`${bomb.join('\n')}\nrules:\n  no-latest-tag:\n    options:\n      requireDigest: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`, /^unknown key `a`/],
      ['\u0000\u0001\uffff', /must be a map/],
      ['rules:\n\tno-latest-tag: off\n', /^YAML: Tabs/],
      ['? [a]\n: b\n', /keys of the configuration must be strings/],
    ];
    for (const [text, first] of cases) {
      const { errors } = parse(text);
      assert.ok(errors.length >= 1 && errors.length <= 20, `${errors.length} errors`);
      assert.match(errors[0]?.message ?? '', first);
    }
  });

  it('rejects an option on a rule that has none, and a version outside 1.29–1.36', () => {
    assert.deepEqual(errorsOf('rules:\n  no-replicas-with-hpa: { options: { x: 1 } }\n'), [
      '2:38: unknown option `x` for rule `no-replicas-with-hpa`: it has no options.',
    ]);
    assert.equal(errorsOf('kubernetesVersion: "1.37"\n').length, 1);
    assert.deepEqual(errorsOf('kubernetesVersion: "1.29"\n'), []);
  });
});

describe('project config: discovery and precedence', () => {
  it('finds the nearest file in the folder or a parent', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-config-'));
    try {
      fs.mkdirSync(path.join(root, 'a', 'b', 'c'), { recursive: true });
      fs.writeFileSync(path.join(root, '.biome-manifests.yaml'), '');
      fs.writeFileSync(path.join(root, 'a', 'b', '.biome-manifests.yaml'), '');
      assert.equal(await findConfigFile(path.join(root, 'a', 'b', 'c')), path.join(root, 'a', 'b', '.biome-manifests.yaml'));
      assert.equal(await findConfigFile(path.join(root, 'a')), path.join(root, '.biome-manifests.yaml'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('combines defaults < file rules < matching overrides in order < editor settings', () => {
    const { config } = parse(`rules: { no-latest-tag: info, require-liveness-probe: off }
overrides:
  - files: [prod/**]
    rules: { no-latest-tag: error, require-liveness-probe: warning }
  - files: [prod/legacy]
    rules: { no-latest-tag: off }
`);
    const none = { rules: {}, ruleOptions: {} };
    assert.deepEqual(lintSettingsFor(config, none, '/repo/dev/app.yaml').rules, { 'no-latest-tag': 'info', 'require-liveness-probe': 'off' });
    assert.deepEqual(lintSettingsFor(config, none, '/repo/prod/app.yaml').rules, { 'no-latest-tag': 'error', 'require-liveness-probe': 'warning' });
    assert.deepEqual(lintSettingsFor(config, none, '/repo/prod/legacy/app.yaml').rules, { 'no-latest-tag': 'off', 'require-liveness-probe': 'warning' });
    const editor = { rules: { 'no-latest-tag': 'hint' as const }, ruleOptions: {} };
    assert.deepEqual(lintSettingsFor(config, editor, '/repo/prod/app.yaml').rules, { 'no-latest-tag': 'hint', 'require-liveness-probe': 'warning' });
    // Outside the config's folder, overrides never match.
    assert.deepEqual(lintSettingsFor(config, none, '/elsewhere/prod/app.yaml').rules, { 'no-latest-tag': 'info', 'require-liveness-probe': 'off' });
  });

  it('excludes by globs relative to the config file', () => {
    const config: ProjectConfig = { ...parse('').config, exclude: ['generated', 'charts/**/tests'] };
    assert.equal(excludedByConfig(config, '/repo/generated/a.yaml'), true);
    assert.equal(excludedByConfig(config, '/repo/charts/x/tests/t.yaml'), true);
    assert.equal(excludedByConfig(config, '/repo/charts/x/values.yaml'), false);
    assert.equal(excludedByConfig(config, '/other/generated/a.yaml'), false);
  });
});

describe('rule options reach the rules', () => {
  const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.4.2
    - name: sidecar
      image: envoy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`;

  it('no-latest-tag requireDigest: off by default, on reports a tag-only image (and not a digest)', () => {
    const engine = engineWith({ 'pod.yaml': POD });
    const latestTag = (f: { code: string }) => f.code === 'no-latest-tag';
    assert.deepEqual(lintAll(engine).filter(latestTag), []);
    const on = { rules: {}, ruleOptions: { 'no-latest-tag': { requireDigest: true } } };
    const found = lintAll(engine, on).filter(latestTag);
    assert.deepEqual(summarize(found), ['pod.yaml:8 no-latest-tag']);
    assert.match(found[0]!.message, /registry\.example\/web:1\.4\.2.*pinned by tag only/);
    // The same engine, options off again: cached results under other options are not reused.
    assert.deepEqual(lintAll(engine, { rules: {}, ruleOptions: { 'no-latest-tag': { requireDigest: false } } }).filter(latestTag), []);
    assert.deepEqual(lintAll(engine).filter(latestTag), []);
  });

  it('every declared option has a type a config can give (its default is JSON)', () => {
    for (const [id, rule] of defaultCatalog().rules) {
      for (const [name, option] of Object.entries(rule.options ?? {})) {
        assert.equal(JSON.stringify(JSON.parse(JSON.stringify(option.default))), JSON.stringify(option.default), `${id}.${name}`);
        assert.ok(option.description.length > 20, `${id}.${name} is described`);
      }
    }
  });
});

describe('project config keys for other parts of the server', () => {
  it('kubernetesVersion, crds.paths and files.associations reach the server settings; editor values win', () => {
    const { config } = parse('kubernetesVersion: "1.31"\ncrds:\n  paths: [crds]\nfiles:\n  associations:\n    "mon/*.yml": prometheus-rules\n');
    const merged = withProjectConfig(DEFAULT_SETTINGS, config);
    assert.equal(merged.kubernetesVersion, '1.31');
    assert.deepEqual(merged.crdPaths, [path.resolve('/repo', 'crds')]);
    assert.deepEqual(merged.fileAssociations, { 'mon/*.yml': 'prometheus-rules' });
    const editor = { ...DEFAULT_SETTINGS, kubernetesVersion: '1.29', fileAssociations: { 'mon/*.yml': 'alertmanager' } };
    const both = withProjectConfig(editor, config);
    assert.equal(both.kubernetesVersion, '1.29');
    assert.deepEqual(both.fileAssociations, { 'mon/*.yml': 'alertmanager' });
    assert.equal(withProjectConfig(DEFAULT_SETTINGS, undefined), DEFAULT_SETTINGS);
  });
});
