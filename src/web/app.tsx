/** The shell: navigation between the five pages; every page but the first is fetched when first visited. */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorBox } from './error-box.js';
import { href, type Route, useHashRoute } from './hash-route.js';
import { useTitle } from './page-title.js';
import { RecordPage } from './record-page.js';

type PageModule = { default: ComponentType<{ route: Route }> };

/** Charts and the simulator weigh more than the record's table: they load only when their page is opened. */
const LAZY_PAGES: Readonly<Record<string, () => Promise<PageModule>>> = {
  tables: () => import('./tables-page.js'),
  simulator: () => import('./simulator-page.js'),
  assess: () => import('./assess-page.js'),
  cases: () => import('./cases-page.js'),
};

const NAV = [
  ['record', 'Record'],
  ['tables', 'Tables'],
  ['simulator', 'Simulator'],
  ['assess', 'Assess'],
  ['cases', 'Cases'],
] as const;

function LazyPage({ route }: { route: Route }) {
  const [loaded, setLoaded] = useState<{ page: string; module: PageModule } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    const load = LAZY_PAGES[route.page];
    if (load === undefined) return;
    let live = true;
    load().then(
      (module) => live && setLoaded({ page: route.page, module }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [route.page]);
  if (error !== undefined) return <ErrorBox error={error} />;
  if (loaded === undefined || loaded.page !== route.page) return <p class="loading">Loading…</p>;
  const Page = loaded.module.default;
  return <Page route={route} />;
}

/** A hash link would change the route (#main is no page), so the skip link moves focus itself. */
function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; only the hash routing makes it act
    <a
      class="skip"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}

/**
 * The pages' links; on a narrow screen they fold behind a menu button (style.css hides them until it is open).
 * The menu closes when a page is chosen and on Escape, which gives focus back to the button.
 */
function SiteNav({ current }: { current: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [current]);
  return (
    <nav
      aria-label="pages"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        type="button"
        class="menu"
        ref={button}
        aria-expanded={open}
        aria-controls="nav-links"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <ul id="nav-links" class={open ? 'links open' : 'links'}>
        {NAV.map(([page, label]) => (
          <li key={page}>
            <a
              href={href(page)}
              aria-current={current === page ? 'page' : undefined}
              onClick={() => setOpen(false)}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NoPage({ page }: { page: string }) {
  useTitle('No such page');
  return (
    <>
      <h1>No such page</h1>
      <p>
        No page “{page}”. <a href={href('record')}>Go to the record.</a>
      </p>
    </>
  );
}

export function App() {
  const route = useHashRoute();
  const known = route.page === 'record' || route.page in LAZY_PAGES;
  return (
    <>
      <SkipLink />
      <header>
        <a class="brand" href={href('record')}>
          meddle
        </a>
        <SiteNav current={route.page} />
      </header>
      {/* tabIndex -1: the skip link focuses the main region, which is not a control of its own. */}
      <main id="main" tabIndex={-1}>
        {route.page === 'record' ? (
          <RecordPage route={route} />
        ) : known ? (
          <LazyPage route={route} />
        ) : (
          <NoPage page={route.page} />
        )}
      </main>
    </>
  );
}
