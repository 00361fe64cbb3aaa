import { monitoringRule } from '../engine/lint/rule';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { httpClientBlocks, isObj, type At } from '../engine/monitoring/walk';

/** Pairs (or groups) of fields of which at most one may be set, as Prometheus's HTTP client config validates them. */
const EXCLUSIVE: readonly (readonly string[])[] = [
  ['basic_auth', 'authorization', 'oauth2'],
  ['bearer_token', 'bearer_token_file'],
  ['basic_auth', 'bearer_token'],
  ['basic_auth', 'bearer_token_file'],
  ['authorization', 'bearer_token'],
  ['authorization', 'bearer_token_file'],
  ['oauth2', 'bearer_token'],
  ['oauth2', 'bearer_token_file'],
];
const NESTED: Readonly<Record<string, readonly (readonly string[])[]>> = {
  basic_auth: [
    ['password', 'password_file'],
    ['username', 'username_file'],
  ],
  authorization: [['credentials', 'credentials_file']],
  oauth2: [['client_secret', 'client_secret_file']],
  tls_config: [
    ['ca', 'ca_file'],
    ['cert', 'cert_file'],
    ['key', 'key_file'],
  ],
};

function conflicts(block: At): { path: (string | number)[]; fields: string[] }[] {
  const out: { path: (string | number)[]; fields: string[] }[] = [];
  for (const group of EXCLUSIVE) {
    const set = group.filter((key) => block.value[key] !== undefined && block.value[key] !== null);
    if (set.length > 1) out.push({ path: [...block.path, set[set.length - 1]!], fields: set });
  }
  for (const [key, groups] of Object.entries(NESTED)) {
    const nested = block.value[key];
    if (!isObj(nested)) continue;
    for (const group of groups) {
      const set = group.filter((field) => nested[field] !== undefined && nested[field] !== null && nested[field] !== '');
      if (set.length > 1) out.push({ path: [...block.path, key, set[set.length - 1]!], fields: set.map((f) => `${key}.${f}`) });
    }
  }
  return out;
}

export const rule = monitoringRule({
  id: 'no-conflicting-auth-fields',
  defaultSeverity: 'error',
  kinds: kindsFor('prometheus-config'),
  messages: {
    bothSet: '{{fields}} are both set: Prometheus allows at most one of them and refuses this configuration. Keep one and remove the other.',
    allSet: '{{fields}} are all set: Prometheus allows at most one of them and refuses this configuration. Keep one and remove the others.',
  },
  summary: 'At most one authentication method, and a secret either inline or from a file, per HTTP client block.',
  rationale:
    'Prometheus validates each scrape config, Alertmanager target and remote write/read block as an HTTP client: `basic_auth`, `authorization` and `oauth2` exclude each other and the older `bearer_token`/`bearer_token_file`, and each secret is given inline or by file, never both (`password`/`password_file`, `credentials`/`credentials_file`, TLS `cert`/`cert_file`…). A configuration with both is refused at start-up.',
  remediation: 'Keep one of the conflicting fields: prefer the `_file` variant for secrets mounted from a Secret, and `authorization` over `bearer_token`.',
  valid: [
    `scrape_configs:
  - job_name: api
    authorization:
      credentials_file: /etc/prometheus/token
    tls_config:
      ca_file: /etc/prometheus/ca.crt
`,
  ],
  invalid: [
    {
      example: `scrape_configs:
  - job_name: api
    bearer_token: abc
    bearer_token_file: /etc/prometheus/token
`,
      messageId: 'bothSet',
      line: 4,
      column: 5,
    },
    {
      example: `scrape_configs:
  - job_name: api
    basic_auth:
      username: prometheus
      password: secret
      password_file: /etc/prometheus/password
`,
      messageId: 'bothSet',
      line: 6,
      column: 7,
    },
    {
      example: `global:
  scrape_interval: 30s
remote_write:
  - url: https://metrics.example.org/api/v1/write
    basic_auth:
      username: prometheus
      password_file: /etc/prometheus/password
    authorization:
      credentials_file: /etc/prometheus/token
`,
      messageId: 'bothSet',
      line: 8,
      column: 5,
    },
    {
      example: `scrape_configs:
  - job_name: api
    basic_auth: { username: prometheus, password: secret }
    authorization: { credentials: token }
    oauth2: { client_id: prometheus, client_secret: secret, token_url: https://auth.example.com/token }
    static_configs:
      - targets: ['api.example.com:443']
`,
      messageId: 'allSet',
      line: 5,
      column: 5,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'prometheus-config')) {
      for (const block of httpClientBlocks(source.value)) {
        for (const conflict of conflicts(block)) {
          source.report({
            path: conflict.path,
            messageId: conflict.fields.length > 2 ? 'allSet' : 'bothSet',
            data: { fields: conflict.fields.join(' and ') },
          });
        }
      }
    }
  },
});
