import type { Metadata } from 'next';
import { NewSource } from './NewSource';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New source' };

export default function NewSourcePage() {
  return <NewSource />;
}
