/** Grafana links: base URL checks, dashboard and Explore URLs, dashboard discovery, the workspace's Grafana Service. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkBaseUrl, dashboardUrl, exploreUrl, isOpenableUrl, promString, ruleExploreUrl } from '../../client/src/grafana/url';
import { findServiceDashboard, variableForUid } from '../../client/src/grafana/dashboards';
import { findGrafanaService } from '../../client/src/grafana/grafanaService';
import { listServices } from '../../server/src/lsp/services';
import { sampleEngine, sampleText, sampleUri } from '../helpers/sampleEngine';
import { remoteLinkNote } from '../../client/src/grafana/remote';
import { REPO_ROOT } from '../helpers/paths';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dashboard = sampleText('infrastructure/monitoring/grafana/dashboards/service-overview.json');

describe('Grafana base URL', () => {
  it('accepts http and https, dropping trailing slashes, query and hash', () => {
    assert.deepEqual(checkBaseUrl('http://localhost:3000/'), { ok: true, base: 'http://localhost:3000' });
    assert.deepEqual(checkBaseUrl(' https://grafana.example.com/sub/path/?x=1#y '), { ok: true, base: 'https://grafana.example.com/sub/path' });
  });

  it('refuses every other scheme, naming it', () => {
    for (const raw of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'file:///etc/passwd', 'vscode://x', 'data:text/html,hi']) {
      const check = checkBaseUrl(raw);
      assert.equal(check.ok, false, raw);
      assert.match((check as { reason: string }).reason, /only http: and https:/);
    }
  });

  it('refuses credentials in the URL and text that is no URL', () => {
    assert.equal(checkBaseUrl('https://admin:secret@grafana.example.com').ok, false);
    assert.match((checkBaseUrl('grafana:3000 oops') as { reason: string }).reason, /not a URL|only http/);
  });

  it('isOpenableUrl lets only http(s) links through', () => {
    assert.equal(isOpenableUrl('http://localhost:3000/d/x'), true);
    assert.equal(isOpenableUrl('javascript:alert(1)'), false);
    assert.equal(isOpenableUrl('command:foo'), false);
  });
});

describe('dashboard URL', () => {
  it('sets the service variable to the job, for the last hour, in the org', () => {
    const url = dashboardUrl({ base: 'http://localhost:3000', uid: 'service-overview', variable: 'service', value: 'main-app', orgId: 1 });
    assert.equal(url, 'http://localhost:3000/d/service-overview?var-service=main-app&from=now-1h&to=now&orgId=1');
  });

  it('encodes every part', () => {
    const url = dashboardUrl({ base: 'http://g', uid: 'a b/c', variable: 'svc&x', value: 'job=1&evil=2 #', orgId: 2 });
    assert.equal(url, 'http://g/d/a%20b%2Fc?var-svc%26x=job%3D1%26evil%3D2%20%23&from=now-1h&to=now&orgId=2');
    assert.equal(new URL(url).searchParams.get('var-svc&x'), 'job=1&evil=2 #');
  });
});

describe('Explore URL (no dashboard)', () => {
  it('panes format (Grafana ≥ 10.2): schemaVersion=1 and the up and request-rate queries', () => {
    const url = new URL(exploreUrl({ base: 'http://localhost:3000', job: 'main-app', orgId: 1, format: 'panes' }));
    assert.equal(url.pathname, '/explore');
    assert.equal(url.searchParams.get('schemaVersion'), '1');
    assert.equal(url.searchParams.get('orgId'), '1');
    const panes = JSON.parse(url.searchParams.get('panes')!) as { a: { queries: { expr: string }[]; range: unknown } };
    assert.deepEqual(
      panes.a.queries.map((q) => q.expr),
      ['up{job="main-app"}', 'sum(rate(http_requests_total{job="main-app"}[5m]))'],
    );
    assert.deepEqual(panes.a.range, { from: 'now-1h', to: 'now' });
  });

  it('legacy format: left=', () => {
    const url = new URL(exploreUrl({ base: 'http://localhost:3000', job: 'main-app', orgId: 3, format: 'legacy' }));
    assert.equal(url.searchParams.get('orgId'), '3');
    const left = JSON.parse(url.searchParams.get('left')!) as { queries: { expr: string }[] };
    assert.equal(left.queries[0]!.expr, 'up{job="main-app"}');
  });

  it('escapes quotes and backslashes in the job for PromQL', () => {
    assert.equal(promString('a"b\\c'), '"a\\"b\\\\c"');
  });
});

/**
 * The query string as Grafana reads it (urlUtil.parseKeyValue, from AngularJS): split at `&` and `=`, `+` read as a
 * space, then decodeURIComponent; Explore then JSON.parses `panes` (or `left`).
 */
