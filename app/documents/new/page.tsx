import type { Metadata } from 'next';
import { NewDocument } from './NewDocument';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New document' };

export default function NewDocumentPage() {
  return <NewDocument />;
}
