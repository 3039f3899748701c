import { describe, expect, it } from 'vitest';
import { networkErrorFromChrome } from '../../../lib/links/net-error';

describe('networkErrorFromChrome', () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'name-not-resolved'],
    ['net::ERR_CONNECTION_REFUSED', 'connection-refused'],
    ['net::ERR_CONNECTION_RESET', 'connection-reset'],
    ['net::ERR_EMPTY_RESPONSE', 'connection-reset'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['net::ERR_CERT_DATE_INVALID', 'cert'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'cert'],
    ['net::ERR_TOO_MANY_REDIRECTS', 'too-many-redirects'],
    ['net::ERR_ABORTED', 'aborted'],
    ['net::ERR_FAILED', 'other'],
  ])('%s → %s', (name, code) => {
    expect(networkErrorFromChrome(name)).toBe(code);
  });
});
