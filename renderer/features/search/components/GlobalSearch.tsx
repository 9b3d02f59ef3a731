// The global search box (combobox pattern): leads, accounts, contacts, opportunities and
// documents by number. Arrows move, Enter opens, Escape closes.
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import type { SearchResult } from '../queries';
import { resultSection, useGlobalSearch } from '../queries';

export const GlobalSearch = () => {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const results = useGlobalSearch(query);
  const visible = open && query.trim().length > 0;

  const choose = (result: SearchResult | undefined) => {
    if (!result) return;
    navigate(resultSection[result.kind], result.id);
    setOpen(false);
    setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const count = results?.length ?? 0;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive((a) => (a - 1 + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(results?.[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="search">
      <input
        id="global-search"
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={visible}
        aria-controls="global-search-results"
        aria-autocomplete="list"
        aria-activedescendant={visible && results?.[active] ? `search-result-${active}` : undefined}
        aria-keyshortcuts="Control+K"
        placeholder={t('search.placeholder')}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {visible ? (
        <ul
          id="global-search-results"
          role="listbox"
          aria-label={t('search.results')}
          className="search-results"
        >
          {results?.length === 0 ? <li aria-disabled="true">{t('search.noResults')}</li> : null}
          {(results ?? []).map((r, index) => (
            <li
              key={`${r.kind}:${r.id}`}
              id={`search-result-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
            >
              <span className="kind">{t(`search.kinds.${r.kind}`)}</span>
              <span>
                {r.title}
                {r.subtitle ? <span className="hint"> · {r.subtitle}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};
