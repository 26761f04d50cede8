// Receives the consent receipts the browser sends (ConsentReceipts in app/consent-providers.tsx).
// A stand-in that checks and acknowledges each record; a real site stores it, e.g. with the
// consent log of @connexx/consent-ui/server.
import { policy } from '../../../consent';

const ids = new Set<string>(policy.categories.map((category) => category.id));

export async function POST(request: Request) {
  if (!request.headers.get('content-type')?.startsWith('application/json')) return Response.json({ error: 'expected application/json' }, { status: 415 });
  const text = await request.text();
  if (text.length > 8192) return Response.json({ error: 'too large' }, { status: 413 });
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return Response.json({ error: 'not JSON' }, { status: 400 });
  }
  const { id, choices } = (record ?? {}) as { id?: unknown; choices?: unknown };
  const valid =
    typeof id === 'string' &&
    typeof choices === 'object' &&
    choices !== null &&
    Object.entries(choices).every(([key, value]) => ids.has(key) && typeof value === 'boolean');
  if (!valid) return Response.json({ error: 'not a consent record of this policy' }, { status: 400 });
  return Response.json({ stored: id });
}
