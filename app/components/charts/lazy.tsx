import { lazy, Suspense, useEffect, useState, type ComponentProps } from "react";

// recharts (~100 KB gzipped) is fetched only by pages that show a chart, and only in the browser:
// it draws nothing on the server, and every chart has a table beside it.
const GapChartsImpl = lazy(() => import("./gap-charts"));
const MaturityLineImpl = lazy(() => import("./maturity-line"));
const MetricChartImpl = lazy(() => import("./metric-chart"));

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function Placeholder({ height }: { height: number }) {
  return <div className="animate-pulse rounded-lg bg-paper" style={{ height }} aria-hidden="true" />;
}

export function GapCharts(props: ComponentProps<typeof GapChartsImpl>) {
  const hydrated = useHydrated();
  if (!hydrated) return <Placeholder height={420} />;
  return (
    <Suspense fallback={<Placeholder height={420} />}>
      <GapChartsImpl {...props} />
    </Suspense>
  );
}

export function MaturityLine(props: ComponentProps<typeof MaturityLineImpl>) {
  const hydrated = useHydrated();
  if (!hydrated) return <Placeholder height={300} />;
  return (
    <Suspense fallback={<Placeholder height={300} />}>
      <MaturityLineImpl {...props} />
    </Suspense>
  );
}

export function MetricChart(props: ComponentProps<typeof MetricChartImpl>) {
  const hydrated = useHydrated();
  const height = props.compact ? 140 : 352;
  if (!hydrated) return <Placeholder height={height} />;
  return (
    <Suspense fallback={<Placeholder height={height} />}>
      <MetricChartImpl {...props} />
    </Suspense>
  );
}
