import type { ReactNode } from 'react';

/**
 * A wide table's own box: at 200 % zoom (or on a phone) the table scrolls sideways inside it and the page never
 * does (WCAG 1.4.10). Focusable and named, so a keyboard user can scroll it too.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
