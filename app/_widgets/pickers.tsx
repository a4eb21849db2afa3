'use client';

import { Combobox, Group, InputBase, Loader, Stack, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { GradeBadge } from '../_components/badges';
import { useTRPC } from '../_trpc/react';
import type { ReliabilityGrade } from '~/server/shared/enums';

export interface Picked {
  id: number;
  label: string;
}

interface PickerProps {
  label: string;
  value: Picked | null;
  onChange: (v: Picked | null) => void;
  error?: React.ReactNode;
  placeholder?: string;
  description?: string;
  required?: boolean;
}

interface Option {
  id: number;
  label: string;
  extra?: React.ReactNode;
}

/**
 * A searchable picker over the server's suggestions, keyboard-operable (arrows, Enter,
 * Escape). `onCreate` adds a "Create …" option for what was typed.
 */
function AsyncPicker({
  label,
  value,
  onChange,
  error,
  placeholder,
  description,
  required,
  useOptions,
  onCreate,
  createLabel,
}: PickerProps & {
  useOptions: (q: string) => { options: Option[]; loading: boolean };
  onCreate?: (typed: string) => void;
  createLabel?: (typed: string) => string;
}) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState(value?.label ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const typed = value && search === value.label ? '' : debounced;
  const { options, loading } = useOptions(typed);

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(v) => {
        if (v === '__create__') {
          onCreate?.(search.trim());
          combobox.closeDropdown();
          return;
        }
        const o = options.find((x) => String(x.id) === v);
        if (o) {
          onChange({ id: o.id, label: o.label });
          setSearch(o.label);
        }
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <InputBase
          label={label}
          description={description}
          required={required}
          error={error}
          placeholder={placeholder ?? 'Type to search…'}
          value={search}
          rightSection={loading ? <Loader size={14} /> : <Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            if (value) onChange(null);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => {
            combobox.closeDropdown();
            if (value) setSearch(value.label);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!typed && !onCreate}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {options.map((o) => (
            <Combobox.Option value={String(o.id)} key={o.id}>
              <Stack gap={0}>
                <Text size="sm">{o.label}</Text>
                {o.extra}
              </Stack>
            </Combobox.Option>
          ))}
          {typed && !loading && options.length === 0 && <Combobox.Empty>No match for “{typed}”</Combobox.Empty>}
          {onCreate && search.trim().length > 0 && (
            <Combobox.Option value="__create__">
              <Text size="sm" fw={600} c="indigo.8">
                {createLabel ? createLabel(search.trim()) : `Create “${search.trim()}”`}
              </Text>
            </Combobox.Option>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

function useSourceOptions(q: string) {
  const trpc = useTRPC();
  const { data, isFetching } = useQuery(
    trpc.sources.suggest.queryOptions({ q, limit: 8 }, { enabled: q.length > 0, placeholderData: keepPreviousData }),
  );
  return {
    loading: isFetching,
    options: (q ? (data ?? []) : []).map((s) => ({
      id: s.id,
      label: s.name,
      extra: (
        <Group gap={6}>
          <GradeBadge grade={s.reliability as ReliabilityGrade} />
          <Text size="xs" c="dimmed">
            {[s.affiliationName && `of ${s.affiliationName}`, s.matchedAlias && `also “${s.matchedAlias}”`].filter(Boolean).join(' · ')}
          </Text>
        </Group>
      ),
    })),
  };
}

export function SourcePicker(props: PickerProps & { onCreate?: (typed: string) => void }) {
  return (
    <AsyncPicker
      {...props}
      useOptions={useSourceOptions}
      placeholder={props.placeholder ?? 'Name or alias, e.g. SOHR'}
      createLabel={(t) => `Create a new source “${t}”…`}
    />
  );
}

export function ClaimPicker(props: PickerProps & { excludeId?: number }) {
  const { excludeId, ...rest } = props;
  const useClaimOptions = (q: string) => {
    const trpc = useTRPC();
    const { data, isFetching } = useQuery(
      trpc.claims.suggest.queryOptions({ q, excludeId: excludeId ?? null, limit: 8 }, { enabled: q.length > 0, placeholderData: keepPreviousData }),
    );
    return {
      loading: isFetching,
      options: (q ? (data ?? []) : []).map((c) => ({
        id: c.id,
        label: c.text,
        extra: (
          <Text size="xs" c="dimmed">
            #{c.id} · {c.attributionCount} attribution{c.attributionCount === 1 ? '' : 's'}
          </Text>
        ),
      })),
    };
  };
  return <AsyncPicker {...rest} useOptions={useClaimOptions} placeholder={rest.placeholder ?? 'Words from the claim'} />;
}

export function DocumentPicker(props: PickerProps & { onCreate?: (typed: string) => void }) {
  const useDocOptions = (q: string) => {
    const trpc = useTRPC();
    const { data, isFetching } = useQuery(
      trpc.documents.suggest.queryOptions({ q, limit: 8 }, { enabled: q.length > 0, placeholderData: keepPreviousData }),
    );
    return {
      loading: isFetching,
      options: (q ? (data ?? []) : []).map((d) => ({
        id: d.id,
        label: d.title,
        extra: (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {[d.publisherName, d.publishedAt, d.url].filter(Boolean).join(' · ')}
          </Text>
        ),
      })),
    };
  };
  return (
    <AsyncPicker
      {...props}
      useOptions={useDocOptions}
      placeholder={props.placeholder ?? 'Title or URL'}
      createLabel={() => 'Log a new document…'}
    />
  );
}
