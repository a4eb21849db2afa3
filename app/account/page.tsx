import type { Metadata } from 'next';
import { ChangePassword } from './ChangePassword';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your account' };

export default function AccountPage() {
  return <ChangePassword />;
}
