'use client';

import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/**
 * The text filter of a list: typed freely, applied on Enter (so the URL, and the list, change
 * once per search rather than per keystroke); follows the URL when it changes.
 */
export function TextFilter({
  label,
  placeholder,
  value,
  onSubmit,
}: {
  label: string;
  placeholder: string;
  value: string;
  onSubmit: (q: string) => void;
}) {
  const [q, setQ] = useState(value);
  useEffect(() => setQ(value), [value]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(q.trim());
      }}
      style={{ flex: '1 1 260px' }}
    >
      <TextInput
        label={label}
        placeholder={placeholder}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        leftSection={<IconSearch size={14} aria-hidden />}
      />
    </form>
  );
}
