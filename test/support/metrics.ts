/** The value of metric `name` on the series whose labels include `label` (name="value"), as `origin`/metrics shows it; undefined without such a series. */
export async function metricValue(origin: string, name: string, label: Record<string, string>): Promise<number | undefined> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const [[key, value]] = Object.entries(label);
  const found = new RegExp(`^${name}\\{[^}]*${key}="${value}"[^}]*\\} (\\d+)`, 'm').exec(text)?.[1];
  return found === undefined ? undefined : Number(found);
}
