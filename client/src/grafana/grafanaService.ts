/** The Grafana Service a workspace defines, and how to reach it from this machine. Pure. */
import type { ServiceInfo } from '../../../server/src/protocol';

export interface GrafanaService {
  /** In-cluster address: `grafana.monitoring:3000`. */
  address: string;
  /** `kubectl port-forward -n monitoring svc/grafana 3000:3000` */
  portForward: string;
  /** Where the port-forward makes it reachable. */
  localUrl: string;
}

export function findGrafanaService(services: readonly ServiceInfo[]): GrafanaService | undefined {
  const service = services.find((s) => s.name === 'grafana') ?? services.find((s) => s.name.includes('grafana'));
  if (!service) return undefined;
  const port = service.ports[0] ?? 3000;
  return {
    address: `${service.name}.${service.namespace}:${port}`,
    portForward: `kubectl port-forward -n ${service.namespace} svc/${service.name} ${port}:${port}`,
    localUrl: `http://localhost:${port}`,
  };
}
