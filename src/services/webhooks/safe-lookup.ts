import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isForbiddenAddress } from '../../domain/webhook-url-policy.js';

/**
 * A DNS lookup for webhook connections that refuses forbidden addresses. The socket connects to the
 * address returned here, the one that was checked, so a name that resolves differently a moment
 * later (DNS rebinding) cannot slip a private address past the check.
 */
export const safeLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as dns.LookupAddress[];
    const refused = list.find((entry) => isForbiddenAddress(entry.address));
    if (refused || list.length === 0) {
      const problem = Object.assign(new Error(`${hostname} resolves to ${refused?.address ?? 'nothing'}, which webhooks may not reach`), {
        code: 'WEBHOOK_ADDRESS_NOT_ALLOWED',
      });
      return callback(problem, '', 0);
    }
    if (options.all) return callback(null, list);
    const first = list[0]!;
    callback(null, first.address, first.family);
  });
};
