/** Prometheus server configuration and rule files (prometheus.io/docs configuration pages, Prometheus 2.42 to 3.x). */
import { anyOf, withFields, type Schema } from './schemaTypes';

const SERVICE_DISCOVERY = anyOf(
  'azure_sd_configs consul_sd_configs digitalocean_sd_configs docker_sd_configs dockerswarm_sd_configs dns_sd_configs ec2_sd_configs eureka_sd_configs file_sd_configs gce_sd_configs hetzner_sd_configs http_sd_configs ionos_sd_configs kubernetes_sd_configs kuma_sd_configs lightsail_sd_configs linode_sd_configs marathon_sd_configs nerve_sd_configs nomad_sd_configs openstack_sd_configs ovhcloud_sd_configs puppetdb_sd_configs scaleway_sd_configs serverset_sd_configs stackit_sd_configs triton_sd_configs uyuni_sd_configs vultr_sd_configs',
);

const HTTP_CLIENT = {
  basic_auth: 'B:basic_auth',
  authorization: 'B:authorization',
  oauth2: 'A',
  bearer_token: 's',
  bearer_token_file: 's',
  tls_config: 'B:tls_config',
  proxy_url: 's',
  no_proxy: 's',
  proxy_from_environment: 'b',
  proxy_connect_header: 'M',
  follow_redirects: 'b',
  enable_http2: 'b',
  http_headers: 'M',
};

const LIMITS = { sample_limit: 'i', label_limit: 'i', label_name_length_limit: 'i', label_value_length_limit: 'i', target_limit: 'i', keep_dropped_targets: 'i', body_size_limit: 's' };
const HISTOGRAMS = { scrape_protocols: 'S', scrape_native_histograms: 'b', always_scrape_classic_histograms: 'b', scrape_classic_histograms: 'b', convert_classic_histograms_to_nhcb: 'b' };
const NAMING = { metric_name_validation_scheme: 's', metric_name_escaping_scheme: 's', scrape_failure_log_file: 's' };

export const PROMETHEUS_CONFIG: Schema = {
  root: { global: 'B:global', scrape_configs: 'L:scrape_config', scrape_config_files: 'S', rule_files: 'S', alerting: 'B:alerting', remote_write: 'L:remote_write', remote_read: 'L:remote_read', storage: 'A', tracing: 'A', otlp: 'A', runtime: 'A' },
  global: withFields(LIMITS, HISTOGRAMS, NAMING, { scrape_interval: 'd', scrape_timeout: 'd', evaluation_interval: 'd', rule_query_offset: 'd', external_labels: 'M', query_log_file: 's', extra_scrape_metrics: 'b' }),
  scrape_config: withFields(HTTP_CLIENT, SERVICE_DISCOVERY, LIMITS, HISTOGRAMS, NAMING, {
    job_name: 's', honor_labels: 'b', honor_timestamps: 'b', track_timestamps_staleness: 'b', scheme: 's', metrics_path: 's', params: 'M',
    scrape_interval: 'd', scrape_timeout: 'd', fallback_scrape_protocol: 's', native_histogram_bucket_limit: 'i', native_histogram_min_bucket_factor: 'n',
    enable_compression: 'b', relabel_configs: 'L:relabel_config', metric_relabel_configs: 'L:relabel_config', static_configs: 'L:static_config',
  }),
  static_config: { targets: 'S', labels: 'M' },
  relabel_config: { source_labels: 'S', separator: 's', regex: 's', modulus: 'i', target_label: 's', replacement: 's', action: 's' },
  basic_auth: { username: 's', username_file: 's', username_ref: 's', password: 's', password_file: 's', password_ref: 's' },
  authorization: { type: 's', credentials: 's', credentials_file: 's', credentials_ref: 's' },
  tls_config: { ca: 's', ca_file: 's', ca_ref: 's', cert: 's', cert_file: 's', cert_ref: 's', key: 's', key_file: 's', key_ref: 's', server_name: 's', insecure_skip_verify: 'b', min_version: 's', max_version: 's' },
  alerting: { alert_relabel_configs: 'L:relabel_config', alertmanagers: 'L:alertmanager_config' },
  alertmanager_config: withFields(HTTP_CLIENT, SERVICE_DISCOVERY, {
    timeout: 'd', api_version: 's', path_prefix: 's', scheme: 's', static_configs: 'L:static_config', relabel_configs: 'L:relabel_config', alert_relabel_configs: 'L:relabel_config', sigv4: 'A',
  }),
  remote_write: withFields(HTTP_CLIENT, {
    url: 's', name: 's', remote_timeout: 'd', headers: 'M', write_relabel_configs: 'L:relabel_config', send_exemplars: 'b', send_native_histograms: 'b',
    round_robin_dns: 'b', protobuf_message: 's', queue_config: 'A', metadata_config: 'A', sigv4: 'A', azuread: 'A', google_iam: 'A',
  }),
  remote_read: withFields(HTTP_CLIENT, { url: 's', name: 's', remote_timeout: 'd', headers: 'M', required_matchers: 'M', read_recent: 'b', filter_external_labels: 'b' }),
};

export const PROMETHEUS_RULES: Schema = {
  root: { groups: 'L:group' },
  // partial_response_strategy: a Thanos/Prometheus Operator field of PrometheusRule groups.
  group: { name: 's', interval: 'd', query_offset: 'd', limit: 'i', labels: 'M', rules: 'L:rule', partial_response_strategy: 's' },
  rule: { record: 's', alert: 's', expr: 's', for: 'd', keep_firing_for: 'd', labels: 'M', annotations: 'M' },
};
