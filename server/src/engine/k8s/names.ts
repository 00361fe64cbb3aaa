/** Kubernetes name formats (apimachinery's validation): port names, DNS labels and subdomains. */

/** Why `name` is not a valid port name (IANA service name), or undefined when it is. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return `is ${name.length} characters long (at most 15)`;
  if (!/^[-a-z0-9]+$/.test(name)) return 'may only contain lowercase letters, digits and `-`';
  if (!/[a-z]/.test(name)) return 'must contain at least one letter';
  if (name.includes('--')) return 'must not contain `--`';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not start or end with `-`';
  return undefined;
}

/** apimachinery's patterns (as Go writes them, unanchored), shared with the CEL format library (crd/celFormat.ts). */
export const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
export const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';

const DNS_LABEL = new RegExp(`^${DNS1123_LABEL}$`);
const RFC1035_LABEL = new RegExp(`^${DNS1035_LABEL}$`);

/** RFC 1123 label: at most 63 lowercase alphanumerics or `-`, starting and ending alphanumeric. */
export function dnsLabelProblem(name: string): string | undefined {
  if (name.length > 63) return `is ${name.length} characters long (at most 63)`;
  if (!DNS_LABEL.test(name)) return 'must consist of lowercase letters, digits and `-`, and start and end with a letter or digit';
  return undefined;
}

/** RFC 1035 label: like an RFC 1123 label, but starting with a letter. */
export function rfc1035LabelProblem(name: string): string | undefined {
  if (name.length > 63) return `is ${name.length} characters long (at most 63)`;
  if (!RFC1035_LABEL.test(name)) return 'must consist of lowercase letters, digits and `-`, start with a letter and end with a letter or digit';
  return undefined;
}

/** RFC 1123 subdomain: at most 253 characters, dot-separated labels. */
export function dnsSubdomainProblem(name: string): string | undefined {
  if (name.length > 253) return `is ${name.length} characters long (at most 253)`;
  if (!name.split('.').every((label) => DNS_LABEL.test(label))) {
    return 'must consist of lowercase letters, digits, `-` and `.`, and start and end with a letter or digit';
  }
  return undefined;
}

/**
 * True when `name` holds a shell or envsubst variable (`process-item-$ITEM`, `${APP}-config`): the
 * file is a template that `sed` or `envsubst` fills in before `kubectl apply` (the Kubernetes
 * documentation's Job expansion does this), so the name as written is never sent to the API server.
 */
export function hasShellPlaceholder(name: string): boolean {
  return /\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.test(name);
}
