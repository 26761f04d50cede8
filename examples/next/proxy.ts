// Runs before every page: reads the visitor's consent on the server, with the same policy, and
// sets a first-party Performance cookie only where the visitor allowed Performance and the page is
// not sensitive.
import { NextResponse, type NextRequest } from 'next/server';
import { createConsentStore } from '@connexx/consent-ui';
import { isSensitivePath, policy } from './consent';

export function proxy(request: NextRequest) {
  const consent = request.cookies.get('cookie_consent');
  const { choices } = createConsentStore({
    policy,
    initialCookieHeader: consent && `${consent.name}=${consent.value}`,
    signals: { gpc: request.headers.get('sec-gpc') === '1' },
    sensitive: isSensitivePath(request.nextUrl.pathname),
  }).getState();
  const response = NextResponse.next();
  if (choices.performance) {
    const visits = Number(request.cookies.get('example_visit')?.value) || 0;
    response.cookies.set('example_visit', String(visits + 1), { path: '/', maxAge: 30 * 24 * 3600, sameSite: 'lax' });
  }
  return response;
}

export const config = {
  // Pages only: not the receipts endpoint, Next's files or the public scripts.
  matcher: ['/((?!api|_next|analytics\\.js|favicon\\.ico).*)'],
};
