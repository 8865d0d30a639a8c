import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';

// On the first page of a visit the browser starts at the top (skip link first); only later,
// client-side navigations move focus to the new page's heading.
let firstPage = true;

/**
 * The page's one h1. It takes focus when the page opens (after client-side navigation), so screen
 * readers announce the new page, and sets the document title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Samråd`;
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, [title]);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
