/**
 * A metric's children by label values, each made once: prom-client finds a child by hashing its
 * labels, which costs more than the observation itself, and label values here come from fixed sets
 * (methods, result arms, scripts, outcomes), so the map stays small.
 */
export function labelChildren<C>(make: (...labels: string[]) => C): (...labels: string[]) => C {
  const children = new Map<string, C>();
  return (...labels) => {
    const key = labels.join("\u0000");
    let child = children.get(key);
    if (child === undefined) {
      child = make(...labels);
      children.set(key, child);
    }
    return child;
  };
}
