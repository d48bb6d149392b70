/**
 * The signed-in session: who the user is, their roles per regency, and the sign-in page.
 * `<SessionGate>` shows the login form until `auth.me` says someone is signed in.
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { createContext, type FormEvent, type ReactNode, useContext, useEffect, useId, useState } from 'react';
import { common, type Messages, useI18n } from './i18n';
import { LanguageSwitch } from './layout';
import { Loading } from './states';
import { type AppRouter, errorCode, errorMessage, fieldErrors, setCsrfToken, useTRPC } from './trpc';

type Outputs = inferRouterOutputs<AppRouter>;
export type Me = NonNullable<Outputs['auth']['me']>;
export type Grant = Me['grants'][number];
export type Role = Grant['role'];

interface Session {
  me: Me;
  /** Roles the user holds in a regency (national admins hold theirs everywhere). */
  rolesIn(regencyId: string): Role[];
  hasRole(...roles: Role[]): boolean;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionGate>');
  return session;
}

const m = {
  title: { id: 'Masuk ke Netral', en: 'Sign in to Netral' },
  lead: {
    id: 'Sistem pengawasan netralitas Aparatur Sipil Negara dalam pemilihan.',
    en: 'Oversight of civil servant neutrality in elections.',
  },
  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  submit: { id: 'Masuk', en: 'Sign in' },
  submitting: { id: 'Memeriksa…', en: 'Checking…' },
} satisfies Messages;

/** The sign-in form: keeps what was typed when the server refuses it. */
export function LoginPage({ appTitle }: { appTitle: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess(me) {
        setCsrfToken(me.csrfToken);
        queryClient.setQueryData(trpc.auth.me.queryKey(), me);
      },
    }),
  );
  const ids = { username: useId(), password: useId(), error: useId() };
  const errors = fieldErrors(login.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <main className="login" id="main">
      <form
        className="login-card"
        onSubmit={onSubmit}
        aria-describedby={login.error ? ids.error : undefined}
        noValidate
      >
        <div className="login-head">
          <h1>{t(m.title)}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">
          {appTitle} — {t(m.lead)}
        </p>
        {login.error && (
          <p className="alert alert-error" role="alert" id={ids.error}>
            {errorCode(login.error) === 'BAD_REQUEST'
              ? Object.values(errors).flat().join(' ')
              : errorMessage(login.error, locale)}
          </p>
        )}
        <label htmlFor={ids.username}>{t(m.username)}</label>
        <input
          id={ids.username}
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor={ids.password}>{t(m.password)}</label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? t(m.submitting) : t(m.submit)}
        </button>
      </form>
    </main>
  );
}

/** Renders `children` for a signed-in user, the login page otherwise. */
export function SessionGate({ appTitle, children }: { appTitle: string; children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, locale } = useI18n();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const logout = useMutation(trpc.auth.logout.mutationOptions());

  useEffect(() => {
    setCsrfToken(me.data?.csrfToken ?? null);
  }, [me.data?.csrfToken]);

  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <main className="login" id="main">
        <div className="login-card">
          <h1>{t(common.errorTitle)}</h1>
          <p role="alert">{errorMessage(me.error, locale)}</p>
          <button type="button" onClick={() => me.refetch()}>
            {t(common.retry)}
          </button>
        </div>
      </main>
    );
  }
  if (!me.data) return <LoginPage appTitle={appTitle} />;

  const data = me.data;
  const session: Session = {
    me: data,
    rolesIn: (regencyId) =>
      data.grants.filter((g) => g.role === 'national_admin' || g.regencyId === regencyId).map((g) => g.role),
    hasRole: (...roles) => data.grants.some((g) => roles.includes(g.role)),
    async logout() {
      await logout.mutateAsync();
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(trpc.auth.me.queryKey(), null);
    },
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
