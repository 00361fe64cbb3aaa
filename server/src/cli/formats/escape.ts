/**
 * Control characters out of human-readable output: a manifest value such as `"\e]0;PWNED\a\e[2J"`
 * would otherwise retitle or clear the terminal, or forge lines in a CI log (issue #16).
 */

// C0 and C1 controls, DEL, and the bidirectional overrides/isolates that reorder text on screen.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Each unsafe character as a visible escape (`\x1b`, `\n`, `\u202e`); everything else unchanged. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
