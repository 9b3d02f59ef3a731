// Users: add a seller, manager or admin; change role and team, reset the password, disable.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../../shared/office/admin-api';
import type { Role } from '../../../../shared/domain/context';
import { useAction } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { SelectField, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useOfficeCommands } from '../commands';
import { useOfficeData } from '../queries';

const roles: readonly Role[] = ['seller', 'manager', 'admin'];

const NewUserForm = ({ onAdded }: { onAdded: () => void }) => {
  const { t } = useTranslation();
  const office = useOfficeCommands();
  const action = useAction();
  const empty = { email: '', name: '', password: '', role: 'seller' as Role, team: '' };
  const [form, setForm] = useState(empty);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = async () => {
    const added = await action.run(() =>
      office.addUser({
        email: form.email,
        password: form.password,
        role: form.role,
        ...(form.name.trim() ? { name: form.name } : {}),
        ...(form.team.trim() ? { team: form.team } : {}),
      }),
    );
    if (added) {
      setForm(empty);
      onAdded();
    }
  };
  return (
    <form
      className="panel"
      aria-labelledby="new-user-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="new-user-title">{t('admin.users.add')}</h2>
      <div className="form-grid">
        <TextField label={t('common.email')} value={form.email} onChange={set('email')} required />
        <TextField label={t('common.name')} value={form.name} onChange={set('name')} />
        <TextField
          label={t('admin.users.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          required
        />
        <SelectField
          label={t('admin.users.role')}
          value={form.role}
          onChange={set('role')}
          options={roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
        />
        <TextField
          label={t('admin.users.team')}
          hint={t('admin.users.teamHint')}
          value={form.team}
          onChange={set('team')}
        />
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <Button type="submit" variant="primary" disabled={action.busy}>
        {t('admin.users.add')}
      </Button>
    </form>
  );
};

type Editing = { user: AdminUser; what: 'team' | 'password' };

export const UsersPanel = () => {
  const { t } = useTranslation();
  const office = useOfficeCommands();
  const users = useOfficeData((o) => o.users());
  const action = useAction();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [value, setValue] = useState('');
  const change = async (work: () => ReturnType<typeof office.setRole>) => {
    if ((await action.run(work)) !== undefined) users.reload();
  };
  const saveEdit = async () => {
    if (!editing) return;
    const { user, what } = editing;
    const done = await action.run(() =>
      what === 'team'
        ? office.setTeam(user.id, value.trim() === '' ? null : value)
        : office.resetPassword(user.id, value),
    );
    if (done !== undefined) {
      setEditing(null);
      users.reload();
    }
  };
  return (
    <>
      <NewUserForm onAdded={users.reload} />
      {users.error ? <Notice kind="error">{users.error}</Notice> : null}
      {action.error && !editing ? <Notice kind="error">{action.error}</Notice> : null}
      <table className="grid" aria-label={t('admin.tabs.users')}>
        <thead>
          <tr>
            <th>{t('common.email')}</th>
            <th>{t('common.name')}</th>
            <th>{t('admin.users.role')}</th>
            <th>{t('admin.users.team')}</th>
            <th>{t('admin.users.state')}</th>
            <th>
              <span className="visually-hidden">{t('common.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>
                <select
                  aria-label={t('admin.users.roleOf', { email: u.email })}
                  value={u.role}
                  onChange={(e) => void change(() => office.setRole(u.id, e.target.value))}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`admin.roles.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.teamName ?? '—'}</td>
              <td>{u.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
              <td className="actions">
                <Button
                  onClick={() => {
                    setValue(u.teamName ?? '');
                    setEditing({ user: u, what: 'team' });
                  }}
                >
                  {t('admin.users.changeTeam')}
                </Button>
                <Button
                  onClick={() => {
                    setValue('');
                    setEditing({ user: u, what: 'password' });
                  }}
                >
                  {t('admin.users.resetPassword')}
                </Button>
                <Button
                  variant={u.disabled ? 'secondary' : 'danger'}
                  onClick={() => void change(() => office.setDisabled(u.id, !u.disabled))}
                >
                  {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <Dialog
          title={
            editing.what === 'team'
              ? t('admin.users.teamOf', { email: editing.user.email })
              : t('admin.users.passwordOf', { email: editing.user.email })
          }
          cancelLabel={t('common.cancel')}
          submitLabel={t('common.save')}
          submitDisabled={action.busy}
          onClose={() => setEditing(null)}
          onSubmit={() => void saveEdit()}
        >
          <TextField
            label={editing.what === 'team' ? t('admin.users.team') : t('admin.users.newPassword')}
            type={editing.what === 'team' ? 'text' : 'password'}
            autoComplete={editing.what === 'team' ? 'off' : 'new-password'}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          {action.error ? <Notice kind="error">{action.error}</Notice> : null}
        </Dialog>
      ) : null}
    </>
  );
};
