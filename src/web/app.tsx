/** The shell: navigation between the five pages; every page but the first is fetched when first visited. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from './error-box.js';
import { href, type Route, useHashRoute } from './hash-route.js';
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

export function App() {
  const route = useHashRoute();
  const known = route.page === 'record' || route.page in LAZY_PAGES;
  return (
    <>
      <header>
        <a class="brand" href={href('record')}>
          meddle
        </a>
        <nav>
          {NAV.map(([page, label]) => (
            <a key={page} href={href(page)} aria-current={route.page === page ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {route.page === 'record' ? (
          <RecordPage route={route} />
        ) : known ? (
          <LazyPage route={route} />
        ) : (
          <p>
            No page “{route.page}”. <a href={href('record')}>Go to the record.</a>
          </p>
        )}
      </main>
    </>
  );
}
