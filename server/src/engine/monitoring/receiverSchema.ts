/**
 * Alertmanager receiver integrations (`*_configs` of a receiver, prometheus.io/docs/alerting/latest/configuration,
 * Alertmanager 0.25 to 0.28), each with its nested blocks.
 */
import { withFields } from './schemaTypes';

const COMMON = { send_resolved: 'b', http_config: 'B:http_config' };
const NAMES = 'discord email incidentio jira msteams msteamsv2 opsgenie pagerduty pushover rocketchat slack sns telegram victorops webex webhook wechat';

/** The integration lists of a receiver. */
export const INTEGRATION_FIELDS = {
  ...Object.fromEntries(NAMES.split(' ').map((name) => [`${name}_configs`, `L:${name}_config`])),
  // Alertmanager 0.29+: accepted as a whole until its fields are modelled.
  mattermost_configs: 'A',
};

export const RECEIVER_BLOCKS = {
  email_config: {
    send_resolved: 'b', to: 's!', from: 's', smarthost: 's', hello: 's', auth_username: 's', auth_password: 'x', auth_password_file: 's',
    auth_secret: 'x', auth_secret_file: 's', auth_identity: 's', headers: 'M', html: 's', text: 's', require_tls: 'b', force_implicit_tls: 'b', tls_config: 'B:tls_config',
  },
  slack_config: withFields(COMMON, {
    api_url: 'u', api_url_file: 's', app_token: 'x', app_token_file: 's', app_url: 'u', channel: 's', username: 's', color: 's', title: 's', title_link: 's',
    pretext: 's', text: 's', fields: 'L:field_config', short_fields: 'b', footer: 's', fallback: 's', callback_id: 's', icon_emoji: 's', icon_url: 's',
    image_url: 's', thumb_url: 's', link_names: 'b', mrkdwn_in: 'S', actions: 'L:action_config', timeout: 'g', update_message: 'b',
  }),
  field_config: { title: 's!', value: 's!', short: 'b' },
  action_config: { type: 's!', text: 's!', url: 's', style: 's', name: 's', value: 's', confirm: 'B:field_confirm' },
  field_confirm: { text: 's!', dismiss_text: 's', ok_text: 's', title: 's' },
  pagerduty_config: withFields(COMMON, {
    routing_key: 'x', routing_key_file: 's', service_key: 'x', service_key_file: 's', url: 'u', client: 's', client_url: 's', description: 's',
    details: 'M', images: 'L:image_config', links: 'L:link_config', source: 's', severity: 's', class: 's', component: 's', group: 's', timeout: 'g',
  }),
  image_config: { src: 's', alt: 's', href: 's' },
  link_config: { href: 's', text: 's' },
  webhook_config: withFields(COMMON, { url: 'u', url_file: 's', max_alerts: 'i', timeout: 'g' }),
  opsgenie_config: withFields(COMMON, {
    api_key: 'x', api_key_file: 's', api_url: 'u', message: 's', description: 's', source: 's', details: 'M', entity: 's', responders: 'L:responder',
    actions: 's', tags: 's', note: 's', priority: 's', update_alerts: 'b',
  }),
  responder: { id: 's', name: 's', username: 's', type: 'E:team|teams|user|escalation|schedule!' },
  victorops_config: withFields(COMMON, {
    api_key: 'x', api_key_file: 's', api_url: 'u', routing_key: 's!', message_type: 's', entity_display_name: 's', state_message: 's', monitoring_tool: 's', custom_fields: 'M',
  }),
  pushover_config: withFields(COMMON, {
    user_key: 'x', user_key_file: 's', token: 'x', token_file: 's', title: 's', message: 's', url: 's', url_title: 's', device: 's', sound: 's', priority: 's',
    retry: 'g', expire: 'g', ttl: 'g', html: 'b', monospace: 'b',
  }),
  wechat_config: withFields(COMMON, {
    api_secret: 'x', api_secret_file: 's', api_url: 'u', corp_id: 's', message: 's', message_type: 'E:text|markdown', agent_id: 's', to_user: 's', to_party: 's', to_tag: 's',
  }),
  telegram_config: withFields(COMMON, {
    api_url: 'u', bot_token: 'x', bot_token_file: 's', chat_id: 'i!', message_thread_id: 'i', message: 's', disable_notifications: 'b', parse_mode: 'E:MarkdownV2|Markdown|HTML|',
  }),
  sns_config: withFields(COMMON, {
    api_url: 's', sigv4: 'B:sigv4', topic_arn: 's', phone_number: 's', target_arn: 's', subject: 's', message: 's', attributes: 'M',
  }),
  discord_config: withFields(COMMON, { webhook_url: 'u', webhook_url_file: 's', title: 's', message: 's', content: 's', username: 's', avatar_url: 's' }),
  webex_config: withFields(COMMON, { api_url: 'u', room_id: 's!', message: 's' }),
  msteams_config: withFields(COMMON, { webhook_url: 'u', webhook_url_file: 's', title: 's', summary: 's', text: 's' }),
  msteamsv2_config: withFields(COMMON, { webhook_url: 'u', webhook_url_file: 's', title: 's', text: 's' }),
  jira_config: withFields(COMMON, {
    api_url: 'u', project: 's!', summary: 's', description: 's', labels: 'S', priority: 's', issue_type: 's!', reopen_transition: 's', resolve_transition: 's',
    wont_fix_resolution: 's', reopen_duration: 'd', fields: 'A',
  }),
  rocketchat_config: withFields(COMMON, {
    api_url: 'u', channel: 's', token: 'x', token_file: 's', token_id: 'x', token_id_file: 's', color: 's', emoji: 's', icon_url: 's', text: 's', title: 's',
    title_link: 's', fields: 'L:rocketchat_field_config', short_fields: 'b', image_url: 's', thumb_url: 's', link_names: 'b', actions: 'L:rocketchat_action_config',
  }),
  rocketchat_field_config: { title: 's', value: 's', short: 'b' },
  rocketchat_action_config: { type: 's', text: 's', url: 's', msg: 's' },
  incidentio_config: withFields(COMMON, { url: 'u', url_file: 's', alert_source_token: 'x', alert_source_token_file: 's', max_alerts: 'i', timeout: 'g' }),
  sigv4: { region: 's', access_key: 's', secret_key: 'x', profile: 's', role_arn: 's', external_id: 's', use_fips_sts_endpoint: 'b' },
};
