import { ref, watch, type Ref } from 'vue';
import { defaultDomain } from '@shared/domain/domains.ts';

/**
 * The domain picked in a card form ('' for none): the session's only domain to begin with, still
 * changeable. Follows the session's domains by content, since every session update brings a new
 * array and must not undo a choice made here; a choice the session no longer offers goes back to
 * the default, and so does any choice once the session has a single domain.
 */
export function useDomainChoice(domains: () => readonly string[]): Ref<string> {
  const domain = ref(defaultDomain(domains()) ?? '');
  watch(
    () => domains().join('\n'),
    () => {
      const list = domains();
      if (list.length === 1 || !list.includes(domain.value)) domain.value = defaultDomain(list) ?? '';
    },
  );
  return domain;
}
