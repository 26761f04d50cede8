import { ConsentStatus } from '@connexx/consent-ui';

export default function Home() {
  return (
    <>
      <h1>Example Health</h1>
      <p>A Next.js App Router site wired to @connexx/consent-ui.</p>
      <ConsentStatus />
    </>
  );
}
