/**
 * Kubernetes' CEL semver and format libraries and the IP/CIDR `string()` conversions (engine/crd/celSemver.ts,
 * celFormat.ts, celOptional.ts, celNetwork.ts): the examples of k8s.io/apiserver/pkg/cel/library (semverlib.go,
 * format.go, ip.go, cidr.go) with their documented results, the edge cases the Go code handles, and values this
 * checker is not sure of giving an error (the rule is skipped, never reported).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineWith, lintAll, uriOf } from '../helpers/engineHarness';
import { REPO_ROOT } from './schemaFixtures';
import { compileCel, runCel } from '../../server/src/engine/crd/celProgram';
import { celValueOf } from '../../server/src/engine/crd/celValues';
import { CelBudget } from '../../server/src/engine/crd/celBudget';

/** The rule's value (`true`, `3n`, a string), or `'error'` when it does not evaluate. */
function evaluate(rule: string, self: unknown = null): unknown {
  const compiled = compileCel(rule);
  assert.equal(compiled.type, 'ready', `${rule}: ${JSON.stringify(compiled)}`);
  const budget = new CelBudget(100_000);
  const outcome = compiled.type === 'ready' ? runCel(compiled.run, celValueOf(self, {}, budget), budget) : undefined;
  return outcome?.type === 'value' ? outcome.value : outcome?.type;
}

function allTrue(rules: readonly string[]): void {
  for (const rule of rules) assert.equal(evaluate(rule), true, rule);
}

describe("Kubernetes' CEL semver library", () => {
  it('semver() and isSemver() as blang/semver Parse: the documented examples', () => {
    allTrue(['isSemver("1.0.0")', '!isSemver("hello")', '!isSemver("v1.0")', 'isSemver("v1.0", true)', 'isSemver("1.0", true)', 'isSemver("01.01.01", true)']);
    for (const text of ['200K', 'Three', 'Mi']) assert.equal(evaluate(`semver("${text}").major() == 1`), 'error', text);
    allTrue([
      'semver("1.0.0").major() == 1',
      'semver("0.1.0-alpha.1").minor() == 1',
      'semver("v1.0.0", true) == semver("1.0.0")',
      'semver("1.0", true) == semver("1.0.0")',
      'semver("01.01.01", true) == semver("1.1.1")',
      'semver("1.2.3").major() == 1 && semver("1.2.3").minor() == 2 && semver("1.2.3").patch() == 3',
    ]);
  });

  it('refuses what Parse refuses, and the normalize flag only forgives a v, leading zeros and missing parts', () => {
    allTrue([
      '!isSemver("01.1.1")',
      '!isSemver("1.1")',
      '!isSemver("1.1.1-")',
      '!isSemver("1.1.1-01")',
      '!isSemver("1.1.1+")',
      '!isSemver("1.1.1+a..b")',
      '!isSemver("1.1.1-a_b")',
      '!isSemver("")',
      '!isSemver(" 1.1.1")',
      '!isSemver("V1.0.0", true)',
      '!isSemver("vv1.0.0", true)',
      '!isSemver("1.0-beta", true)',
      '!isSemver("1.2.3.4")',
      '!isSemver("18446744073709551616.0.0")',
    ]);
    allTrue(['isSemver("1.1.1-0a.1+build.007")', 'isSemver("1.1.1-x-y-z.--")', 'isSemver("1", true)', 'isSemver("v1.2.3-rc.1", true)']);
    allTrue(['isSemver("18446744073709551615.0.0")']);
    assert.equal(evaluate('semver("18446744073709551615.0.0").major() > 0'), 'error', 'beyond int64: Go wraps it, not decided here');
  });

  it('compares as Version.Compare: the documented examples, prereleases, and build metadata ignored', () => {
    allTrue([
      'semver("1.2.3").compareTo(semver("1.2.3")) == 0',
      'semver("1.2.3").compareTo(semver("2.0.0")) == -1',
      'semver("1.2.3").compareTo(semver("0.1.2")) == 1',
      'semver("1.0.0-alpha").isLessThan(semver("1.0.0"))',
      'semver("1.0.0-alpha").isLessThan(semver("1.0.0-alpha.1"))',
      'semver("1.0.0-alpha.1").isLessThan(semver("1.0.0-alpha.beta"))',
      'semver("1.0.0-beta.2").isLessThan(semver("1.0.0-beta.11"))',
      'semver("1.0.0-rc.1").isGreaterThan(semver("1.0.0-beta.11"))',
      'semver("1.0.0+build.1") == semver("1.0.0+build.2")',
      'semver("1.0.0") != semver("1.0.0-0")',
      'semver("10.0.0").isGreaterThan(semver("9.0.0"))',
    ]);
    assert.equal(evaluate('semver("1.0.0").isLessThan(quantity("1"))'), 'error', 'a semver compared with a quantity');
    assert.equal(evaluate('quantity("1").compareTo(semver("1.0.0")) == 0'), 'error', 'a quantity compared with a semver');
    assert.equal(evaluate('"1.0.0".isLessThan(semver("2.0.0"))'), 'error', 'a method on a value of another type');
    assert.equal(evaluate('quantity("1Gi").isGreaterThan(quantity("1000Mi"))'), true, 'quantities still compare');
  });
});

