'use client';

import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { createDocumentInput } from '~/server/documents/documents.schema';
import type { DocumentKind } from '~/server/shared/enums';
import { zodValidate } from '../_components/forms';
import { useSave } from '../_components/useSave';
import { SaveError } from '../_components/SaveError';
import { SourcePicker, type Picked } from '../_widgets/pickers';
import { DOCUMENT_KIND_OPTIONS } from './options';
import { FormActions } from '../_components/FormActions';

export interface DocumentFormValues {
  url: string;
  title: string;
  kind: DocumentKind;
  publisherId: number | null;
  publishedAt: string;
  retrievedAt: string;
  archiveUrl: string;
}

/** Today as YYYY-MM-DD in the user's time zone (the default "retrieved" date). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const validate = zodValidate(createDocumentInput);

/**
 * The document form, for logging and for editing. Validated by the same zod schema as the
 * procedure; server errors (a URL logged already, an unknown publisher) land beside their field.
 */
export function DocumentForm({
  initial,
  initialPublisher,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
  retrievedToday,
}: {
  initial: DocumentFormValues;
  initialPublisher?: Picked | null;
  submitLabel: string;
  onSubmit: (v: DocumentFormValues) => Promise<unknown>;
  onCancel?: () => void;
  onReload?: () => void;
  /** Fill "Retrieved" with today's date (in the browser, so server and client render alike). */
  retrievedToday?: boolean;
}) {
  const form = useForm<DocumentFormValues>({ initialValues: initial, validate: (v) => validate(v) });
  const { formRef, error, handleSubmit } = useSave(form, onSubmit);
  const [publisher, setPublisher] = useState<Picked | null>(initialPublisher ?? null);
  useEffect(() => {
    if (retrievedToday && !form.getValues().retrievedAt) form.setFieldValue('retrievedAt', today());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit}
    >
      <Stack gap="sm">
        <SaveError error={error} onReload={onReload} />
        <TextInput
          label="URL"
          description="The address where it was published, starting with https://"
          placeholder="https://…"
          type="url"
          required
          data-autofocus
          {...form.getInputProps('url')}
        />
        <TextInput label="Title" description="The headline or title, as published" required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label="Kind" data={DOCUMENT_KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
          <SourcePicker
            label="Publisher"
            description="The outlet or account that published it"
            placeholder="Name or alias, e.g. Reuters"
            value={publisher}
            onChange={(v) => {
              setPublisher(v);
              form.setFieldValue('publisherId', v?.id ?? null);
              form.clearFieldError('publisherId');
            }}
            error={form.errors.publisherId}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label="Published" description="The date on the document" {...form.getInputProps('publishedAt')} />
          <TextInput type="date" label="Retrieved" description="When the desk read it" {...form.getInputProps('retrievedAt')} />
        </SimpleGrid>
        <TextInput
          label="Archive URL"
          description="A snapshot that will not change (e.g. web.archive.org)"
          placeholder="https://web.archive.org/…"
          type="url"
          {...form.getInputProps('archiveUrl')}
        />
        <FormActions submitLabel={submitLabel} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
