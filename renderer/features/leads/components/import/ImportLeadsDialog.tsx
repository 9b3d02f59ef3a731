// Importing leads from an attendee list (CSV, .xlsx) or contact cards (.vcf): pick or drop the
// file, map the
// columns and the consent basis, check the rows, decide on duplicates, then write with a
// progress bar and a summary of what was created, updated, skipped or refused.
import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateDecision, PlannedRow } from '../../../../../shared/import/lead-import';
import type { HeaderFormat } from '../../../../../shared/import/lead-columns';
import { detectHeaderFormat } from '../../../../../shared/import/lead-columns';
import type { LeadImportReport, LeadImportWrite } from '../../../../data/lead-import';
import { useAction } from '../../../../app/use-action';
import { localizedText } from '../../../../i18n/localized';
import { Button } from '../../../../ui/Button';
import { Dialog } from '../../../../ui/Dialog';
import { Notice } from '../../../../ui/Notice';
import type { ImportFile } from '../../import-export';
import type { PlatformResult } from '../../../../../shared/platform';
import {
  droppedImportFile,
  initialMapping,
  openImportFile,
  rememberMapping,
  useLeadImport,
} from '../../import-export';
import type { MappingState } from './ImportMapping';
import { ImportMapping } from './ImportMapping';
import { ImportPreview } from './ImportPreview';

type Step =
  | { step: 'pick' }
  | { step: 'map'; file: ImportFile; format: HeaderFormat }
  | { step: 'preview'; file: ImportFile; plan: PlannedRow[] }
  | { step: 'writing'; done: number; total: number }
  | { step: 'done'; report: LeadImportReport; skipped: number; errors: number };

// Rows the seller decided to import, with what to do to each.
const writesOf = (plan: PlannedRow[], decisions: Map<number, DuplicateDecision>) => {
  const writes: LeadImportWrite[] = [];
  let skipped = 0;
  for (const row of plan) {
    if (row.kind === 'new') writes.push({ line: row.line, action: 'create', input: row.input });
    if (row.kind !== 'duplicate') continue;
    const decision = decisions.get(row.line) ?? 'skip';
    const target = row.candidates[0];
    if (decision === 'create') {
      writes.push({ line: row.line, action: 'create', input: row.input });
    } else if (decision === 'update' && target?.type === 'lead') {
      writes.push({ line: row.line, action: 'update', leadId: target.id, input: row.input });
    } else skipped++;
  }
  return { writes, skipped };
};

