// Teams: who works together (a manager sees the team's records); disabling one disables
// every member and ends their sessions.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useOfficeCommands } from '../commands';
import { useOfficeData } from '../queries';

export const TeamsPanel = () => {
  const { t } = useTranslation();
  const office = useOfficeCommands();
  const teams = useOfficeData((o) => o.teams());
  const action = useAction();
  const [name, setName] = useState('');
  const add = async () => {
    if ((await action.run(() => office.addTeam(name))) !== undefined) {
      setName('');
      teams.reload();
    }
  };
  const disable = async (team: string) => {
    if (!window.confirm(t('admin.teams.confirmDisable', { name: team }))) return;
    if ((await action.run(() => office.disableTeam(team))) !== undefined) teams.reload();
  };
  return (
    <>
      {teams.error ? <Notice kind="error">{teams.error}</Notice> : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <table className="grid" aria-label={t('admin.tabs.teams')}>
        <thead>
          <tr>
            <th>{t('common.name')}</th>
            <th className="num">{t('admin.teams.members')}</th>
            <th className="num">{t('admin.teams.active')}</th>
            <th>
              <span className="visually-hidden">{t('common.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(teams.data ?? []).map((team) => (
            <tr key={team.id}>
              <td>{team.name}</td>
              <td className="num">{team.members}</td>
              <td className="num">{team.activeMembers}</td>
              <td>
                {team.activeMembers > 0 ? (
                  <Button variant="danger" onClick={() => void disable(team.name)}>
                    {t('admin.teams.disable')}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField
          label={t('admin.teams.newName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" variant="primary" disabled={action.busy}>
          {t('admin.teams.add')}
        </Button>
      </form>
    </>
  );
};
