'use client';

import { Alert, Button, Card, Group, Select, SegmentedControl, Stack, Text, Textarea, TextInput, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { createAttributionInput } from '~/server/attributions/attributions.schema';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABEL,
  EVIDENCE_KINDS,
  EVIDENCE_LABEL,
  SOURCE_KINDS,
  SOURCE_KIND_LABEL,
  type DocumentKind,
  type EvidenceKind,
  type SourceKind,
  type Stance,
} from '~/server/shared/enums';
import { readServerError } from '../../_components/forms';
import { DocumentPicker, SourcePicker, type Picked } from '../../_widgets/pickers';
import { FormActions } from '../../_components/FormActions';

interface NewSource {
  name: string;
  kind: SourceKind | '';
  affiliation: Picked | null;
  affiliationRole: string;
}
interface NewDocument {
  url: string;
  title: string;
  kind: DocumentKind;
  publisher: Picked | null;
  publishedAt: string;
  retrievedAt: string;
  archiveUrl: string;
}
export interface AttributionValues {
  source: Picked | null;
  newSource: NewSource | null;
  stance: Stance;
  quote: string;
  evidenceKind: EvidenceKind;
  document: Picked | null;
  newDocument: NewDocument | null;
  via: Picked | null;
  note: string;
}

export interface AttributionPayload {
  sourceId: number | null;
  newSource: {
    name: string;
    kind: SourceKind;
    affiliationId: number | null;
    affiliationRole: string;
    aliases: string[];
  } | null;
  documentId: number | null;
  newDocument: {
    url: string;
    title: string;
    kind: DocumentKind;
    publisherId: number | null;
    publishedAt: string;
    retrievedAt: string;
    archiveUrl: string;
  } | null;
  stance: Stance;
  quote: string;
  evidenceKind: EvidenceKind;
  viaSourceId: number | null;
  note: string;
}

export function toPayload(v: AttributionValues): AttributionPayload {
  return {
    sourceId: v.newSource ? null : (v.source?.id ?? null),
    newSource: v.newSource
      ? {
          name: v.newSource.name,
          kind: v.newSource.kind as SourceKind,
          affiliationId: v.newSource.affiliation?.id ?? null,
          affiliationRole: v.newSource.affiliationRole,
          aliases: [],
        }
      : null,
    documentId: v.newDocument ? null : (v.document?.id ?? null),
    newDocument: v.newDocument
      ? {
          url: v.newDocument.url,
          title: v.newDocument.title,
          kind: v.newDocument.kind,
          publisherId: v.newDocument.publisher?.id ?? null,
          publishedAt: v.newDocument.publishedAt,
          retrievedAt: v.newDocument.retrievedAt,
          archiveUrl: v.newDocument.archiveUrl,
        }
      : null,
    stance: v.stance,
    quote: v.quote,
    evidenceKind: v.evidenceKind,
    viaSourceId: v.via?.id ?? null,
    note: v.note,
  };
}

