/**
 * Kubernetes' CEL libraries in CRD rules (engine/crd/celQuantity.ts, celNetwork.ts, celUrl.ts, celTimeValue): each
 * function against what the API server answers (k8s.io/apiserver/pkg/cel/library), a value this checker is not sure of
 * giving an error (the rule is skipped, never reported), and a CRD using them on valid and failing objects.
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
function evaluate(rule: string, self: unknown = null, schema: unknown = {}): unknown {
  const compiled = compileCel(rule);
  assert.equal(compiled.type, 'ready', `${rule}: ${JSON.stringify(compiled)}`);
  const budget = new CelBudget(100_000);
  const outcome = compiled.type === 'ready' ? runCel(compiled.run, celValueOf(self, schema, budget), budget) : undefined;
  return outcome?.type === 'value' ? outcome.value : outcome?.type;
}

function allTrue(rules: readonly string[]): void {
  for (const rule of rules) assert.equal(evaluate(rule), true, rule);
}

describe("Kubernetes' CEL quantity library", () => {
  it('parses the suffixes and exponents resource.ParseQuantity takes, and refuses the rest', () => {
    allTrue([
      'isQuantity("1Gi")',
      'isQuantity("500m")',
      'isQuantity("1.5")',
      'isQuantity(".5k")',
      'isQuantity("1.")',
      'isQuantity("-2e3")',
      'isQuantity("1E")',
    ]);
    allTrue([
      '!isQuantity("1x")',
      '!isQuantity("")',
      '!isQuantity("1 Gi")',
      '!isQuantity("Gi")',
      '!isQuantity("1e")',
      '!isQuantity("1KiB")',
      '!isQuantity("1e99999999999")',
    ]);
    assert.equal(evaluate('quantity("1x") == quantity("1")'), 'error');
  });

  it('compares exactly: compareTo, isLessThan, isGreaterThan, ==', () => {
    allTrue([
      'quantity("1Gi").isGreaterThan(quantity("1000Mi"))',
      'quantity("1G").isLessThan(quantity("1Gi"))',
      'quantity("1Ki").compareTo(quantity("1024")) == 0',
      'quantity("100m").compareTo(quantity("0.2")) == -1',
      'quantity("1.5k") == quantity("1500")',
      'quantity("1e3") == quantity("1k")',
      'quantity("1") != quantity("1001m")',
      '!quantity("2").isLessThan(quantity("2"))',
    ]);
  });

  it('add, sub (a quantity or an int), sign, isInteger, asInteger, asApproximateFloat', () => {
    allTrue([
      'quantity("1Ki").add(1).asInteger() == 1025',
      'quantity("500m").add(quantity("500m")) == quantity("1")',
      'quantity("100m").sub(quantity("200m")).sign() == -1',
      'quantity("0").sign() == 0 && quantity("3").sub(1).sign() == 1',
      'quantity("2k").isInteger() && !quantity("500m").isInteger()',
      'quantity("250m").asApproximateFloat() == 0.25',
    ]);
    assert.equal(evaluate('quantity("500m").asInteger()'), 'error', 'not a whole number');
    assert.equal(evaluate('quantity("10Ei").asInteger()'), 'error', 'beyond int64: the API server caps it, not decided here');
    assert.equal(evaluate('quantity("1e-12").sign()'), 'error', 'finer than 1n: the API server rounds it, not decided here');
    assert.equal(evaluate('"abc".isLessThan(quantity("1"))'), 'error', 'a method on a value of another type');
  });
});

describe("Kubernetes' CEL IP and CIDR libraries", () => {
  it('ip() and isIP() as netip.ParseAddr, without zones or IPv4-mapped addresses', () => {
    allTrue(['isIP("10.0.0.1")', 'isIP("::1")', 'isIP("2001:db8::1:2")', 'isIP("::")', 'isIP("1:2:3:4:5:6:7:8")', 'isIP("64:ff9b::1.2.3.4")']);
    allTrue(['!isIP("10.01.0.1")', '!isIP("256.0.0.1")', '!isIP("1.2.3")', '!isIP("fe80::1%eth0")', '!isIP("::ffff:1.2.3.4")', '!isIP("1::2::3")']);
    allTrue(['!isIP("1:2:3:4:5:6:7:8:9")', '!isIP("12345::")', '!isIP("")', '!isIP("1:2:3:4:5:6:7::8")']);
    assert.equal(evaluate('ip("nope").family() == 4'), 'error');
  });

  it('family, isCanonical (RFC 5952), equality, and the address classes of netip', () => {
    allTrue([
      'ip("10.0.0.1").family() == 4 && ip("fd00::1").family() == 6',
      'ip.isCanonical("2001:db8::1") && !ip.isCanonical("2001:DB8::1") && !ip.isCanonical("2001:db8:0:0:0::1")',
      'ip.isCanonical("1::1:0:0:1:1") && !ip.isCanonical("1:0:0:1::1:1") && ip.isCanonical("1:0:0:1::1")',
      'ip("2001:db8:0:0::1") == ip("2001:db8::1")',
      'ip("0.0.0.0").isUnspecified() && ip("::").isUnspecified() && !ip("::1").isUnspecified()',
      'ip("127.1.2.3").isLoopback() && ip("::1").isLoopback() && !ip("10.0.0.1").isLoopback()',
      'ip("224.0.0.251").isLinkLocalMulticast() && ip("ff02::1").isLinkLocalMulticast() && ip("ff12::1").isLinkLocalMulticast()',
      'ip("169.254.1.1").isLinkLocalUnicast() && ip("fe80::1").isLinkLocalUnicast() && !ip("fec0::1").isLinkLocalUnicast()',
      'ip("10.0.0.1").isGlobalUnicast() && !ip("255.255.255.255").isGlobalUnicast() && !ip("ff00::1").isGlobalUnicast()',
    ]);
  });

  it('cidr(), isCIDR(), containsIP, containsCIDR, ip, prefixLength, masked', () => {
    allTrue(['isCIDR("10.0.0.0/8")', 'isCIDR("10.1.2.3/8")', 'isCIDR("fd00::/8")', '!isCIDR("10.0.0.0/33")', '!isCIDR("10.0.0.0")', '!isCIDR("10.0.0.0/")']);
    allTrue([
      'cidr("10.0.0.0/8").containsIP("10.9.8.7") && !cidr("10.0.0.0/8").containsIP(ip("11.0.0.1"))',
      '!cidr("10.0.0.0/8").containsIP("::1")',
      'cidr("fd00::/8").containsCIDR("fd00:1::/32") && !cidr("fd00::/32").containsCIDR(cidr("fd00::/8"))',
      'cidr("10.1.2.3/16").ip() == ip("10.1.2.3") && cidr("10.1.2.3/16").prefixLength() == 16',
      'cidr("10.1.2.3/16").masked() == cidr("10.1.0.0/16") && cidr("10.1.2.3/16") != cidr("10.1.0.0/16")',
    ]);
    assert.equal(evaluate('isCIDR("10.0.0.0/08")'), 'error', 'a leading zero in the length: not decided here');
  });
});

describe("Kubernetes' CEL URL library", () => {
  it('isURL() and url() on the forms it decides; the getters', () => {
    allTrue([
      'isURL("https://example.com")',
      'isURL("http://a.b:8080/x/y?q=1")',
      'isURL("/just/a/path")',
      '!isURL("not a url")',
      '!isURL("")',
      '!isURL("example.com")',
    ]);
    allTrue([
      'url("HTTPS://Example.com:8443/a%20b?x=1").getScheme() == "https"',
      'url("https://Example.com:8443/a").getHost() == "Example.com:8443"',
      'url("https://example.com:8443/a").getHostname() == "example.com"',
      'url("https://example.com:8443/a").getPort() == "8443" && url("https://example.com/a").getPort() == ""',
      'url("https://example.com/a%20b").getEscapedPath() == "/a%20b"',
      'url("/p?x=1&x=2&y=a+b").getQuery() == {"x": ["1", "2"], "y": ["a b"]}',
    ]);
    assert.equal(evaluate('isURL("mailto:someone")'), 'error', 'an opaque URL: not decided here');
    assert.equal(evaluate('isURL("https://[::1]:80/")'), 'error', 'an IPv6 host: not decided here');
  });
});

describe('date-time and duration fields as timestamps and durations', () => {
  const schema = { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, every: { type: 'string', format: 'duration' } } };
  it('compares times as times, and keeps a form CEL does not read as the string it was', () => {
    assert.equal(evaluate('self.at < timestamp("2024-01-02T00:00:00Z")', { at: '2024-01-01T23:00:00-02:00' }, schema), false);
    assert.equal(evaluate('self.at.getFullYear() == 2024', { at: '2024-06-01T00:00:00Z' }, schema), true);
    assert.equal(evaluate('self.every == duration("90s")', { every: '1m30s' }, schema), true);
    assert.equal(evaluate('self.every == "3d"', { every: '3d' }, schema), true);
  });
});

const CRD = readFileSync(join(REPO_ROOT, 'test/fixtures/crd/limits-crd.yaml'), 'utf8');

function check(spec: string[]): string[] {
  const resource = ['apiVersion: example.com/v1', 'kind: Limit', 'metadata: {name: l}', 'spec:', ...spec.map((l) => `  ${l}`), ''].join('\n');
  return lintAll(engineWith({ 'crd.yaml': CRD, 'limit.yaml': resource }))
    .filter((f) => f.uri === uriOf('limit.yaml'))
    .map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code} ${f.message}`);
}

describe('a CRD whose rules call the libraries', () => {
  it('a valid object passes every rule', () => {
    const valid = ['request: 500m', 'limit: 1Gi', 'memory: 64Mi', 'address: 10.0.0.1', 'podCIDR: 10.244.0.0/16', 'endpoint: https://example.com/hook'];
    assert.deepEqual(check([...valid, 'notBefore: 2024-01-01T00:00:00Z', 'notAfter: "2024-02-01T00:00:00Z"', 'timeout: 30s']), []);
    assert.deepEqual(check(['request: 2', 'limit: "2"']), []);
  });

  it('reports each failing rule with its message', () => {
    assert.deepEqual(check(['request: 2Gi', 'limit: 1Gi', 'memory: 500m', 'address: 10.0.0.01', 'podCIDR: 192.168.0.0/16', 'endpoint: http://example.com']), [
      '5 error schema-cel-rule spec.request: request must not exceed limit',
      '7 error schema-cel-rule spec.memory: memory is a positive whole number of bytes',
      '8 error schema-cel-rule spec.address: address must be a canonical IPv4 address',
      '9 error schema-cel-rule spec.podCIDR: podCIDR must be inside 10.0.0.0/8',
      '10 error schema-cel-rule spec.endpoint: endpoint must be an https URL',
    ]);
    assert.deepEqual(check(['request: 1 Gi', 'notBefore: 2024-02-01T00:00:00Z', 'notAfter: 2024-01-01T00:00:00+01:00', 'timeout: 1h']), [
      '4 error schema-cel-rule spec: notBefore must be before notAfter',
      '5 error schema-cel-rule spec.request: request must be a quantity',
      '8 error schema-cel-rule spec.timeout: timeout is at most 5m',
    ]);
  });
});
