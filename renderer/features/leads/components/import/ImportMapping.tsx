// Import step 1: which lead field each column fills, and how consent is recorded for the file.
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../../shared/domain/records';
import { leadSources } from '../../../../../shared/domain/records';
import type { CsvTable } from '../../../../../shared/import/csv';
import type { ColumnMapping, HeaderFormat } from '../../../../../shared/import/lead-columns';
import { leadImportFields } from '../../../../../shared/import/lead-columns';
import { CheckboxField, SelectField, TextArea } from '../../../../ui/Field';
import { Notice } from '../../../../ui/Notice';

export type ConsentChoice = 'column' | 'all' | 'none';

export type MappingState = {
  mapping: ColumnMapping;
  consent: ConsentChoice;
  wording: string;
  source: Lead['source'];
  remember: boolean;
};

type Props = {
  table: CsvTable;
  format: HeaderFormat;
  state: MappingState;
  onChange: (patch: Partial<MappingState>) => void;
};

export const ImportMapping = ({ table, format, state, onChange }: Props) => {
  const { t } = useTranslation();
  const hasConsentColumn = state.mapping.includes('consent');
  const fieldOptions = [
    { value: '', label: t('leadImport.skipColumn') },
    ...leadImportFields.map((f) => ({ value: f, label: t(`leadImport.fields.${f}`) })),
  ];
  return (
    <>
      <Notice kind="info">{t(`leadImport.format.${format}`, { count: table.rows.length })}</Notice>
      <fieldset className="import-mapping">
        <legend>{t('leadImport.mappingTitle')}</legend>
        {table.headers.map((header, column) => (
          <SelectField
            key={`${column}-${header}`}
            label={header === '' ? t('leadImport.unnamedColumn', { n: column + 1 }) : header}
            hint={table.rows[0]?.cells[column]?.slice(0, 40) || undefined}
            value={state.mapping[column] ?? ''}
            onChange={(e) => {
              const mapping = [...state.mapping];
              mapping[column] = (e.target.value || null) as ColumnMapping[number];
              onChange({ mapping });
            }}
            options={fieldOptions}
          />
        ))}
      </fieldset>
      <SelectField
        label={t('lead.source')}
        value={state.source}
        onChange={(e) => onChange({ source: e.target.value as Lead['source'] })}
        options={leadSources.map((s) => ({ value: s, label: t(`lead.sources.${s}`) }))}
      />
      <SelectField
        label={t('leadImport.consentBasis')}
        value={state.consent}
        onChange={(e) => onChange({ consent: e.target.value as ConsentChoice })}
        options={[
          ...(hasConsentColumn ? [{ value: 'column', label: t('leadImport.consentColumn') }] : []),
          { value: 'all', label: t('leadImport.consentAll') },
          { value: 'none', label: t('leadImport.consentNone') },
        ]}
      />
      {state.consent === 'all' ? (
        <TextArea
          label={t('leadImport.consentWording')}
          hint={t('leadImport.consentWordingHint')}
          value={state.wording}
          required
          onChange={(e) => onChange({ wording: e.target.value })}
        />
      ) : null}
      <CheckboxField
        label={t('leadImport.rememberMapping')}
        checked={state.remember}
        onChange={(e) => onChange({ remember: e.target.checked })}
      />
    </>
  );
};
