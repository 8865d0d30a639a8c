import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

// Focus moves to the new page's heading after client-side navigation, so screen readers announce
// it. On the first page of a visit the browser starts at the top (skip link first).
let pendingFocus = false;

/** Called by the layout on every route change; a page still loading takes the focus when it mounts. */
export function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const last = useRef(pathname);
  useEffect(() => {
    if (last.current === pathname) return; // first render, or StrictMode's second run
    last.current = pathname;
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) h1.focus();
    else pendingFocus = true;
  }, [pathname]);
}

/** The page's one h1, which also sets the document title. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Samråd`;
    if (pendingFocus) {
      pendingFocus = false;
      ref.current?.focus();
    }
  }, [title]);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
