// Runs before every page: reads the visitor's consent on the server, with the same policy and
// jurisdiction as the page, and sets a first-party Performance cookie only where Performance is in
// force (allowed, or under an opt-out law not refused) and the page is not sensitive.
import { NextResponse, type NextRequest } from 'next/server';
import { jurisdictionFromHeaders, readConsent } from '@connexx/consent-ui/server';
import { isSensitivePath, policy, trustedCdns } from './consent';

export function proxy(request: NextRequest) {
  const { choices } = readConsent(request, {
    policy,
    jurisdiction: jurisdictionFromHeaders(request, { trust: trustedCdns }),
    sensitive: isSensitivePath(request.nextUrl.pathname),
  });
  const response = NextResponse.next();
  if (choices.performance) {
    const visits = Number(request.cookies.get('example_visit')?.value) || 0;
    response.cookies.set('example_visit', String(visits + 1), { path: '/', maxAge: 30 * 24 * 3600, sameSite: 'lax' });
  }
  return response;
}

export const config = {
  // Pages only: not the receipts endpoint, Next's files or the public scripts.
  matcher: ['/((?!api|_next|analytics\\.js|ads\\.js|favicon\\.ico).*)'],
};
