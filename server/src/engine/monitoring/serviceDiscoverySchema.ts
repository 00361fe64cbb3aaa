/**
 * Prometheus service-discovery blocks (`*_sd_configs`, prometheus.io/docs configuration page, Prometheus 2.42 to 3.x).
 * Modelled field by field (the rarer ones from the SDConfig structs of Prometheus's discovery/ packages).
 */
import { HTTP_CLIENT_FIELDS } from './httpClientSchema';
import { withFields } from './schemaTypes';
import { RARER_SD_BLOCKS } from './rarerSdSchema';

const MODELLED =
  'azure consul digitalocean docker dockerswarm dns ec2 eureka file gce hetzner http kubernetes openstack ionos kuma lightsail linode marathon nerve nomad ovhcloud puppetdb scaleway serverset stackit triton uyuni vultr';

/** The `*_sd_configs` fields of a scrape config or an Alertmanager target list. */
export const SERVICE_DISCOVERY_FIELDS = Object.fromEntries(MODELLED.split(' ').map((name) => [`${name}_sd_configs`, `L:${name}_sd_config`]));

const REFRESH = { refresh_interval: 'd' };
const FILTERS = { filters: 'L:sd_filter' };

export const SERVICE_DISCOVERY_BLOCKS = {
  kubernetes_sd_config: withFields(HTTP_CLIENT_FIELDS, {
    api_server: 'U',
    role: 'E:endpoints|endpointslice|ingress|node|pod|service!',
    kubeconfig_file: 's',
    namespaces: 'B:kubernetes_namespaces',
    selectors: 'L:kubernetes_selector',
    attach_metadata: 'B:kubernetes_attach_metadata',
  }),
  kubernetes_namespaces: { own_namespace: 'b', names: 'S' },
  kubernetes_selector: { role: 'E:endpoints|endpointslice|ingress|node|pod|service!', label: 's', field: 's' },
  kubernetes_attach_metadata: { node: 'b', namespace: 'b' },
  file_sd_config: withFields(REFRESH, { files: 'S:sdfile!' }),
  dns_sd_config: withFields(REFRESH, { names: 'S!', type: 'I:SRV|A|AAAA|MX|NS', port: 'i' }),
  http_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { url: 'u!' }),
  consul_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, {
    server: 's',
    path_prefix: 's',
    token: 'x',
    datacenter: 's',
    namespace: 's',
    partition: 's',
    scheme: 'E:http|https',
    services: 'S',
    tags: 'S',
    node_meta: 'M',
    tag_separator: 's',
    allow_stale: 'b',
    filter: 's',
  }),
  ec2_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, FILTERS, {
    region: 's',
    endpoint: 's',
    access_key: 's',
    secret_key: 'x',
    profile: 's',
    role_arn: 's',
    port: 'i',
  }),
  sd_filter: { name: 's', values: 'S' },
  azure_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, {
    environment: 's',
    authentication_method: 'E:OAuth|ManagedIdentity|SDK',
    subscription_id: 's!',
    tenant_id: 's',
    client_id: 's',
    client_secret: 'x',
    resource_group: 's',
    port: 'i',
  }),
  gce_sd_config: withFields(REFRESH, { project: 's!', zone: 's!', filter: 's', port: 'i', tag_separator: 's' }),
  openstack_sd_config: withFields(REFRESH, {
    role: 'E:hypervisor|instance|loadbalancer!',
    region: 's!',
    identity_endpoint: 's',
    username: 's',
    userid: 's',
    password: 'x',
    domain_name: 's',
    domain_id: 's',
    project_name: 's',
    project_id: 's',
    application_credential_name: 's',
    application_credential_id: 's',
    application_credential_secret: 'x',
    all_tenants: 'b',
    port: 'i',
    availability: 'E:public|admin|internal',
    tls_config: 'B:tls_config',
  }),
  docker_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, FILTERS, { host: 's!', port: 'i', host_networking_host: 's', match_first_network: 'b' }),
  dockerswarm_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, FILTERS, { host: 's!', role: 'E:services|tasks|nodes!', port: 'i' }),
  eureka_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { server: 'u!' }),
  digitalocean_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { port: 'i' }),
  hetzner_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { role: 'E:robot|hcloud!', port: 'i' }),
  static_config: { targets: 'S', labels: 'M' },
  ...RARER_SD_BLOCKS,
};
