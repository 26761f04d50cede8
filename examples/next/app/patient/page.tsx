import { ConsentStatus } from '@connexx/consent-ui';

export const metadata = { title: 'Patient area' };

export default function PatientArea() {
  return (
    <>
      <h1>Patient area</h1>
      <p>Your appointments and messages would be here. Nothing on these pages is measured or used for advertising.</p>
      {/* Under the layout's SensitivePage: "Off on this page" right in the first HTML. */}
      <ConsentStatus />
    </>
  );
}
