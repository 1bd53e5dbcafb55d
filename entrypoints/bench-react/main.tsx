import { createRoot } from 'react-dom/client';

/** A bare React 19 page built by the same toolchain as the panel: what "as fast as a page can open" means here. */
function Bare() {
  return (
    <main>
      <section className="bench-content">
        <h2>Bare React</h2>
        <p>Nothing but React and ReactDOM.</p>
      </section>
    </main>
  );
}

// Phase mark, as the panel's (scripts/bench/cold-open.ts prints both pages' phases).
performance.mark('baton:modules');

createRoot(document.getElementById('root')!).render(<Bare />);
