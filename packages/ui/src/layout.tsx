/**
 * The frame of every signed-in page: skip link, header (app, regency switcher, language, user),
 * navigation showing only what the role may do, and the main region.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { common, LOCALES, type Message, useI18n } from './i18n';

export interface NavItem {
  href: string;
  label: Message;
  /** Also active on deeper paths (`/cases` for `/cases/123`). Default true. */
  prefix?: boolean;
}

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="sr-only">{t(common.language)}</legend>
      {LOCALES.map((l) => (
        <button key={l} type="button" aria-pressed={locale === l} onClick={() => setLocale(l)} lang={l}>
          {l.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}

export function AppShell({
  title,
  nav,
  toolbar,
  user,
  onLogout,
  children,
}: {
  title: string;
  nav: NavItem[];
  /** Extra controls in the header, e.g. the regency switcher. */
  toolbar?: ReactNode;
  user: string;
  onLogout: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [location] = useLocation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t(common.skipToContent)}
      </a>
      <header className="topbar">
        <span className="brand">{title}</span>
        <div className="topbar-tools">
          {toolbar}
          <LanguageSwitch />
          <span className="user" title={user}>
            {user}
          </span>
          <button type="button" onClick={onLogout}>
            {t(common.logout)}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t(common.mainNav)}>
        <ul>
          {nav.map((item) => {
            const active = location === item.href || (item.prefix !== false && location.startsWith(`${item.href}/`));
            return (
              <li key={item.href}>
                <Link href={item.href} aria-current={active ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** A page's title row with optional actions; sets the document title. */
export function PageHeader({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  if (typeof document !== 'undefined') document.title = `${title} · ${t(common.appName)}`;
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {children}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}
