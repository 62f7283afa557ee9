/** The value of metric `name` on the series whose labels include every one of `labels` (name="value"), as `origin`/metrics shows it; undefined without such a series. */
export async function metricValue(origin: string, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const [, series, value] of text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\d+)`, 'gm'))) {
    const present = series.split(',');
    if (wanted.every((label) => present.includes(label))) return Number(value);
  }
  return undefined;
}
