import type { Metadata } from 'next';
import { IntakeScreen } from './IntakeScreen';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Intake' };

/** Article intake: nothing to prefetch; the screen asks the server only when the checker does. */
export default function IntakePage() {
  return <IntakeScreen />;
}
