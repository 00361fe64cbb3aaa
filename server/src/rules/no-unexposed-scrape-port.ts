import { configRule, type RuleExample } from '../engine/lint/rule';
import type { RelatedLocation } from '../engine/types';
import { fix } from './helpers/edits';
import { replaceScalar, scalarAt } from './helpers/scalarSource';
import { exposes, resolveServices, serviceHost, servicePorts, staticTargets } from '../engine/k8s/scrapeTargets';
import type { RenderedObject } from '../engine/render/render';
import { exampleService } from './helpers/exampleObjects';
import { exampleScrapeConfig } from './helpers/exampleMonitoring';

function portsText(service: RenderedObject): string {
  return servicePorts(service)
    .map((p) => (p.targetPort !== undefined && p.targetPort !== p.port ? `${p.port} (targetPort ${p.targetPort})` : String(p.port)))
    .join(', ');
}

/** The text written back with the same quoting as `source`. */
function quotedLike(source: string, text: string): string {
  if (source.startsWith("'")) return `'${text}'`;
  if (source.startsWith('"')) return JSON.stringify(text);
  return text;
}

/** prometheus.yml scraping `target`, and Service main-app with `ports` (a flow list). */
const scraping = (target: string, ports: string): RuleExample => ({
  files: {
    'prometheus.yml': exampleScrapeConfig(target),
    'main-app.yaml': exampleService(['selector: { app: main-app }', `ports: ${ports}`], 'main-app'),
  },
});

export const rule = configRule({
  id: 'no-unexposed-scrape-port',
  defaultSeverity: 'warning',
  kinds: ['prometheus-config'],
  messages: {
    targetPortScraped:
      'Job {{job}} scrapes {{target}}, but {{services}}: {{port}} is the targetPort behind port {{servicePort}}, a container port the Service name does not listen on. The scrape fails. Scrape {{suggestion}}, or scrape the pods through service discovery.',
    portNotExposed: 'Job {{job}} scrapes {{target}}, but {{services}}: The scrape fails. Scrape {{suggestion}}, or scrape the pods through service discovery.',
    noExposedPort:
      'Job {{job}} scrapes {{target}}, but {{services}}: The scrape fails. Use a port the Service exposes, or scrape the pods through service discovery.',
  },
  summary: 'A Prometheus static target `service:port` uses a port the Service exposes.',
  rationale:
    "A static target that names a Service (`svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`) connects to the Service's cluster IP, which only listens on the Service's `port` values — not on the containers' ports behind them. Scraping `main-app:3000` when Service main-app exposes 80 → targetPort 3000 times out: the target stays down and its alerts never fire. A bare name is matched against Services of that name in any namespace (the namespace Prometheus runs in decides how it resolves); headless Services, whose names resolve to pod IPs, also accept their target ports.",
  remediation: 'Scrape the Service port (`main-app:80`), or scrape the pods directly with `kubernetes_sd_configs` (role `endpoints` or `pod`).',
  valid: [
    {
      files: {
        'prometheus.yml': exampleScrapeConfig("'main-app:80', 'alertmanager.monitoring:9093', 'localhost:9090'"),
        'main-app.yaml': `${exampleService(['selector:', '  app: main-app', 'ports:', '  - port: 80', '    targetPort: 3000'], 'main-app')}---
${exampleService(['selector:', '  app: alertmanager', 'ports:', '  - port: 9093'], 'alertmanager', ['namespace: monitoring'])}`,
      },
    },
  ],
  invalid: [
    {
      example: scraping("'main-app:3000'", '[{ port: 80, targetPort: 3000 }]'),
      messageId: 'targetPortScraped',
      file: 'prometheus.yml',
      line: 4,
      column: 19,
      output: exampleScrapeConfig("'main-app:80'"),
    },
    {
      example: scraping('main-app:8080', '[{ port: 80, targetPort: 3000 }]'),
      messageId: 'portNotExposed',
      file: 'prometheus.yml',
      line: 4,
      column: 19,
      output: exampleScrapeConfig('main-app:80'),
    },
    {
      example: scraping("'main-app:9090'", '[{ name: http, port: 80, targetPort: 3000 }, { name: https, port: 443, targetPort: 3443 }]'),
      messageId: 'noExposedPort',
      file: 'prometheus.yml',
      line: 4,
      column: 19,
    },
  ],
  check(context) {
    const { doc } = context.target;
    for (const target of staticTargets(context.target.value)) {
      const host = serviceHost(target.host);
      if (!host || target.port === undefined) continue;
      const services = resolveServices(context.workspace, host);
      if (services.length === 0 || services.some((s) => exposes(s, target.port!))) continue;
      const first = services[0]!;
      const behind = servicePorts(first).find((p) => p.targetPort === target.port);
      const only = services.length === 1 && servicePorts(first).length === 1 ? servicePorts(first)[0] : undefined;
      const names = services
        .map((s) => `Service ${s.identity.name ?? ''} (namespace ${s.identity.namespace}) exposes ${portsText(s) || 'no ports'}`)
        .join('; ');
      const port = behind?.port ?? only?.port;
      const suggestion = port === undefined ? undefined : target.text.trim().replace(/:\d+$/, `:${port}`);
      const related: RelatedLocation[] = services.map((s) => {
        const origin = s.locate(['spec', 'ports']);
        return { uri: origin.doc.uri, range: origin.doc.rangeOfPath(origin.path), message: `ports of Service ${s.identity.name ?? ''}` };
      });
      const scalar = scalarAt(doc, target.path);
      context.report({
        path: target.path,
        messageId: behind ? 'targetPortScraped' : suggestion ? 'portNotExposed' : 'noExposedPort',
        data: { job: target.job, target: target.text, services: names, port: target.port, servicePort: behind?.port ?? '', suggestion: suggestion ?? '' },
        related,
        fixes:
          suggestion && scalar
            ? fix(`Scrape ${suggestion}`, behind ? 'safe' : 'unsafe', doc, [replaceScalar(doc, target.path, quotedLike(scalar.source, suggestion))])
            : [],
      });
    }
  },
});
