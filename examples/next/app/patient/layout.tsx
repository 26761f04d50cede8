import type { ReactNode } from 'react';
import { SensitivePage } from '@connexx/consent-ui';

// Every page under /patient is sensitive: Performance and Targeting stay off while it is shown,
// for the whole provider (the root layout's analytics script and Consent Mode included), on a full
// load and after a client-side navigation alike. What the visitor allowed stays stored.
export default function PatientLayout({ children }: { children: ReactNode }) {
  return <SensitivePage categories={['performance', 'targeting']}>{children}</SensitivePage>;
}
