import type { StoredConsent } from '../../src/server';

/** A stored decision as the sample log exports it (without the database's receipt time). */
export type SampleRecord = Omit<StoredConsent, 'receivedAt'>;

export interface ConsentLogSample {
  visitor: string;
  records: SampleRecord[];
  /** `log.policy(fingerprint)` of each fingerprint in the records, parsed. */
  policies: Record<string, { categories: { id: string; title: string; required?: boolean }[] }>;
}

const methods: Record<SampleRecord['method'], string> = {
  'accept-all': 'Accept all, in the banner or the preferences',
  'reject-all': 'Reject all, in the banner or the preferences',
  custom: 'Own choice per category, in the preferences',
  signal: 'A browser signal (Global Privacy Control)',
  'opt-out': 'Opt out of sale or sharing',
};

const time = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/**
 * One browser's consent history as a site would show it to a regulator or to the patient: the
 * rows `log.history(subjectId)` returns, each with the policy text stored under its fingerprint.
 */
export function ConsentHistoryTable({ sample, subjectId = sample.visitor }: { sample: ConsentLogSample; subjectId?: string }) {
  const rows = sample.records.filter((r) => r.subjectId === subjectId);
  return (
    <table className="consent-history">
      <caption>
        Consent history of the browser <code>{subjectId}</code>: {rows.length} decisions, oldest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Decided</th>
          <th scope="col">Shown</th>
          <th scope="col">Chosen</th>
          <th scope="col">How</th>
          <th scope="col">Where</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((record) => {
          const shown = sample.policies[record.policyFingerprint]?.categories ?? [];
          return (
            <tr key={record.id}>
              <td>
                <time dateTime={record.decidedAt}>{time(record.decidedAt)}</time>
                <br />
                <small>record {record.id}</small>
              </td>
              <td>
                Policy revision {record.revision}, fingerprint <code>{record.policyFingerprint}</code>: {shown.map((c) => c.title).join(', ')}
              </td>
              <td>
                <ul>
                  {shown.map((c) => (
                    <li key={c.id}>
                      {c.title}: {record.choices[c.id] ? 'allowed' : 'refused'}
                      {c.required ? ' (required)' : ''}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {methods[record.method]}
                {record.signals.gpc ? '; Global Privacy Control was on' : ''}
                {record.signals.dnt ? '; Do Not Track was on' : ''}
              </td>
              <td>
                {record.jurisdiction ?? 'unknown'}, {record.regime ?? 'opt-in'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