/** Payload paths (as zod and the server name them) → the form field that shows the error. */
function toFormErrors(errors: Record<string, string>): Record<string, string> {
  const map: Record<string, string> = {
    sourceId: 'source',
    documentId: 'document',
    viaSourceId: 'via',
    'newSource.affiliationId': 'newSource.affiliation',
    'newDocument.publisherId': 'newDocument.publisher',
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) out[map[k] ?? k] = v;
  return out;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Who said it, how, in which words, where, and via whom: one form, one transaction. */
export function AttributionForm({
  claimId,
  initial,
  allowCreate = true,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  claimId: number;
  initial: AttributionValues;
  allowCreate?: boolean;
  submitLabel: string;
  onSubmit: (p: AttributionPayload) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm<AttributionValues>({
    initialValues: initial,
    validate: (v) => {
      const r = createAttributionInput.safeParse({ claimId, ...toPayload(v) });
      if (r.success) return {};
      const errs: Record<string, string> = {};
      for (const i of r.error.issues) errs[i.path.map(String).join('.')] ??= i.message;
      return toFormErrors(errs);
    },
  });
  const [error, setError] = useState<string | null>(null);
  const v = form.values;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        setError(null);
        try {
          await onSubmit(toPayload(values));
        } catch (err) {
          const e = readServerError(err);
          form.setErrors(toFormErrors(e.fieldErrors));
          setError(e.message);
        }
      })}
    >
      <Stack gap="sm">
        {error && (
          <Alert color="red" title="Not saved" role="alert">
            {error}
          </Alert>
        )}
        {v.newSource ? (
          <Card withBorder padding="sm" bg="gray.0">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600} size="sm">
                  New source
                </Text>
                <Button size="xs" variant="subtle" onClick={() => form.setFieldValue('newSource', null)}>
                  Pick an existing source instead
                </Button>
              </Group>
              <Group grow align="flex-start">
                <TextInput label="Name" required {...form.getInputProps('newSource.name')} />
                <Select
                  label="Kind"
                  required
                  placeholder="What kind of source"
                  data={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABEL[k] }))}
                  {...form.getInputProps('newSource.kind')}
                />
              </Group>
              <Group grow align="flex-start">
                <SourcePicker
                  label="Affiliated with"
                  description="e.g. the organisation a spokesperson speaks for"
                  value={v.newSource.affiliation}
                  onChange={(p) => form.setFieldValue('newSource.affiliation', p)}
                  error={form.errors['newSource.affiliation']}
                />
                <TextInput label="Role there" placeholder="e.g. head" {...form.getInputProps('newSource.affiliationRole')} />
              </Group>
            </Stack>
          </Card>
        ) : (
          <SourcePicker
            label="Source"
            description="Who made the statement"
            required
            value={v.source}
            onChange={(p) => form.setFieldValue('source', p)}
            error={form.errors.source}
            onCreate={
              allowCreate
                ? (name) => form.setFieldValue('newSource', { name, kind: '', affiliation: null, affiliationRole: '' })
                : undefined
            }
          />
        )}
        <Input.Wrapper label="Stance" description="What the source does with the claim" required>
          <SegmentedControl
            aria-label="Stance"
            mt={4}
            fullWidth
            data={[
              { value: 'asserts', label: 'Asserts' },
              { value: 'denies', label: 'Denies' },
              { value: 'reports', label: 'Reports without endorsing' },
            ]}
            {...form.getInputProps('stance')}
          />
        </Input.Wrapper>
        <Textarea
          label="Verbatim quote"
          description="The words as published, without your paraphrase"
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('quote')}
        />
        <Group grow align="flex-start">
          <Select
            label="Evidence kind"
            description="What the source offers"
            data={EVIDENCE_KINDS.map((k) => ({ value: k, label: EVIDENCE_LABEL[k] }))}
            allowDeselect={false}
            {...form.getInputProps('evidenceKind')}
          />
          <SourcePicker
            label="Relayed via"
            description="e.g. the agency that carried it"
            value={v.via}
            onChange={(p) => form.setFieldValue('via', p)}
            error={form.errors.via}
            placeholder="Optional"
          />
        </Group>
        {v.newDocument ? (
          <Card withBorder padding="sm" bg="gray.0">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600} size="sm">
                  New document
                </Text>
                <Button size="xs" variant="subtle" onClick={() => form.setFieldValue('newDocument', null)}>
                  Pick an existing document instead
                </Button>
              </Group>
              <TextInput label="URL" required placeholder="https://…" {...form.getInputProps('newDocument.url')} />
              <TextInput label="Title" required {...form.getInputProps('newDocument.title')} />
              <Group grow align="flex-start">
                <SourcePicker
                  label="Publisher"
                  value={v.newDocument.publisher}
                  onChange={(p) => form.setFieldValue('newDocument.publisher', p)}
                  error={form.errors['newDocument.publisher']}
                />
                <Select
                  label="Kind"
                  data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABEL[k] }))}
                  allowDeselect={false}
                  {...form.getInputProps('newDocument.kind')}
                />
              </Group>
              <Group grow align="flex-start">
                <TextInput type="date" label="Published" {...form.getInputProps('newDocument.publishedAt')} />
                <TextInput type="date" label="Retrieved" {...form.getInputProps('newDocument.retrievedAt')} />
              </Group>
              <TextInput label="Archive URL" placeholder="https://web.archive.org/…" {...form.getInputProps('newDocument.archiveUrl')} />
            </Stack>
          </Card>
        ) : (
          <DocumentPicker
            label="Document"
            description="Where it was published"
            value={v.document}
            onChange={(p) => form.setFieldValue('document', p)}
            error={form.errors.document}
            onCreate={
              allowCreate
                ? (typed) =>
                    form.setFieldValue('newDocument', {
                      url: /^https?:\/\//.test(typed) ? typed : '',
                      title: /^https?:\/\//.test(typed) ? '' : typed,
                      kind: 'article',
                      publisher: null,
                      publishedAt: '',
                      retrievedAt: today(),
                      archiveUrl: '',
                    })
                : undefined
            }
          />
        )}
        <Textarea label="Note" autosize minRows={1} maxRows={4} {...form.getInputProps('note')} />
        <FormActions submitLabel={submitLabel} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
