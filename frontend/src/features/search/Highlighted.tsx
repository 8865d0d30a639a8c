import { Fragment } from 'react';
import type { Highlight } from '@samrad/shared/contracts';

/**
 * A highlighted text from the search: every part is rendered as text (never as HTML), the matched
 * parts inside <mark>, which screen readers and forced colours show without relying on colour.
 */
export function Highlighted({ parts }: { parts: Highlight }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</>;
}
