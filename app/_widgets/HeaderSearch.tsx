'use client';

import { Combobox, Kbd, Loader, Text, TextInput, useCombobox, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMergedRef } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { searchTerms } from '~/server/search/terms';
import { HitContent, hitHref, hitLabel, KIND_LABEL, KIND_ORDER } from '../_components/SearchHits';
import { useTRPC } from '../_trpc/react';

const ALL = '__all__';

/**
 * The one search box: as you type, the best claims, sources, documents and quotes, grouped, with
 * the matched words marked. Arrows move through them, Enter opens the one selected (or, with
 * none selected, the full search page), Escape closes the list.
 */
export function HeaderSearch({ inputRef }: { inputRef: React.Ref<HTMLInputElement> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 150);
  // From the second character typed: one letter matches nearly everything and tells nothing.
  const enabled = debounced.length >= 2 && searchTerms(debounced).length > 0;
  const { data, isFetching } = useQuery(
    trpc.search.query.queryOptions({ q: debounced, limit: 4 }, { enabled, placeholderData: keepPreviousData }),
  );
  const groups = enabled ? data?.groups : undefined;
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = useMergedRef(inputRef, ownRef);

  /** Leaves the box for `href`: closed, emptied and unfocused, ready for the next search. */
  const open = (href: string) => {
    combobox.closeDropdown();
    setQ('');
    ownRef.current?.blur();
    router.push(href);
  };
  const openPage = () => open(q.trim() ? `/search?q=${encodeURIComponent(q.trim())}` : '/search');

  return (
    <form
      role="search"
      aria-label="Everything"
      style={{ flex: 1, maxWidth: 560 }}
      onSubmit={(e) => {
        e.preventDefault();
        openPage();
      }}
    >
      <Combobox
        store={combobox}
        withinPortal
        position="bottom-start"
        onOptionSubmit={(value) => {
          if (value === ALL) return openPage();
          const [kind, index] = value.split(':') as [(typeof KIND_ORDER)[number], string];
          const hit = groups?.[kind][Number(index)];
          if (hit) open(hitHref(kind, hit));
        }}
      >
        <Combobox.Target>
          <TextInput
            id="global-search"
            ref={ref}
            value={q}
            aria-label="Search claims, sources, documents and quotes"
            placeholder="Search claims, sources, documents…"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={isFetching && enabled ? <Loader size={14} /> : <Kbd size="xs">/</Kbd>}
            rightSectionPointerEvents="none"
            onChange={(e) => {
              setQ(e.currentTarget.value);
              combobox.openDropdown();
              combobox.resetSelectedOption();
            }}
            onFocus={() => q.trim() && combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!enabled || !groups} miw={520}>
          <Combobox.Options mah={480} style={{ overflowY: 'auto' }} aria-label="Search results">
            {groups && data?.total === 0 && <Combobox.Empty>Nothing matches “{debounced}”.</Combobox.Empty>}
            {groups && data?.matched === 'any' && data.total > 0 && (
              <Text size="xs" c="dimmed" px="sm" pt={4}>
                No result has every word; these have some of them.
              </Text>
            )}
            {groups &&
              KIND_ORDER.filter((k) => groups[k].length > 0).map((kind) => (
                <Combobox.Group label={KIND_LABEL[kind]} key={kind}>
                  {groups[kind].map((hit, i) => (
                    <Combobox.Option value={`${kind}:${i}`} key={`${kind}:${hit.id}`} aria-label={hitLabel(kind, hit)}>
                      <HitContent kind={kind} hit={hit} compact />
                    </Combobox.Option>
                  ))}
                </Combobox.Group>
              ))}
            {groups && (
              <Combobox.Option value={ALL}>
                <Text size="sm" fw={600} c="indigo.8">
                  All results for “{debounced}”, with filters
                </Text>
              </Combobox.Option>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <VisuallyHidden>
        <button type="submit">Search</button>
      </VisuallyHidden>
    </form>
  );
}
