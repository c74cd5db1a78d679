import { createEffect, onCleanup, onMount } from 'solid-js';

export interface Series {
  label: string;
  values: number[];
  color: string;
  /** A pattern as well as a colour, so the series differ without colour (print, colour blindness). */
  dashed?: boolean;
}

/** The page's font size in px (the root's), which the chart's words follow. */
const rootPx = () => Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
/** A small chart's labels: two thirds of the page's. */
const small = () => Math.round((2 / 3) * rootPx());

/**
 * A grouped bar chart with Chart.js, loaded only on the pages that draw one. `horizontal` lays the bars along
 * (long labels read better down the side); `height` is the chart's (18rem unless said); `whole`: counts (of people),
 * so the value axis steps in whole numbers.
 */
export function BarChart(props: {
  /** A label of several lines is an array of them. */
  labels: (string | string[])[];
  series: Series[];
  title: string;
  unit: string;
  height?: string;
  horizontal?: boolean;
  whole?: boolean;
  /** The legend under the chart (shown unless false: a chart of one series says it in its heading). */
  legend?: boolean;
  /** The value axis (shown unless false: a small chart beside a table of the same figures only compares bars). */
  valueAxis?: boolean;
}) {
  let canvas!: HTMLCanvasElement;
  let chart: { destroy(): void; data: unknown; update(): void } | undefined;
  onMount(async () => {
    const { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } = await import('chart.js');
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    // Words on the chart grow with the page's (a projector's 22 px, a phone's 15 px): three quarters of it.
    Chart.defaults.font.size = Math.round(0.75 * rootPx());
    chart = new Chart(canvas, {
      type: 'bar',
      data: data(),
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: props.legend !== false, position: 'bottom' },
          tooltip: { callbacks: { label: (i) => `${i.dataset.label}: ${i.formattedValue} ${props.unit}` } },
        },
        indexAxis: props.horizontal ? 'y' : 'x',
        scales: {
          [props.horizontal ? 'x' : 'y']: {
            display: props.valueAxis !== false,
            beginAtZero: true,
            ticks: props.whole ? { precision: 0 } : {},
            title: { display: !!props.unit, text: props.unit },
          },
          // Every category named: a chart of a few classrooms or months never skips one (a small chart's smaller).
          [props.horizontal ? 'y' : 'x']: {
            ticks: { autoSkip: false, ...(props.valueAxis === false ? { font: { size: small() } } : {}) },
          },
        },
      },
    }) as unknown as typeof chart;
  });
  const data = () => ({
    labels: props.labels,
    datasets: props.series.map((s) => ({
      label: s.label,
      data: s.values,
      backgroundColor: s.color,
      borderColor: '#24292f',
      borderWidth: s.dashed ? 1 : 0,
      borderDash: s.dashed ? [4, 3] : [],
    })),
  });
  createEffect(() => {
    const d = data();
    if (chart) {
      chart.data = d;
      chart.update();
    }
  });
  onCleanup(() => chart?.destroy());
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ position: 'relative', height: props.height ?? '18rem' }}>
        <canvas ref={canvas} role="img" aria-label={props.title} />
      </div>
    </figure>
  );
}
