// A monotonic millisecond clock for timing a run. performance.now() would do, but its first use
// loads perf_hooks and the performance-timeline modules (≈0.7 ms of every doctor start), and
// process.uptime() reads the same monotonic clock without them.

/** Milliseconds since this process started, monotonic (clock changes do not move it). */
export const monotonicMs = (): number => process.uptime() * 1000;
