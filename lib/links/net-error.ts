/**
 * Chrome's network error names (webRequest.onErrorOccurred `error`, e.g. "net::ERR_NAME_NOT_RESOLVED") mapped to the
 * checker's error codes, so the browser adapter and the classifier agree on what a failure means.
 */
import type { NetworkErrorCode } from './fetcher';

const BY_NAME: [RegExp, NetworkErrorCode][] = [
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|ERR_ADDRESS_UNREACHABLE/, 'name-not-resolved'],
  [/ERR_CONNECTION_REFUSED/, 'connection-refused'],
  [/ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_ABORTED/, 'connection-reset'],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/, 'timeout'],
  [/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL_CLIENT_AUTH_CERT/, 'cert'],
  [/ERR_TOO_MANY_REDIRECTS/, 'too-many-redirects'],
  [/ERR_ABORTED|ERR_BLOCKED_BY_CLIENT/, 'aborted'],
];

/** The checker's code for a Chrome network error name; 'other' when it is not one we tell apart. */
export function networkErrorFromChrome(error: string): NetworkErrorCode {
  return BY_NAME.find(([pattern]) => pattern.test(error))?.[1] ?? 'other';
}
