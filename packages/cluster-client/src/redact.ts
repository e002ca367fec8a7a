// Credentials written into a server URL (https://user:pw@host) never reach an output: errors,
// -v logs, the profile line and JSON all print the redacted form.

export const REDACTED = '[redacted]';

/** The URL with its user-info replaced; text that is not a URL is returned as is. */
export function redactUrl(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return server.replace(/\/\/[^/@\s]*@/, `//${REDACTED}@`);
  }
  if (!url.username && !url.password) return server;
  url.username = REDACTED;
  url.password = '';
  return url.href.replace(encodeURIComponent(REDACTED), REDACTED);
}

/** The URL's own credentials, raw and percent-decoded, for scrubbing messages (a lone user-info may be a token). */
export function urlSecrets(server: string): string[] {
  try {
    const url = new URL(server);
    const secret = url.password || url.username;
    return [secret, safeDecode(secret), url.username && url.password ? `${url.username}:${url.password}` : ''].filter((s) => s.length >= 1);
  } catch {
    return [];
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
