/** The instant the demo workspace is laid relative to: the start of the current UTC hour. */
export function demoAnchor(now: number): number {
  return Math.floor(now / 3_600_000) * 3_600_000;
}
