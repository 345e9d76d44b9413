/**
 * The domain a card is about unless someone picks another: a session's only domain, else none.
 * Forms preselect it, and a card stored without a domain in such a session is counted under it.
 */
export const defaultDomain = (domains: readonly string[]): string | null => (domains.length === 1 ? domains[0]! : null);
