/** Alertmanager configuration (prometheus.io/docs/alerting/latest/configuration, Alertmanager 0.25 to 0.28). */
import { HTTP_CLIENT_BLOCKS } from './httpClientSchema';
import { INTEGRATION_FIELDS, RECEIVER_BLOCKS } from './receiverSchema';
import { allOf, withFields, type Schema } from './schemaTypes';

const GLOBAL_STRINGS =
  'smtp_from smtp_hello smtp_smarthost smtp_auth_username smtp_auth_password_file smtp_auth_secret_file smtp_auth_identity slack_api_url_file slack_app_token_file victorops_api_key_file opsgenie_api_key_file wechat_api_secret_file wechat_api_corp_id rocketchat_token_file rocketchat_token_id_file telegram_bot_token_file mattermost_webhook_url_file';
const GLOBAL_SECRETS =
  'smtp_auth_password smtp_auth_secret slack_app_token victorops_api_key opsgenie_api_key wechat_api_secret telegram_bot_token rocketchat_token rocketchat_token_id';
const GLOBAL_URLS =
  'slack_api_url slack_app_url victorops_api_url pagerduty_url opsgenie_api_url wechat_api_url telegram_api_url webex_api_url rocketchat_api_url jira_api_url mattermost_webhook_url';

export const ALERTMANAGER_CONFIG: Schema = {
  root: {
    global: 'B:global',
    route: 'B:route',
    receivers: 'L:receiver',
    inhibit_rules: 'L:inhibit_rule',
    time_intervals: 'L:time_interval',
    mute_time_intervals: 'L:time_interval',
    templates: 'S',
    tracing: 'B:tracing_config',
  },
  global: withFields(allOf('s', GLOBAL_STRINGS), allOf('x', GLOBAL_SECRETS), allOf('u', GLOBAL_URLS), {
    resolve_timeout: 'd',
    http_config: 'B:http_config',
    smtp_require_tls: 'b',
    smtp_force_implicit_tls: 'b',
    smtp_tls_config: 'B:tls_config',
  }),
  route: {
    receiver: 's',
    group_by: 'S',
    continue: 'b',
    matchers: 'S',
    match: 'M',
    match_re: 'M',
    group_wait: 'd',
    group_interval: 'd',
    repeat_interval: 'd',
    mute_time_intervals: 'S',
    active_time_intervals: 'S',
    routes: 'L:route',
  },
  receiver: withFields(INTEGRATION_FIELDS, { name: 's!' }),
  inhibit_rule: {
    name: 's',
    source_matchers: 'S',
    target_matchers: 'S',
    source_match: 'M',
    source_match_re: 'M',
    target_match: 'M',
    target_match_re: 'M',
    equal: 'S',
  },
  time_interval: { name: 's!', time_intervals: 'L:time_range' },
  time_range: { times: 'L:time_of_day', weekdays: 'S:weekday', days_of_month: 'S:day', months: 'S:month', years: 'S:year', location: 'Z' },
  time_of_day: { start_time: 'T!', end_time: 'T!' },
  tracing_config: {
    client_type: 'E:grpc|http',
    endpoint: 's',
    sampling_fraction: 'n',
    insecure: 'b',
    headers: 'M',
    compression: 'E:gzip',
    timeout: 'd',
    tls_config: 'B:tls_config',
  },
  ...HTTP_CLIENT_BLOCKS,
  ...RECEIVER_BLOCKS,
};
