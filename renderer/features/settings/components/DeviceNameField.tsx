// The device's name: a label the seller may change. Its numbering series stays the same, so
// the numbers of its quotes, orders and invoices do not change.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../app/use-action';
import type { DevicePort } from '../../../app/store-port';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';

export const DeviceNameField = ({ device }: { device: DevicePort }) => {
  const { t } = useTranslation();
  const action = useAction();
  const [label, setLabel] = useState(device.current);
  const [name, setName] = useState(label.name);
  const [saved, setSaved] = useState(false);
  const rename = async () => {
    setSaved(false);
    const renamed = await action.run(() => device.rename(name));
    if (renamed === undefined) return;
    setLabel(renamed);
    setName(renamed.name);
    setSaved(true);
  };
  return (
    <form
      className="form-grid"
      style={{ maxWidth: 720 }}
      onSubmit={(e) => {
        e.preventDefault();
        void rename();
      }}
    >
      <TextField
        label={t('settings.deviceName')}
        hint={t('settings.deviceNameHint', { series: label.series })}
        value={name}
        maxLength={100}
        wide
        onChange={(e) => {
          setName(e.target.value);
          setSaved(false);
        }}
      />
      <div className="toolbar field-wide">
        <Button type="submit" disabled={action.busy || name.trim() === label.name}>
          {t('settings.renameDevice')}
        </Button>
      </div>
      {saved ? <Notice kind="success">{t('settings.deviceRenamed')}</Notice> : null}
      {action.error !== null ? <Notice kind="error">{action.error}</Notice> : null}
    </form>
  );
};
