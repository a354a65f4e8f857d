import { useEffect, useState } from 'react';

const KEY = 'cello.projector';

/** Large type for a projector: a class on <html> that scales every rem; remembered on this device. */
export function useProjector(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    document.documentElement.classList.toggle('projector', on);
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // Private mode: the setting lasts for this page only.
    }
    return () => document.documentElement.classList.remove('projector');
  }, [on]);
  return [on, setOn];
}
