/**
 * The users of a regency, for its administrators: who they are, their roles here, whether they
 * may sign in. Create a user with an initial password and roles, change name, language, roles
 * here or reset the password, and disable or enable an account. Roles elsewhere are kept as they
 * are (the server only touches roles inside the caller's authority).
 */
import { type Role, roleLabels } from '@netral/domain/model';
import { ConflictNotice } from '@netral/ui/conflict';
import { formatDate } from '@netral/ui/format';
import { Field } from '@netral/ui/forms';
import { common, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { useSession } from '@netral/ui/session';
import { Empty, ErrorState, Loading } from '@netral/ui/states';
import { type AppRouter, errorCode, errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { m } from './messages';

type User = inferRouterOutputs<AppRouter>['users']['list'][number];
type Grant = User['grants'][number];

/** The roles a regency hands out. */
const regencyRoles = ['regency_admin', 'regency_officer'] as const satisfies readonly Role[];
type RegencyRole = (typeof regencyRoles)[number];

const rolesHere = (user: User, regencyId: string): RegencyRole[] =>
  regencyRoles.filter((r) => user.grants.some((g) => g.role === r && g.regencyId === regencyId));

type Panel = { mode: 'create' } | { mode: 'edit'; id: string } | null;

export function UsersPage({ regencyId, regencyName }: { regencyId: string; regencyName: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const users = useQuery(trpc.users.list.queryOptions({ regencyId }));
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const disable = useMutation(
    trpc.users.disable.mutationOptions({
      onSuccess: async (u) => {
        setNotice({ tone: 'ok', text: t(u.disabledAt ? m.disabled : m.enabled, { name: u.username }) });
        await queryClient.invalidateQueries(trpc.users.pathFilter());
      },
      onError: async (error) => {
        setNotice({ tone: 'error', text: errorMessage(error, locale) });
        if (errorCode(error) === 'CONFLICT') await queryClient.invalidateQueries(trpc.users.pathFilter());
      },
    }),
  );

  const editing = panel?.mode === 'edit' ? users.data?.find((u) => u.id === panel.id) : undefined;
  const roleBadges = (u: User) => {
    const here = rolesHere(u, regencyId);
    return here.length === 0 ? (
      <span className="muted">{t(m.noRole)}</span>
    ) : (
      here.map((r) => (
        <span key={r} className={r === 'regency_admin' ? 'badge info' : 'badge'}>
          {t(roleLabels[r])}
        </span>
      ))
    );
  };

  return (
    <>
      <PageHeader
        title={t(m.title)}
        actions={
          <button
            type="button"
            className="primary"
            onClick={() => {
              setNotice(null);
              setPanel({ mode: 'create' });
            }}
          >
            {t(m.add)}
          </button>
        }
      >
        <p className="muted">{t(m.lead, { regency: regencyName })}</p>
      </PageHeader>
      <div aria-live="polite">
        {notice && <p className={notice.tone === 'ok' ? 'alert alert-ok' : 'alert alert-error'}>{notice.text}</p>}
      </div>

      {panel && (panel.mode === 'create' || editing) && (
        <UserForm
          key={panel.mode === 'edit' ? panel.id : 'create'}
          regencyId={regencyId}
          regencyName={regencyName}
          user={editing}
          onDone={(text) => {
            setPanel(null);
            setNotice({ tone: 'ok', text });
          }}
          onCancel={() => setPanel(null)}
        />
      )}

      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState error={users.error} retry={() => users.refetch()} />
      ) : users.data.length === 0 ? (
        <Empty>{t(m.empty)}</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t(m.caption)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(m.username)}</th>
                <th scope="col">{t(m.displayName)}</th>
                <th scope="col">{t(m.rolesHere)}</th>
                <th scope="col">{t(m.locale)}</th>
                <th scope="col">{t(m.status)}</th>
                <th scope="col">{t(m.actions)}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => {
                const self = u.id === session.me.user.id;
                return (
                  <tr key={u.id}>
                    <th scope="row" className="mono">
                      {u.username} {self && <span className="muted">{t(m.you)}</span>}
                    </th>
                    <td>{u.displayName}</td>
                    <td>{roleBadges(u)}</td>
                    <td>{u.locale === 'id' ? t(m.localeId) : t(m.localeEn)}</td>
                    <td>
                      {u.disabledAt ? (
                        <span className="badge danger">
                          {t(m.disabledSince, { date: formatDate(u.disabledAt, locale) })}
                        </span>
                      ) : (
                        <span className="badge ok">{t(m.active)}</span>
                      )}
                    </td>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      <button
                        type="button"
                        aria-label={t(m.editNamed, { name: u.username })}
                        onClick={() => {
                          setNotice(null);
                          setPanel({ mode: 'edit', id: u.id });
                        }}
                      >
                        {t(m.edit)}
                      </button>{' '}
                      {!self && (
                        <button
                          type="button"
                          className={u.disabledAt ? undefined : 'danger'}
                          aria-label={t(u.disabledAt ? m.enableNamed : m.disableNamed, { name: u.username })}
                          disabled={disable.isPending}
                          onClick={() => disable.mutate({ id: u.id, version: u.version, disabled: !u.disabledAt })}
                        >
                          {t(u.disabledAt ? m.enable : m.disable)}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  locale: 'id' | 'en';
  roles: RegencyRole[];
}

function valuesOf(user: User | undefined, regencyId: string): UserFormValues {
  return user
    ? {
        username: user.username,
        displayName: user.displayName,
        password: '',
        locale: user.locale,
        roles: rolesHere(user, regencyId),
      }
    : { username: '', displayName: '', password: '', locale: 'id', roles: ['regency_officer'] };
}

/** Errors under a key and its children (`grants` covers `grants.0.regencyId`). */
function under(errors: Record<string, string[]>, key: string): string[] | undefined {
  const out = Object.entries(errors).flatMap(([k, v]) => (k === key || k.startsWith(`${key}.`) ? v : []));
  return out.length > 0 ? out : undefined;
}

function UserForm({
  regencyId,
  regencyName,
  user,
  onDone,
  onCancel,
}: {
  regencyId: string;
  regencyName: string;
  user: User | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formId = useId();
  const [form, setForm] = useState<UserFormValues>(() => valuesOf(user, regencyId));
  const [base, setBase] = useState<User | undefined>(user);
  // The roles the form started from: grants are sent only when the user changed them.
  const [startRoles, setStartRoles] = useState<RegencyRole[]>(() => (user ? rolesHere(user, regencyId) : []));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [latest, setLatest] = useState<User | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const done = async (text: string) => {
    await queryClient.invalidateQueries(trpc.users.pathFilter());
    onDone(text);
  };
  const failed = async (error: unknown) => {
    setErrors(fieldErrors(error));
    setFormError(errorMessage(error, locale));
    if (errorCode(error) === 'CONFLICT' && user) {
      const fresh = await queryClient.fetchQuery({ ...trpc.users.get.queryOptions({ id: user.id }), staleTime: 0 });
      setLatest(fresh);
    }
  };
  const create = useMutation(
    trpc.users.create.mutationOptions({ onSuccess: (u) => done(t(m.created, { name: u.username })), onError: failed }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({ onSuccess: (u) => done(t(m.updated, { name: u.username })), onError: failed }),
  );

  /** The user's grants with this regency's replaced by the chosen roles. */
  const grantsFor = (from: User | undefined): Grant[] => [
    ...(from?.grants ?? []).filter((g) => g.regencyId !== regencyId),
    ...form.roles.map((role) => ({ role, regencyId, provinceCode: null })),
  ];

  const send = (against: User | undefined) => {
    setLatest(null);
    if (!against) {
      create.mutate({
        username: form.username,
        displayName: form.displayName,
        password: form.password,
        locale: form.locale,
        grants: grantsFor(undefined),
      });
      return;
    }
    const rolesChanged = [...form.roles].sort().join() !== [...startRoles].sort().join();
    update.mutate({
      id: against.id,
      version: against.version,
      displayName: form.displayName,
      locale: form.locale,
      ...(form.password !== '' && { password: form.password }),
      ...(rolesChanged && { grants: grantsFor(against) }),
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(base);
  };
  const busy = create.isPending || update.isPending;
  const roleList = (roles: readonly Role[]) => roles.map((r) => t(roleLabels[r])).join(', ') || '—';
  const lang = (l: 'id' | 'en') => (l === 'id' ? t(m.localeId) : t(m.localeEn));
  const rolesError = under(errors, 'grants');

  return (
    <section className="card" aria-labelledby={`${formId}-h`}>
      <h2 id={`${formId}-h`} ref={headingRef} tabIndex={-1} className="m0">
        {user ? t(m.editTitle, { name: user.username }) : t(m.addTitle)}
      </h2>
      <div aria-live="polite">
        {latest ? (
          <ConflictNotice
            busy={busy}
            rows={[
              { label: t(m.displayName), current: latest.displayName, mine: form.displayName },
              { label: t(m.locale), current: lang(latest.locale), mine: lang(form.locale) },
              {
                label: t(m.roles, { regency: regencyName }),
                current: roleList(rolesHere(latest, regencyId)),
                mine: roleList(form.roles),
              },
            ]}
            onReapply={() => {
              setBase(latest);
              send(latest);
            }}
            onDiscard={() => {
              setForm(valuesOf(latest, regencyId));
              setStartRoles(rolesHere(latest, regencyId));
              setBase(latest);
              setLatest(null);
              setFormError(null);
              setErrors({});
            }}
          />
        ) : (
          formError && <p className="alert alert-error">{formError}</p>
        )}
      </div>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          {!user && (
            <Field label={t(m.username)} error={errors.username} hint={t(m.usernameHint)}>
              {(p) => (
                <input
                  {...p}
                  autoComplete="off"
                  spellCheck={false}
                  value={form.username}
                  onChange={(e) => setForm((f) => ({ ...f, username: e.target.value }))}
                />
              )}
            </Field>
          )}
          <Field label={t(m.displayName)} error={errors.displayName}>
            {(p) => (
              <input
                {...p}
                value={form.displayName}
                onChange={(e) => setForm((f) => ({ ...f, displayName: e.target.value }))}
              />
            )}
          </Field>
          <Field
            label={user ? t(m.newPassword) : t(m.password)}
            error={errors.password}
            hint={user ? t(m.newPasswordHint) : t(m.passwordHint)}
          >
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={(e) => setForm((f) => ({ ...f, password: e.target.value }))}
              />
            )}
          </Field>
          <Field label={t(m.locale)} error={errors.locale}>
            {(p) => (
              <select
                {...p}
                value={form.locale}
                onChange={(e) => setForm((f) => ({ ...f, locale: e.target.value === 'en' ? 'en' : 'id' }))}
              >
                <option value="id">{t(m.localeId)}</option>
                <option value="en">{t(m.localeEn)}</option>
              </select>
            )}
          </Field>
        </div>
        <fieldset
          className={rolesError ? 'field checks has-error' : 'field checks'}
          aria-describedby={rolesError ? `${formId}-roles-err` : undefined}
        >
          <legend>{t(m.roles, { regency: regencyName })}</legend>
          {regencyRoles.map((r) => (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={form.roles.includes(r)}
                onChange={(e) =>
                  setForm((f) => ({
                    ...f,
                    roles: e.target.checked ? [...f.roles.filter((x) => x !== r), r] : f.roles.filter((x) => x !== r),
                  }))
                }
              />
              {t(roleLabels[r])}
            </label>
          ))}
          {user?.grants.some((g) => g.regencyId !== regencyId) && (
            <p className="hint m0">
              {t(m.otherRoles)}:{' '}
              {user.grants
                .filter((g) => g.regencyId !== regencyId)
                .map((g) => `${t(roleLabels[g.role])}${g.regencyId ? ` (${g.regencyId})` : ''}`)
                .join(', ')}
            </p>
          )}
          {rolesError && (
            <div className="field-error" id={`${formId}-roles-err`}>
              {rolesError.join(' ')}
            </div>
          )}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t(common.save)}
          </button>
          <button type="button" onClick={onCancel}>
            {t(common.cancel)}
          </button>
        </div>
      </form>
    </section>
  );
}
