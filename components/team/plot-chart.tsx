import type * as PlotModule from '@observablehq/plot';
import { useDeferredValue, useEffect, useRef, useState } from 'react';

/**
 * A chart's options, built from Plot's module once it has loaded: Plot (a quarter of a megabyte) is fetched after the
 * page's figures are drawn, not before them (issue 11: the team page's next visit painted a second after navigation,
 * Plot loaded first).
 */
export type ChartOptions = (plot: typeof PlotModule) => PlotModule.PlotOptions;

let plotModule: typeof PlotModule | null = null;
let loadingPlot: Promise<typeof PlotModule> | null = null;
function loadPlot(): Promise<typeof PlotModule> {
  loadingPlot ??= import('@observablehq/plot').then((module) => (plotModule = module));
  return loadingPlot;
}

/**
 * One Observable Plot chart (chosen by measurement: docs/charts.md). Plot draws SVG with text; the figure is
 * labelled by its one-line summary, which is also shown (figcaption), and the table beside it carries every number.
 * Drawn in an effect and replaced whenever the options change; Plot's output is plain DOM React does not manage.
 * Redrawn after the numbers: the options are a deferred value, so a new filter's tables and summaries are shown
 * first and the charts follow in a render React may interrupt (marked aria-busy until then).
 */
export function PlotChart({ options: latest, summary: latestSummary }: { options: ChartOptions; summary: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [Plot, setPlot] = useState(plotModule);
  useEffect(() => {
    if (Plot) return;
    let live = true;
    // A chart that cannot load keeps its summary and its table (the numbers are all there); it stays marked busy.
    loadPlot().then((module) => live && setPlot(() => module), () => undefined);
    return () => {
      live = false;
    };
  }, [Plot]);
  const options = useDeferredValue(latest);
  const summary = useDeferredValue(latestSummary);
  // The box's width as a ResizeObserver reports it (after the browser's own layout). Reading clientWidth while
  // drawing forced a layout of the whole page once per chart, each after the chart before had changed the page: on
  // a filter change, most of the time between the worker's answer and the new figures on screen.
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = (w: number) => setWidth(Math.max(280, Math.min(720, Math.round(w) || 640)));
    if (typeof ResizeObserver === 'undefined') {
      fit(el.clientWidth);
      return;
    }
    const observer = new ResizeObserver(([entry]) => entry && fit(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el || width === null || !Plot) return;
    const chart = Plot.plot({ width, style: { fontSize: '12px', background: 'transparent', overflow: 'visible' }, ...options(Plot), ariaLabel: summary });
    // The chart is one image named by its summary: Plot labels its mark groups (<g aria-label="bar">), which is
    // prohibited ARIA on an element without a role (axe: aria-prohibited-attr), and the table carries the numbers.
    for (const svg of chart.tagName.toLowerCase() === 'svg' ? [chart] : [...chart.querySelectorAll('svg')]) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', summary);
      svg.querySelectorAll('[aria-label], [aria-description]').forEach((node) => {
        node.removeAttribute('aria-label');
        node.removeAttribute('aria-description');
      });
    }
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [options, summary, width, Plot]);
  return (
    <figure className="team-chart" aria-busy={options !== latest || summary !== latestSummary || width === null || !Plot}>
      <div ref={box} className="team-chart-plot" />
      <figcaption className="small">{summary}</figcaption>
    </figure>
  );
}

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), never alone: every mark also has a label or a shape. */
export const COLORS = { current: '#1f5fa8', previous: '#6b6b6b', good: '#1b6e3a', bad: '#b3261e', won: '#1f5fa8', open: '#8a4f00', rule: '#6d2aa3' } as const;
