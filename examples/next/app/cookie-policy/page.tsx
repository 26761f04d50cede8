import { PolicySections } from '@connexx/consent-ui';

export const metadata = { title: 'Cookie policy' };

// A server component: the content is plain data; the sections render on the server under the root
// layout's provider, "Current preferences" included, and hydrate with the live state.
export default function CookiePolicy() {
  return (
    <PolicySections
      content={{
        organization: 'Example Health',
        intro: 'How this example site uses cookies.',
        contact: { email: 'privacy@example.com' },
      }}
    />
  );
}
