// Keyboard shortcuts for a seller who never leaves the keyboard:
// Ctrl/Cmd+K search, Alt+N new lead (quick capture).
import { useEffect } from 'react';
import { navigate } from './router';

export const useGlobalShortcuts = (): void => {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        document.getElementById('global-search')?.focus();
      } else if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        navigate('leads', 'new');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
};
