import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { navigate, useLocation } from './navigation.js';

/** A real link (so it works with the keyboard, middle-click and "open in new tab") that navigates in place. */
export function Link(
  props: { to: string; children: ReactNode; current?: boolean } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>,
) {
  const { to, children, current, onClick, ...rest } = props;
  const location = useLocation();
  const isCurrent = current ?? location.pathname === to;
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} aria-current={isCurrent ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
