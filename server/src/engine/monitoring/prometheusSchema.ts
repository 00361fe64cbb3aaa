/** Prometheus server configuration and rule files (prometheus.io/docs configuration pages, Prometheus 2.42 to 3.x). */
import { HTTP_CLIENT_BLOCKS, HTTP_CLIENT_FIELDS } from './httpClientSchema';
import { SERVICE_DISCOVERY_BLOCKS, SERVICE_DISCOVERY_FIELDS } from './serviceDiscoverySchema';
import { withFields, type Schema } from './schemaTypes';

const LIMITS = { sample_limit: 'i', label_limit: 'i', label_name_length_limit: 'i', label_value_length_limit: 'i', target_limit: 'i', keep_dropped_targets: 'i', body_size_limit: 'z' };
const PROTOCOL = 'E:PrometheusProto|OpenMetricsText0.0.1|OpenMetricsText1.0.0|PrometheusText0.0.4|PrometheusText1.0.0';
const HISTOGRAMS = { scrape_protocols: 'S:protocol', scrape_native_histograms: 'b', always_scrape_classic_histograms: 'b', scrape_classic_histograms: 'b', convert_classic_histograms_to_nhcb: 'b' };
const NAMING = { metric_name_validation_scheme: 'E:utf8|legacy|', metric_name_escaping_scheme: 'E:allow-utf-8|underscores|dots|values|', scrape_failure_log_file: 's', extra_scrape_metrics: 'b' };
const SIGV4 = { sigv4: 'B:sigv4' };

export const PROMETHEUS_CONFIG: Schema = {
  root: {
    global: 'B:global', scrape_configs: 'L:scrape_config', scrape_config_files: 'S', rule_files: 'S', alerting: 'B:alerting', remote_write: 'L:remote_write',
    remote_read: 'L:remote_read', storage: 'B:storage', tracing: 'B:tracing_config', otlp: 'B:otlp', runtime: 'B:runtime',
  },
  global: withFields(LIMITS, HISTOGRAMS, NAMING, {
    scrape_interval: 'd', scrape_timeout: 'd', evaluation_interval: 'd', rule_query_offset: 'd', external_labels: 'M', query_log_file: 's', extra_scrape_metrics: 'b',
  }),
  scrape_config: withFields(HTTP_CLIENT_FIELDS, SERVICE_DISCOVERY_FIELDS, LIMITS, HISTOGRAMS, NAMING, {
    job_name: 's', honor_labels: 'b', honor_timestamps: 'b', track_timestamps_staleness: 'b', scheme: 's', metrics_path: 's', params: 'M',
    scrape_interval: 'd', scrape_timeout: 'd', fallback_scrape_protocol: PROTOCOL, native_histogram_bucket_limit: 'i', native_histogram_min_bucket_factor: 'n',
    enable_compression: 'b', relabel_configs: 'L:relabel_config', metric_relabel_configs: 'L:relabel_config', static_configs: 'L:static_config',
  }),
  relabel_config: { source_labels: 'S', separator: 's', regex: 'r', modulus: 'i', target_label: 's', replacement: 's', action: 's' },
  alerting: { alert_relabel_configs: 'L:relabel_config', alertmanagers: 'L:alertmanager_config' },
  alertmanager_config: withFields(HTTP_CLIENT_FIELDS, SERVICE_DISCOVERY_FIELDS, SIGV4, {
    timeout: 'd', api_version: 'E:v1|v2', path_prefix: 's', scheme: 's', static_configs: 'L:static_config', relabel_configs: 'L:relabel_config',
    alert_relabel_configs: 'L:relabel_config',
  }),
  remote_write: withFields(HTTP_CLIENT_FIELDS, SIGV4, {
    url: 'U!', name: 's', remote_timeout: 'd', headers: 'M', write_relabel_configs: 'L:relabel_config', send_exemplars: 'b', send_native_histograms: 'b',
    round_robin_dns: 'b', protobuf_message: 's', queue_config: 'B:queue_config', metadata_config: 'B:metadata_config', azuread: 'B:azuread', google_iam: 'B:google_iam',
  }),
  queue_config: {
    capacity: 'i', max_shards: 'i', min_shards: 'i', max_samples_per_send: 'i', batch_send_deadline: 'd', min_backoff: 'd', max_backoff: 'd',
    retry_on_http_429: 'b', sample_age_limit: 'd',
  },
  metadata_config: { send: 'b', send_interval: 'd', max_samples_per_send: 'i' },
  sigv4: { region: 's', access_key: 's', secret_key: 'x', profile: 's', role_arn: 's', external_id: 's', use_fips_sts_endpoint: 'b' },
  azuread: { cloud: 'E:AzurePublic|AzureChina|AzureGovernment', managed_identity: 'B:azuread_managed_identity', oauth: 'B:azuread_oauth', sdk: 'B:azuread_sdk', workload_identity: 'B:azuread_workload_identity', scope: 's' },
  azuread_managed_identity: { client_id: 's' },
  azuread_oauth: { client_id: 's', client_secret: 'x', tenant_id: 's' },
  azuread_sdk: { tenant_id: 's' },
  azuread_workload_identity: { client_id: 's', tenant_id: 's', token_file_path: 's' },
  google_iam: { credentials_file: 's' },
  remote_read: withFields(HTTP_CLIENT_FIELDS, { url: 'U!', name: 's', remote_timeout: 'd', headers: 'M', required_matchers: 'M', read_recent: 'b', filter_external_labels: 'b' }),
  storage: { tsdb: 'B:tsdb', exemplars: 'B:exemplars' },
  tsdb: { out_of_order_time_window: 'd', retention: 'B:tsdb_retention' },
  tsdb_retention: { time: 'd', size: 'z' },
  exemplars: { max_exemplars: 'i' },
  tracing_config: {
    client_type: 'E:grpc|http', endpoint: 's!', sampling_fraction: 'n', insecure: 'b', headers: 'M', compression: 'E:gzip', timeout: 'd', tls_config: 'B:tls_config',
  },
  otlp: {
    promote_resource_attributes: 'S', promote_all_resource_attributes: 'b', ignore_resource_attributes: 'S', translation_strategy: 's',
    keep_identifying_resource_attributes: 'b', convert_histograms_to_nhcb: 'b', promote_scope_metadata: 'b',
  },
  runtime: { gogc: 'i' },
  ...HTTP_CLIENT_BLOCKS,
  ...SERVICE_DISCOVERY_BLOCKS,
};

export const PROMETHEUS_RULES: Schema = {
  root: { groups: 'L:group' },
  // partial_response_strategy: a Thanos/Prometheus Operator field of PrometheusRule groups.
  group: { name: 's', interval: 'd', query_offset: 'd', limit: 'i', labels: 'M', rules: 'L:rule', partial_response_strategy: 's' },
  rule: { record: 's', alert: 's', expr: 's', for: 'd', keep_firing_for: 'd', labels: 'M', annotations: 'M' },
};
