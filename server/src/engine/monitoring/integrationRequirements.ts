/**
 * What each Alertmanager integration needs, from its own fields or from `global` (Alertmanager's config loading:
 * "no global SMTP smarthost set", "missing service or routing key in PagerDuty config"…). Each requirement is a
 * list of alternatives: the integration's own fields first, then the global ones that stand in for them.
 */
import type { ValuePath } from '../types';
import { isObj } from './walk';

interface Requirement {
  own: string[];
  global?: string[];
}

const REQUIREMENTS: Readonly<Record<string, readonly Requirement[]>> = {
  email_configs: [
    { own: ['smarthost'], global: ['smtp_smarthost'] },
    { own: ['from'], global: ['smtp_from'] },
  ],
  slack_configs: [
    {
      own: ['api_url', 'api_url_file', 'app_token', 'app_token_file'],
      global: ['slack_api_url', 'slack_api_url_file', 'slack_app_token', 'slack_app_token_file'],
    },
  ],
  opsgenie_configs: [{ own: ['api_key', 'api_key_file'], global: ['opsgenie_api_key', 'opsgenie_api_key_file'] }],
  victorops_configs: [{ own: ['api_key', 'api_key_file'], global: ['victorops_api_key', 'victorops_api_key_file'] }],
  wechat_configs: [
    { own: ['api_secret', 'api_secret_file'], global: ['wechat_api_secret', 'wechat_api_secret_file'] },
    { own: ['corp_id'], global: ['wechat_api_corp_id'] },
  ],
  pushover_configs: [{ own: ['user_key', 'user_key_file'] }, { own: ['token', 'token_file'] }],
  pagerduty_configs: [{ own: ['routing_key', 'routing_key_file', 'service_key', 'service_key_file'] }],
  sns_configs: [{ own: ['topic_arn', 'phone_number', 'target_arn'] }],
  discord_configs: [{ own: ['webhook_url', 'webhook_url_file'] }],
  msteams_configs: [{ own: ['webhook_url', 'webhook_url_file'] }],
  msteamsv2_configs: [{ own: ['webhook_url', 'webhook_url_file'] }],
  telegram_configs: [{ own: ['bot_token', 'bot_token_file'], global: ['telegram_bot_token', 'telegram_bot_token_file'] }],
  jira_configs: [{ own: ['api_url'], global: ['jira_api_url'] }],
};

interface IntegrationProblem {
  path: ValuePath;
  message: string;
  advice: string;
}

function set(map: Record<string, unknown>, key: string): boolean {
  return map[key] !== undefined && map[key] !== null && map[key] !== '';
}

function missing(integration: Record<string, unknown>, global: Record<string, unknown>, requirement: Requirement): boolean {
  return !requirement.own.some((key) => set(integration, key)) && !(requirement.global ?? []).some((key) => set(global, key));
}

function webexAuthorization(integration: Record<string, unknown>, global: Record<string, unknown>): boolean {
  const own = integration['http_config'];
  const shared = global['http_config'];
  return (isObj(own) && isObj(own['authorization'])) || (isObj(shared) && isObj(shared['authorization']));
}

/** Integrations of the receivers that lack a field they need, each at its first key. */
export function integrationProblems(root: unknown): IntegrationProblem[] {
  if (!isObj(root) || !Array.isArray(root['receivers'])) return [];
  const global = isObj(root['global']) ? root['global'] : {};
  const out: IntegrationProblem[] = [];
  root['receivers'].forEach((receiver: unknown, r) => {
    if (!isObj(receiver)) return;
    for (const [key, list] of Object.entries(receiver)) {
      if (!Array.isArray(list)) continue;
      const requirements = REQUIREMENTS[key] ?? [];
      list.forEach((integration: unknown, i) => {
        if (!isObj(integration)) return;
        const at = firstKeyPath(['receivers', r, key, i], integration);
        for (const requirement of requirements.filter((req) => missing(integration, global, req))) {
          const fallback = requirement.global ? ` here, or ${requirement.global[0]} under global` : '';
          out.push({
            path: at,
            message: `${key.replace(/_configs$/, '')} integration needs ${requirement.own.join(' or ')}`,
            advice: `Add ${requirement.own[0]}${fallback}.`,
          });
        }
        if (key === 'webex_configs' && !webexAuthorization(integration, global)) {
          out.push({
            path: at,
            message: 'webex integration needs http_config.authorization (its bot token)',
            advice: 'Add http_config: {authorization: {credentials: <bot token>}}, here or under global.',
          });
        }
      });
    }
  });
  return out;
}

function firstKeyPath(path: ValuePath, map: Record<string, unknown>): ValuePath {
  const first = Object.keys(map)[0];
  return first === undefined ? path : [...path, first];
}
