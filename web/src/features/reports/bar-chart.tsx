import { createEffect, onCleanup, onMount } from 'solid-js';

export interface Series {
  label: string;
  values: number[];
  color: string;
  /** A pattern as well as a colour, so the series differ without colour (print, colour blindness). */
  dashed?: boolean;
}

/** A grouped bar chart with Chart.js, loaded only on the pages that draw one. `whole`: counts (of people), so the
 * axis steps in whole numbers. */
export function BarChart(props: { labels: string[]; series: Series[]; title: string; unit: string; whole?: boolean }) {
  let canvas!: HTMLCanvasElement;
  let chart: { destroy(): void; data: unknown; update(): void } | undefined;
  onMount(async () => {
    const { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } = await import('chart.js');
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    chart = new Chart(canvas, {
      type: 'bar',
      data: data(),
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (i) => `${i.dataset.label}: ${i.formattedValue} ${props.unit}` } },
        },
        scales: {
          y: {
            beginAtZero: true,
            ticks: props.whole ? { precision: 0 } : {},
            title: { display: true, text: props.unit },
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
      <div style={{ position: 'relative', height: '18rem' }}>
        <canvas ref={canvas} role="img" aria-label={props.title} />
      </div>
    </figure>
  );
}