function grafanaParams(url: string): Record<string, string> {
  const query = url.slice(url.indexOf('?') + 1);
  const out: Record<string, string> = {};
  for (const part of query.split('&')) {
    const [key, value = ''] = part.replace(/\+/g, '%20').split(/=(.*)/s);
    out[decodeURIComponent(key!)] = decodeURIComponent(value);
  }
  return out;
}

interface Pane {
  datasource?: string;
  queries: { refId: string; expr: string; datasource?: { uid: string } }[];
  range: unknown;
}

describe('Explore URL for a rule (Open in Grafana on an alerting or recording rule)', () => {
  const TRICKY = [
    'sum by (job) (rate(http_requests_total{code=~"5..", path!="/a&b=c#d"}[5m])) > 0.1',
    // a block scalar's value: newlines, indentation, the trailing newline of `|`
    'job:http_errors:rate5m\n  > on(job) group_left\n  0.1 * scalar(sum(rate(x[5m])))\n',
    'up{job="a\\"b", instance=~".+:9090"} + 1 % 2',
    'label_replace(up, "x", "$1 100%", "instance", "(.*)")  # a comment ü ✓ 🙂',
  ];

  it("panes format: the expr reaches Grafana exactly as the rule holds it, one query, Grafana's default datasource", () => {
    for (const expr of TRICKY) {
      const url = ruleExploreUrl({ base: 'http://localhost:3000/grafana', expr, orgId: 2, format: 'panes' });
      assert.ok(url.startsWith('http://localhost:3000/grafana/explore?schemaVersion=1&panes='), url);
      assert.doesNotMatch(url.slice(url.indexOf('?')), /[\s"{}+#]/, 'every special character is percent-encoded');
      const params = grafanaParams(url);
      assert.deepEqual(Object.keys(params), ['schemaVersion', 'panes', 'orgId']);
      assert.equal(params.orgId, '2');
      const panes = JSON.parse(params.panes!) as Record<string, Pane>;
      assert.deepEqual(panes, { a: { queries: [{ refId: 'A', expr }], range: { from: 'now-1h', to: 'now' } } });
      // The WHATWG parser (what the browser and VS Code see) reads the same.
      assert.equal(new URL(url).searchParams.get('panes'), params.panes);
    }
  });

  it('legacy format (left=) and a configured datasource on the pane and its query', () => {
    const expr = TRICKY[1]!;
    const legacy = grafanaParams(ruleExploreUrl({ base: 'https://g.example', expr, orgId: 1, format: 'legacy', datasource: ' prom-uid ' }));
    assert.deepEqual(Object.keys(legacy), ['orgId', 'left']);
    assert.deepEqual(JSON.parse(legacy.left!), {
      datasource: 'prom-uid',
      queries: [{ refId: 'A', expr, datasource: { uid: 'prom-uid' } }],
      range: { from: 'now-1h', to: 'now' },
    });
    const panes = JSON.parse(
      grafanaParams(ruleExploreUrl({ base: 'https://g.example', expr, orgId: 1, format: 'panes', datasource: 'prom-uid' })).panes!,
    ) as Record<string, Pane>;
    assert.equal(panes.a!.datasource, 'prom-uid');
    assert.deepEqual(panes.a!.queries[0]!.datasource, { uid: 'prom-uid' });
    const blank = JSON.parse(grafanaParams(ruleExploreUrl({ base: 'https://g.example', expr, orgId: 1, format: 'panes', datasource: '  ' })).panes!) as Record<
      string,
      Pane
    >;
    assert.equal(blank.a!.datasource, undefined, "a blank setting is Grafana's default");
  });
});

describe('dashboard discovery', () => {
  const files = [{ uri: 'file:///w/infrastructure/monitoring/grafana/dashboards/service-overview.json', text: dashboard }];

  it('finds the sample dashboard by its `service` variable', () => {
    assert.deepEqual(findServiceDashboard(files, 'service'), { uid: 'service-overview', title: 'Service Overview', variable: 'service', uri: files[0]!.uri });
  });

  it('falls back to service, job, app when the configured variable is absent', () => {
    const jobDash = { uri: 'file:///w/a.json', text: JSON.stringify({ uid: 'by-job', templating: { list: [{ name: 'job' }] } }) };
    assert.equal(findServiceDashboard([jobDash], 'svc')?.variable, 'job');
    assert.equal(findServiceDashboard([jobDash], 'svc')?.uid, 'by-job');
  });

  it('reads dashboards exported by the HTTP API ({ dashboard: … }) and ignores other JSON', () => {
    const wrapped = { uri: 'file:///w/b.json', text: JSON.stringify({ dashboard: { uid: 'wrapped', templating: { list: [{ name: 'app' }] } } }) };
    const junk = [
      { uri: 'file:///w/package.json', text: '{"name":"x"}' },
      { uri: 'file:///w/bad.json', text: '{' },
    ];
    assert.equal(findServiceDashboard([...junk, wrapped], 'service')?.uid, 'wrapped');
    assert.equal(findServiceDashboard(junk, 'service'), undefined);
  });

  it('uses the variable of a configured dashboard uid', () => {
    assert.equal(variableForUid(files, 'service-overview', 'job'), 'service');
    assert.equal(variableForUid(files, 'unknown', 'job'), 'job');
  });
});

describe('the service behind a link', () => {
  const engine = sampleEngine();

  it('value = the Prometheus job scraping the Service, else the Service name', () => {
    const { services } = listServices(engine.index, {});
    const byName = Object.fromEntries(services.map((s) => [s.name, `${s.job} (${s.jobFrom})`]));
    assert.deepEqual(byName, {
      'ai-personalization': 'ai-personalization (prometheus)',
      'main-app': 'main-app (prometheus)',
      alertmanager: 'alertmanager (service-name)',
      grafana: 'grafana (service-name)',
      prometheus: 'prometheus (service-name)',
    });
  });

  it('at the cursor: a Service itself, or the Service selecting a Deployment', () => {
    const uri = sampleUri('biome/main-app-deployment.yaml');
    assert.equal(listServices(engine.index, { uri, line: 10 }).atCursor?.name, 'main-app');
    assert.equal(listServices(engine.index, { uri, line: 40 }).atCursor?.name, 'main-app');
    assert.equal(listServices(engine.index, { uri: sampleUri('biome/app-secrets.yaml'), line: 2 }).atCursor, undefined);
  });

  it('unset Grafana URL: the workspace Grafana Service and its port-forward command', () => {
    const { services } = listServices(engine.index, {});
    assert.deepEqual(findGrafanaService(services), {
      address: 'grafana.monitoring:3000',
      portForward: 'kubectl port-forward -n monitoring svc/grafana 3000:3000',
      localUrl: 'http://localhost:3000',
    });
  });
});

describe('Grafana in a remote window', () => {
  it('notes port forwarding and offers the link for loopback URLs in a remote window only', () => {
    const note = remoteLinkNote('http://127.0.0.1:3000/d/abc?var-service=main-app', 'code-server');
    assert.match(note!, /remote \(code-server\).*forwards the 127\.0\.0\.1 link.*\/proxy\/<port>\//);
    assert.ok(remoteLinkNote('http://localhost:3000/explore', 'ssh-remote'));
    assert.equal(remoteLinkNote('http://localhost:3000/explore', undefined), undefined);
    assert.equal(remoteLinkNote('https://grafana.example.com/d/abc', 'code-server'), undefined);
    assert.equal(remoteLinkNote('not a url', 'code-server'), undefined);
  });

  it('the URL setting is a user/workspace setting (written to user settings, shown under User in a remote window)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    const scope = manifest.contributes.configuration.properties['biomeManifests.grafana.url']!.scope;
    // machine and machine-overridable settings are stored on the remote machine (the Settings UI's Remote tab).
    assert.equal(scope, 'resource');
  });
});