export const ImportLeadsDialog = ({ onClose }: { onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const leadImport = useLeadImport();
  const action = useAction();
  const [step, setStep] = useState<Step>({ step: 'pick' });
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<MappingState | null>(null);
  const [decisions, setDecisions] = useState(new Map<number, DuplicateDecision>());

  const take = (opened: PlatformResult<ImportFile | null>) => {
    if (!opened.ok) return setFileError(opened.error);
    if (opened.value === null) return;
    const file = opened.value;
    if (file.table.rows.length === 0) return setFileError(t('leadImport.emptyFile'));
    const guessed = initialMapping(file.table.headers);
    setMapping({
      mapping: guessed,
      consent: guessed.includes('consent') ? 'column' : 'none',
      wording: '',
      source: 'trade_fair',
      remember: true,
    });
    setStep({ step: 'map', file, format: detectHeaderFormat(file.table.headers) });
  };
  const pick = async () => {
    setFileError(null);
    take(await openImportFile());
  };
  // The leads screen takes dropped e-mails: a file dropped here is the dialog's alone.
  const dropArea = {
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      event.stopPropagation();
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      event.stopPropagation();
      const file = event.dataTransfer.files[0];
      if (file === undefined) return;
      setFileError(null);
      void droppedImportFile(file).then(take);
    },
  };

  const check = async () => {
    if (step.step !== 'map' || mapping === null) return;
    if (mapping.remember) rememberMapping(step.file.table.headers, mapping.mapping);
    const plan = await action.run(() =>
      leadImport.plan(step.file.table.rows, {
        mapping: mapping.mapping,
        consent:
          mapping.consent === 'column'
            ? { basis: 'column' }
            : { basis: 'file', given: mapping.consent === 'all', wording: mapping.wording.trim() },
        fileName: step.file.name,
        source: mapping.source,
        now: new Date().toISOString(),
      }),
    );
    if (plan === undefined) return;
    setDecisions(new Map());
    setStep({ step: 'preview', file: step.file, plan });
  };

  const write = async () => {
    if (step.step !== 'preview') return;
    const { writes, skipped } = writesOf(step.plan, decisions);
    const errors = step.plan.filter((r) => r.kind === 'error').length;
    setStep({ step: 'writing', done: 0, total: writes.length });
    const report = await action.run(() =>
      leadImport.write(writes, (done) => setStep({ step: 'writing', done, total: writes.length })),
    );
    if (report === undefined) return setStep({ step: 'pick' });
    setStep({ step: 'done', report, skipped, errors });
  };

  const base = {
    title: t('leadImport.title'),
    onClose,
    cancelLabel: t('common.close'),
    wide: true,
  };

  if (step.step === 'pick') {
    return (
      <Dialog {...base}>
        <div className="import-drop" {...dropArea}>
          <p>{t('leadImport.intro')}</p>
          <Button variant="primary" onClick={() => void pick()}>
            {t('leadImport.chooseFile')}
          </Button>
          <p className="hint">{t('leadImport.dropHint')}</p>
        </div>
        {fileError ? <Notice kind="error">{fileError}</Notice> : null}
        {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      </Dialog>
    );
  }
  if (step.step === 'map' && mapping !== null) {
    const wordingMissing = mapping.consent === 'all' && mapping.wording.trim() === '';
    return (
      <Dialog
        {...base}
        cancelLabel={t('common.cancel')}
        onSubmit={() => void check()}
        submitLabel={t('leadImport.checkRows')}
        submitDisabled={action.busy || wordingMissing}
      >
        <p className="hint">{step.file.name}</p>
        <ImportMapping
          table={step.file.table}
          format={step.format}
          state={mapping}
          onChange={(patch) => setMapping({ ...mapping, ...patch })}
        />
        {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      </Dialog>
    );
  }
  if (step.step === 'preview') {
    const { writes } = writesOf(step.plan, decisions);
    return (
      <Dialog
        {...base}
        cancelLabel={t('common.cancel')}
        onSubmit={() => void write()}
        submitLabel={t('leadImport.importRows', { count: writes.length })}
        submitDisabled={writes.length === 0}
      >
        <ImportPreview
          plan={step.plan}
          decisions={decisions}
          onDecide={(lines, decision) => {
            const next = new Map(decisions);
            for (const line of lines) next.set(line, decision);
            setDecisions(next);
          }}
        />
      </Dialog>
    );
  }
  if (step.step === 'writing') {
    return (
      <Dialog {...base} onClose={() => undefined}>
        <label htmlFor="lead-import-progress">
          {t('leadImport.progress', { done: step.done, total: step.total })}
        </label>
        <progress id="lead-import-progress" value={step.done} max={Math.max(1, step.total)} />
      </Dialog>
    );
  }
  if (step.step === 'done') {
    const { report } = step;
    return (
      <Dialog {...base}>
        <Notice kind={report.failed.length > 0 ? 'error' : 'success'}>
          {t('leadImport.doneSummary', {
            created: report.created,
            updated: report.updated,
            skipped: step.skipped,
            errors: step.errors + report.failed.length,
          })}
        </Notice>
        {report.failed.length > 0 ? (
          <ul className="import-errors">
            {report.failed.map((f) => (
              <li key={f.line}>{localizedText(f.message, i18n.language)}</li>
            ))}
          </ul>
        ) : null}
      </Dialog>
    );
  }
  return null;
};
