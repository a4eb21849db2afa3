'use client';

import { Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { SourceKind } from '~/server/shared/enums';
import { createSourceInput } from '~/server/sources/sources.schema';
import { zodValidate } from '../_components/forms';
import { useSave } from '../_components/useSave';
import { SaveError } from '../_components/SaveError';
import { SourcePicker, type Picked } from '../_widgets/pickers';
import { KIND_OPTIONS } from './options';
import { FormActions } from '../_components/FormActions';

export interface SourceFormValues {
  name: string;
  kind: SourceKind | null;
  aliases: string[];
  affiliationId: number | null;
  affiliationRole: string;
  homepage: string;
  description: string;
}

export const emptySource: SourceFormValues = {
  name: '',
  kind: null,
  aliases: [],
  affiliationId: null,
  affiliationRole: '',
  homepage: '',
  description: '',
};

/** What the procedure receives (create; update adds id and version). */
export function sourceInputOf(v: SourceFormValues) {
  return { ...v, kind: v.kind as SourceKind };
}

const validate = zodValidate(createSourceInput);

/**
 * The source form, for adding and for editing. Validated by the same zod schema as the
 * procedure; server errors land beside their field; a failed save keeps what was typed.
 * It has no grade: a new source is ungraded, and grading is an editor's act (GradeSourceForm).
 */
export function SourceForm({
  initial,
  initialAffiliation,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: {
  initial: SourceFormValues;
  /** The affiliation's name, for the picker (when `initial.affiliationId` is set). */
  initialAffiliation?: Picked | null;
  submitLabel: string;
  onSubmit: (v: SourceFormValues) => Promise<unknown>;
  onCancel?: () => void;
  /** Offered when the save failed because someone else changed the record. */
  onReload?: () => void;
}) {
  const form = useForm<SourceFormValues>({ initialValues: initial, validate: (v) => validate(v) });
  const { formRef, error, handleSubmit } = useSave(form, onSubmit);
  const [affiliation, setAffiliation] = useState<Picked | null>(initialAffiliation ?? null);
  const aliasError = form.errors.aliases ?? Object.entries(form.errors).find(([k]) => k.startsWith('aliases.'))?.[1];

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit}
    >
      <Stack gap="sm">
        <SaveError error={error} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Name"
            description="The name as the desk refers to it"
            placeholder="e.g. Syrian Observatory for Human Rights"
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label="Kind"
            description="What sort of actor this is"
            placeholder="Choose a kind"
            required
            data={KIND_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <TagsInput
          label="Aliases"
          description="Other names it goes by (abbreviations, translations). Press Enter after each."
          placeholder={form.values.aliases.length ? '' : 'e.g. SOHR'}
          clearable
          splitChars={[',']}
          {...form.getInputProps('aliases')}
          error={aliasError}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SourcePicker
            label="Affiliation"
            description="The organization it speaks for or belongs to, if any"
            placeholder="Name or alias of the parent source"
            value={affiliation}
            onChange={(v) => {
              setAffiliation(v);
              form.setFieldValue('affiliationId', v?.id ?? null);
              form.clearFieldError('affiliationId');
            }}
            error={form.errors.affiliationId}
          />
          <TextInput
            label="Role"
            description="Its role in that organization, e.g. head, spokesperson"
            {...form.getInputProps('affiliationRole')}
          />
        </SimpleGrid>
        <TextInput
          label="Homepage"
          description="Its own website, starting with https://"
          type="url"
          placeholder="https://…"
          {...form.getInputProps('homepage')}
        />
        <Textarea
          label="Description"
          description="Who they are, for colleagues who do not know them"
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <FormActions submitLabel={submitLabel} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
