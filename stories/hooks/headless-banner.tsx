import { useId, useState } from 'react';
import { useConsent } from '../../src';
import './headless.css';

export interface HeadlessBannerProps {
  /** The banner's heading. */
  title?: string;
  /** Show the stored consent record under the choices, as a developer would while wiring things up. */
  showRecord?: boolean;
}

/**
 * A host's own banner, drawn from scratch: no library component or CSS, only `useConsent()`'s state
 * and actions. The checkboxes are a local draft until "Save my choices".
 */
export function HeadlessBanner({ title = 'Your privacy at Connexx', showRecord = false }: HeadlessBannerProps) {
  const { status, choices, record, signals, acceptAll, rejectAll, save, reset } = useConsent();
  const [choosing, setChoosing] = useState(false);
  const [draft, setDraft] = useState<Record<string, boolean>>({});
  const headingId = useId();
  const categories = [
    { id: 'performance', label: 'Measure site performance' },
    { id: 'functional', label: 'Live chat and remembered settings' },
    { id: 'targeting', label: 'Relevant advertising' },
  ] as const;

  return (
    <section className="hb" aria-labelledby={headingId}>
      <h2 id={headingId} className="hb-title">
        {title}
      </h2>
      {status === 'pending' ? (
        <>
          <p>We use essential cookies to run this site. May we also use optional ones?</p>
          {signals.gpc && <p className="hb-note">Your browser asked us not to sell or share your data: advertising stays off.</p>}
          {choosing && (
            <fieldset className="hb-choices">
              <legend>Optional cookies</legend>
              {categories.map(({ id, label }) => (
                <label key={id} className="hb-choice">
                  <input type="checkbox" checked={!!draft[id]} onChange={(e) => setDraft({ ...draft, [id]: e.target.checked })} /> {label}
                </label>
              ))}
            </fieldset>
          )}
          <div className="hb-actions">
            <button type="button" className="hb-button" onClick={acceptAll}>
              Allow all
            </button>
            <button type="button" className="hb-button" onClick={rejectAll}>
              Only essential
            </button>
            {choosing ? (
              <button type="button" className="hb-button hb-button-quiet" onClick={() => save(draft)}>
                Save my choices
              </button>
            ) : (
              <button type="button" className="hb-button hb-button-quiet" onClick={() => setChoosing(true)}>
                Let me choose
              </button>
            )}
          </div>
        </>
      ) : (
        <>
          <p>
            Saved.{' '}
            {categories.map(({ id, label }) => `${label}: ${choices[id] ? 'on' : 'off'}`).join(' · ')}
          </p>
          <div className="hb-actions">
            <button
              type="button"
              className="hb-button hb-button-quiet"
              onClick={() => {
                setChoosing(false);
                setDraft({});
                reset();
              }}
            >
              Ask me again
            </button>
          </div>
        </>
      )}
      {showRecord && (
        <pre className="hb-record" aria-label="Stored consent record">
          {JSON.stringify(record, null, 2)}
        </pre>
      )}
    </section>
  );
}
