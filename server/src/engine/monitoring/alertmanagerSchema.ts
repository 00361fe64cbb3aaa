/** Alertmanager configuration (prometheus.io/docs/alerting/latest/configuration, Alertmanager 0.25 to 0.28). */
import { anyOf, withFields, type Schema } from './schemaTypes';

const INTEGRATIONS = anyOf(
  'discord_configs email_configs incidentio_configs jira_configs msteams_configs msteamsv2_configs opsgenie_configs pagerduty_configs pushover_configs rocketchat_configs slack_configs sns_configs telegram_configs victorops_configs webex_configs webhook_configs wechat_configs',
);

const GLOBAL_STRINGS =
  'smtp_from smtp_hello smtp_smarthost smtp_auth_username smtp_auth_password smtp_auth_password_file smtp_auth_secret smtp_auth_secret_file smtp_auth_identity slack_api_url slack_api_url_file victorops_api_key victorops_api_key_file victorops_api_url pagerduty_url opsgenie_api_key opsgenie_api_key_file opsgenie_api_url wechat_api_url wechat_api_secret wechat_api_corp_id telegram_api_url webex_api_url rocketchat_api_url rocketchat_api_token rocketchat_api_token_file rocketchat_api_token_id rocketchat_api_token_id_file jira_api_url';

export const ALERTMANAGER_CONFIG: Schema = {
  root: { global: 'B:global', route: 'B:route', receivers: 'L:receiver', inhibit_rules: 'L:inhibit_rule', time_intervals: 'L:time_interval', mute_time_intervals: 'L:time_interval', templates: 'S', tracing: 'A' },
  global: withFields(Object.fromEntries(GLOBAL_STRINGS.split(' ').map((name) => [name, 's'])), { resolve_timeout: 'd', http_config: 'A', smtp_require_tls: 'b', smtp_tls_config: 'A' }),
  route: {
    receiver: 's', group_by: 'S', continue: 'b', matchers: 'S', match: 'M', match_re: 'M', group_wait: 'd', group_interval: 'd', repeat_interval: 'd',
    mute_time_intervals: 'S', active_time_intervals: 'S', routes: 'L:route',
  },
  receiver: withFields(INTEGRATIONS, { name: 's' }),
  inhibit_rule: { source_matchers: 'S', target_matchers: 'S', source_match: 'M', source_match_re: 'M', target_match: 'M', target_match_re: 'M', equal: 'S' },
  time_interval: { name: 's', time_intervals: 'A' },
};