describe("Kubernetes' CEL format library", () => {
  it('the documented examples validate, with the common rule shapes', () => {
    allTrue([
      '!format.dns1123Label().validate("my-label-name").hasValue()',
      '!format.dns1123Subdomain().validate("apiextensions.k8s.io").hasValue()',
      '!format.dns1035Label().validate("my-label-name").hasValue()',
      '!format.qualifiedName().validate("apiextensions.k8s.io/v1beta1").hasValue()',
      '!format.dns1123LabelPrefix().validate("my-label-prefix-").hasValue()',
      '!format.dns1123SubdomainPrefix().validate("mysubdomain.prefix.-").hasValue()',
      '!format.dns1035LabelPrefix().validate("my-label-prefix-").hasValue()',
      '!format.uri().validate("http://example.com").hasValue()',
      '!format.uuid().validate("123e4567-e89b-12d3-a456-426614174000").hasValue()',
      'format.named("dns1123Label").hasValue() && !format.named("nope").hasValue()',
      '!format.named("dns1123Label").value().validate("my-name").hasValue()',
      'format.named("dns1123Label").value().validate("UPPER").hasValue()',
    ]);
  });

  it('reports what apimachinery reports: lengths, dots, prefixes, label keys and values', () => {
    const label63 = 'a'.repeat(63);
    allTrue([
      `!format.dns1123Label().validate("${label63}").hasValue()`,
      `format.dns1123Label().validate("${label63}a").value() == ["must be no more than 63 bytes"]`,
      'format.dns1123Label().validate("a.b").value() == ["must not contain dots"]',
      "format.dns1123Label().validate(\"-a\").value() == [\"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\"]",
      'format.dns1123Label().validate("a-").hasValue() && !format.dns1123LabelPrefix().validate("a-").hasValue()',
      'format.dns1123LabelPrefix().validate("-").hasValue()',
      '!format.dns1035Label().validate("a1").hasValue() && format.dns1035Label().validate("1a").hasValue()',
      `!format.dns1123Subdomain().validate("${label63}.${label63}").hasValue()`,
      'format.dns1123Subdomain().validate("Example.com").hasValue()',
      '!format.qualifiedName().validate("MyName").hasValue() && !format.qualifiedName().validate("example.com/My_Name.1").hasValue()',
      'format.qualifiedName().validate("/name").value() == ["prefix part must be non-empty"]',
      "format.qualifiedName().validate(\"a/b/c\").value().size() == 1 && format.qualifiedName().validate(\"x/\").value() == [\"name part must be non-empty\", \"name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\"]",
      '!format.labelValue().validate("").hasValue() && !format.labelValue().validate("my_value").hasValue() && format.labelValue().validate("-x").hasValue()',
      '!format.uuid().validate("123E4567E89B12D3A456426614174000").hasValue() && format.uuid().validate("123e4567").value() == ["does not match the UUID format"]',
      'format.uri().validate("example.com").value() == ["parse \\"example.com\\": invalid URI for request"]',
      'format.uri().validate("").value() == ["parse \\"\\": empty url"]',
      'format.uri().validate("/a\\x01\\x07\\n").value() == ["parse \\"/a\\\\x01\\\\a\\\\n\\": net/url: invalid control character in URL"]',
    ]);
  });

  it('gives an error where it is not sure, so the rule is skipped', () => {
    for (const rule of [
      'format.byte().validate("aGVsbG8=").hasValue()',
      'format.date().validate("2021-01-01").hasValue()',
      'format.datetime().validate("2021-01-01T00:00:00Z").hasValue()',
      'format.uri().validate("mailto:someone").hasValue()',
      'format.named("nope").value().validate("x").hasValue()',
      'format.dns1123Label().validate("a") == null',
      'format.dns1123Label().validate("A") != optional.none()',
      '"x".hasValue()',
    ])
      assert.equal(evaluate(rule), 'error', rule);
  });

  it('optional values: of, none, hasValue, value, orValue, or', () => {
    allTrue([
      'optional.of(1).hasValue() && !optional.none().hasValue()',
      'optional.of(1).value() == 1 && optional.none().orValue(2) == 2 && optional.of(null).orValue(2) == null',
      'optional.none().or(optional.of(3)).value() == 3 && optional.of(1).or(optional.of(3)).value() == 1',
      'format.dns1123Label().validate("A_b").orValue([]).size() == 1',
    ]);
  });
});

