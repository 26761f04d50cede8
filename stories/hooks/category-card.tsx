import { useId, useRef } from 'react';
import { useCookieCategory } from '../../src';
import './headless.css';

export interface CategoryCardProps {
  /** A category id of the policy. */
  category: 'essential' | 'performance' | 'functional' | 'targeting';
  /** Show how often this card has rendered: it re-renders only when its own category changes. */
  showRenders?: boolean;
}

/** A host's own control for one category, from `useCookieCategory(id)` alone. */
export function CategoryCard({ category, showRenders = false }: CategoryCardProps) {
  const { granted, required, category: definition, setGranted } = useCookieCategory(category);
  const titleId = useId();
  const renders = useRef(0);
  renders.current += 1;
  return (
    <div className="hb-card" data-category={category}>
      <div className="hb-card-row">
        <h3 id={titleId}>{definition.title}</h3>
        <button
          type="button"
          role="switch"
          aria-checked={granted}
          aria-labelledby={titleId}
          disabled={required}
          className="hb-switch"
          onClick={() => setGranted(!granted)}
        >
          {required ? 'Always' : granted ? 'On' : 'Off'}
        </button>
      </div>
      <p>{definition.examples?.join(', ')}</p>
      {showRenders && <p data-testid={`renders-${category}`}>Rendered {renders.current} {renders.current === 1 ? 'time' : 'times'}</p>}
    </div>
  );
}
