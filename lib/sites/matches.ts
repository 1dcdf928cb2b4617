import { COVERED_DOMAINS } from '../detect/domains';

/** Match patterns for the covered domains (lib/detect/domains.ts) and all their subdomains. */
export const NEWS_MATCHES: string[] = COVERED_DOMAINS.flatMap((domain) => [
  `*://${domain}/*`,
  `*://*.${domain}/*`,
]);
