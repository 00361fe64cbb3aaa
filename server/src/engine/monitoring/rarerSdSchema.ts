/**
 * The rarer Prometheus service-discovery blocks, field by field as their `SDConfig` structs declare them (Prometheus
 * discovery/<name>/: ionos, aws/lightsail, marathon, zookeeper (nerve, serverset), ovhcloud, puppetdb, scaleway,
 * triton, uyuni, vultr, linode, nomad, xds/kuma, stackit) with the fields their UnmarshalYAML requires. Debian's
 * promtool 2.42 knows all but linode, nomad, kuma and stackit: the differential test compares the others
 * (test/fixtures/monitoring/valid-rare-sd…).
 */
import { HTTP_CLIENT_FIELDS } from './httpClientSchema';
import { withFields } from './schemaTypes';

const REFRESH = { refresh_interval: 'd' };
const ZOOKEEPER = { servers: 'S!', paths: 'S!', timeout: 'd' };

export const RARER_SD_BLOCKS = {
  ionos_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { datacenter_id: 's!', port: 'i' }),
  lightsail_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, {
    endpoint: 's',
    region: 's',
    access_key: 's',
    secret_key: 'x',
    profile: 's',
    role_arn: 's',
    port: 'i',
  }),
  marathon_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { servers: 'S!', auth_token: 'x', auth_token_file: 's' }),
  nerve_sd_config: ZOOKEEPER,
  serverset_sd_config: ZOOKEEPER,
  ovhcloud_sd_config: withFields(REFRESH, {
    endpoint: 's',
    application_key: 's!',
    application_secret: 'x!',
    consumer_key: 'x!',
    service: 'E:vps|dedicated_server!',
  }),
  puppetdb_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { url: 'U!', query: 's!', include_parameters: 'b', port: 'i' }),
  scaleway_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, {
    project_id: 's!',
    role: 'E:instance|baremetal!',
    api_url: 'U',
    zone: 's',
    access_key: 's!',
    secret_key: 'x',
    secret_key_file: 's',
    name_filter: 's',
    tags_filter: 'S',
    port: 'i',
  }),
  triton_sd_config: withFields(REFRESH, {
    account: 's!',
    role: 'E:container|cn',
    dns_suffix: 's!',
    endpoint: 's!',
    groups: 'S',
    port: 'i',
    tls_config: 'B:tls_config',
    version: 'i',
  }),
  uyuni_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { server: 's!', username: 's!', password: 'x!', entitlement: 's', separator: 's' }),
  vultr_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { port: 'i' }),
  linode_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { region: 's', port: 'i', tag_separator: 's' }),
  nomad_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { server: 's!', namespace: 's', region: 's', allow_stale: 'b', tag_separator: 's' }),
  // discovery/xds (xds.go SDConfig; kuma.go refuses a server without a scheme and a host).
  kuma_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, { fetch_timeout: 'd', server: 'u!', client_id: 's' }),
  // discovery/stackit/stackit.go; `role` (server, postgres_flex) only in newer releases, so optional here.
  stackit_sd_config: withFields(HTTP_CLIENT_FIELDS, REFRESH, {
    project: 's',
    port: 'i',
    role: 'E:server|postgres_flex',
    region: 's',
    endpoint: 'U',
    service_account_key: 'x',
    private_key: 'x',
    service_account_key_path: 's',
    private_key_path: 's',
    credentials_file_path: 's',
  }),
};
