// Settings: language, server address, the current fair, the app lock, and who is signed in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveServerUrl, useUiStore } from '../../../app/ui-store';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { LanguageField } from './LanguageField';
import { useSession } from '../../auth/queries';
import { useAppVersion } from '../queries';
import { useDevice } from '../commands';
import { DeviceNameField } from './DeviceNameField';
import { LockAfterField } from './LockAfterField';
import { SignOutControl } from '../../auth/components/SignOutControl';
import { FairsPanel } from '../../fairs/components/FairsPanel';

export const SettingsScreen = () => {
  const { t } = useTranslation();
  const { serverUrl, setServerUrl } = useUiStore();
  const session = useSession();
  const version = useAppVersion();
  const device = useDevice();
  const [server, setServer] = useState(serverUrl);
  const [saved, setSaved] = useState(false);
  return (
    <section className="page" aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </div>
      <div className="panel form-grid" style={{ maxWidth: 720 }}>
        <LanguageField />
        <TextField
          label={t('settings.server')}
          hint={t('settings.serverHint')}
          type="url"
          value={server}
          placeholder={effectiveServerUrl('')}
          onChange={(e) => {
            setServer(e.target.value);
            setSaved(false);
          }}
          wide
        />
        <div className="toolbar field-wide">
          <Button
            variant="primary"
            onClick={() => {
              setServerUrl(server);
              setSaved(true);
            }}
          >
            {t('common.save')}
          </Button>
        </div>
        {saved ? <Notice kind="success">{t('settings.saved')}</Notice> : null}
      </div>
      {session ? <FairsPanel /> : null}
      {session ? (
        <div className="panel">
          <h2>{t('settings.device')}</h2>
          <p>{t('app.signedInAs', { name: `${session.user.name} <${session.user.email}>` })}</p>
          {device ? <DeviceNameField device={device} /> : null}
          {version ? (
            <p className="hint">
              {t('settings.version')}: {version}
            </p>
          ) : null}
          <div className="settings-lock">
            <LockAfterField />
          </div>
          <SignOutControl />
        </div>
      ) : null}
    </section>
  );
};
