let enabled = false;

/** Whether this process records and exports spans (see startTracing); false until it starts them. */
export function tracingEnabled(): boolean {
  return enabled;
}

/** For startTracing only: set once the SDK is registered, cleared when it shuts down. */
export function setTracingEnabled(value: boolean): void {
  enabled = value;
}
