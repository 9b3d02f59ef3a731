import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useUiStore } from './app/ui-store';
import { initI18n } from './i18n';
import './styles.css';

initI18n(useUiStore.getState().locale);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