describe('string() of an IP or a CIDR', () => {
  it('gives the canonical text, as Addr.String and Prefix.String do', () => {
    allTrue([
      'string(ip("192.168.0.1")) == "192.168.0.1"',
      'string(ip("2001:DB8:0:0::1")) == "2001:db8::1"',
      'string(cidr("192.168.0.1/24")) == "192.168.0.1/24"',
      'string(cidr("2001:db8::/32").masked()) == "2001:db8::/32"',
      'string(cidr("10.1.2.3/8").ip()) == "10.1.2.3"',
      'string(1) == "1"',
    ]);
    assert.equal(evaluate('string(quantity("1")) == "1"'), 'error', 'no string() of a quantity in Kubernetes');
  });
});

describe("Kubernetes' CEL regex library: find and findAll", () => {
  it('the documented examples, with the results Go gives', () => {
    allTrue([
      '"abc 123".find("[0-9]+") == "123"',
      '"1, 2, 3, 4".findAll("[0-9]+").map(x, int(x)).sum() < 100',
      '"abc 123".find("xyz") == ""',
      '"123 abc 456".findAll("xyz") == []',
      '"123 abc 456".findAll("[0-9]+", 1) == ["123"]',
      // regex.go's comment promises "123" and ["123", "456"] for `[0-9]*`; Go's regexp gives the empty leftmost match.
      '"abc 123".find("[0-9]*") == ""',
      '"123 abc 456".findAll("[0-9]*") == ["123", "", "", "", "", "456"]',
    ]);
  });

  it("Go's semantics: leftmost-first, anchors on the whole text, limits, code points", () => {
    allTrue([
      '"aaa".findAll("^a") == ["a"]',
      '"abab".findAll("a|ab") == ["a", "a"]',
      '"a1b2c3".findAll("[0-9]", 2) == ["1", "2"] && "a1b2".findAll("[0-9]", 0) == [] && "a1b2".findAll("[0-9]", -5) == ["1", "2"]',
      '"x😀y".findAll("") == ["", "", "", ""]',
      '"ab".findAll("a*") == ["a", ""]',
      '"key=value".find("[^=]+$") == "value"',
    ]);
    assert.equal(evaluate('"abc".find("(") == ""'), 'error', 'a pattern RE2 refuses');
    assert.equal(evaluate('"abc".find("(a)\\\\1") == ""'), 'error', 'a backreference: not RE2');
  });

  it('stays linear on a pattern that makes a backtracking engine explode', () => {
    const text = `${'a'.repeat(5000)}!`;
    assert.equal(evaluate('self.findAll("(a+)+$").size() == 0 && self.find("(a|aa)+!") == self', text), true);
  });
});

const CRD = readFileSync(join(REPO_ROOT, 'test/fixtures/crd/releases-crd.yaml'), 'utf8');

function check(spec: string[]): string[] {
  const resource = ['apiVersion: example.com/v1', 'kind: Release', 'metadata: {name: r}', 'spec:', ...spec.map((l) => `  ${l}`), ''].join('\n');
  return lintAll(engineWith({ 'crd.yaml': CRD, 'release.yaml': resource }))
    .filter((f) => f.uri === uriOf('release.yaml'))
    .map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code} ${f.message}`);
}

describe('a CRD whose rules call semver, format, regex and string(ip)', () => {
  it('a valid object passes every rule', () => {
    assert.deepEqual(check(['version: v1.30', 'minVersion: 1.29.0', 'channel: stable', 'image: nginx:1.27', 'gateway: "2001:db8::1"']), []);
  });

  it('reports each failing rule with its message (a messageExpression with the validator’s errors)', () => {
    assert.deepEqual(check(['version: 1.2.3-rc.1', 'minVersion: 1.2.3', 'channel: Stable.1', 'image: nginx:latest', 'gateway: "2001:DB8::1"']), [
      '5 error schema-cel-rule spec.version: version must not be older than minVersion',
      "7 error schema-cel-rule spec.channel: channel: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      '8 error schema-cel-rule spec.image: image must not use the latest tag',
      '9 error schema-cel-rule spec.gateway: gateway must be written canonically',
    ]);
    assert.deepEqual(check(['version: one']), ['5 error schema-cel-rule spec.version: version must be a semantic version']);
  });
});
