import { configRule } from '../engine/lint/rule';
import { resolveServices, serviceHost, staticTargets } from '../engine/k8s/scrapeTargets';
import { exampleService } from './helpers/exampleObjects';
import { exampleScrapeConfig } from './helpers/exampleMonitoring';

export const rule = configRule({
  id: 'no-unknown-scrape-target',
  defaultSeverity: 'info',
  kinds: ['prometheus-config'],
  messages: {
    unknownService:
      'Job {{job}} scrapes {{target}}, but no Service {{service}} is in this workspace: the target only resolves if the Service is defined elsewhere. Check the name, or add the Service.',
    unknownServiceInNamespace:
      'Job {{job}} scrapes {{target}}, but no Service {{service}} in namespace {{namespace}} is in this workspace: the target only resolves if the Service is defined elsewhere. Check the name, or add the Service.',
  },
  summary: 'A Prometheus static target that looks like a Service name names a Service of this workspace.',
  rationale:
    'A target host that is a bare DNS label (`api-gateway:3000`) or an in-cluster name (`api-gateway.prod.svc`) only resolves when such a Service exists. When the workspace has none, the Service may be defined in another repository — or the name has a typo, or the Service was renamed, and the target is down without anyone noticing. Informational, since the workspace need not hold every Service. Names with dots that are not in-cluster forms (`db.example.com`) and `svc.ns` names whose namespace is not in the workspace are not reported.',
  remediation:
    'Check the name against the Services (`kubectl get svc -A`), fix typos, or add the Service to the workspace; suppress the finding for targets defined elsewhere.',
  valid: [
    {
      files: {
        'prometheus.yml': exampleScrapeConfig("'main-app:80', 'localhost:9090', '10.0.0.12:9100', 'db.example.com:9187'"),
        'main-app.yaml': exampleService(['selector:', '  app: main-app', 'ports:', '  - port: 80'], 'main-app'),
      },
    },
  ],
  invalid: [
    {
      example: exampleScrapeConfig("'api-gateway:3000'", 'api-gateway'),
      messageId: 'unknownService',
      line: 4,
      column: 19,
    },
    {
      example: exampleScrapeConfig("'api-gateway.prod.svc:3000'", 'api-gateway'),
      messageId: 'unknownServiceInNamespace',
      line: 4,
      column: 19,
    },
  ],
  check(context) {
    for (const target of staticTargets(context.target.value)) {
      const host = serviceHost(target.host);
      if (!host) continue;
      // `a.b` is as likely an external domain as a Service in namespace b: only judge it when b is a namespace here.
      if (!host.certain && !context.workspace.lookup('Namespace', 'default', host.namespace!)) continue;
      if (resolveServices(context.workspace, host).length > 0) continue;
      context.report({
        path: target.path,
        messageId: host.namespace ? 'unknownServiceInNamespace' : 'unknownService',
        data: { job: target.job, target: target.text, service: host.name, namespace: host.namespace ?? '' },
      });
    }
  },
});
