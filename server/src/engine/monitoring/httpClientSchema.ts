/**
 * The HTTP client blocks Prometheus and Alertmanager share (prometheus/common `HTTPClientConfig`, as of common
 * v0.6x: Prometheus 3.x, Alertmanager 0.28): authentication, TLS, proxy and headers.
 */
import { withFields } from './schemaTypes';

const PROXY = { proxy_url: 'U', no_proxy: 's', proxy_from_environment: 'b', proxy_connect_header: 'M' };

const TLS_VERSION = 'E:TLS10|TLS11|TLS12|TLS13';

/** Fields of every block that makes HTTP requests (scrape, service discovery, remote write, receivers' http_config). */
export const HTTP_CLIENT_FIELDS = withFields(PROXY, {
  basic_auth: 'B:basic_auth',
  authorization: 'B:authorization',
  oauth2: 'B:oauth2',
  bearer_token: 'x',
  bearer_token_file: 's',
  tls_config: 'B:tls_config',
  follow_redirects: 'b',
  enable_http2: 'b',
  http_headers: 'K:http_header',
});

/** The blocks those fields lead to. */
export const HTTP_CLIENT_BLOCKS = {
  http_config: HTTP_CLIENT_FIELDS,
  basic_auth: { username: 's', username_file: 's', username_ref: 's', password: 'x', password_file: 's', password_ref: 's' },
  authorization: { type: 's', credentials: 'x', credentials_file: 's', credentials_ref: 's' },
  oauth2: withFields(PROXY, {
    client_id: 's',
    client_secret: 'x',
    client_secret_file: 's',
    client_secret_ref: 's',
    client_certificate_key_id: 's',
    client_certificate_key: 'x',
    client_certificate_key_file: 's',
    client_certificate_key_ref: 's',
    signature_algorithm: 's',
    iss: 's',
    audience: 's',
    claims: 'M',
    grant_type: 's',
    scopes: 'S',
    token_url: 'U',
    endpoint_params: 'M',
    tls_config: 'B:tls_config',
  }),
  tls_config: {
    ca: 's',
    ca_file: 's',
    ca_ref: 's',
    cert: 's',
    cert_file: 's',
    cert_ref: 's',
    key: 'x',
    key_file: 's',
    key_ref: 's',
    server_name: 's',
    insecure_skip_verify: 'b',
    min_version: TLS_VERSION,
    max_version: TLS_VERSION,
  },
  http_header: { values: 'S', secrets: 'S', files: 'S' },
};
