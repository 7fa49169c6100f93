package dev.migrationmcp.memory.index;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a refresh spent its time, phase by phase, so that a slow refresh can be explained without
 * a profiler (the benchmark prints it): elapsed time and the CPU time of the threads that ran the
 * phase (on a loaded machine the first grows, the second hardly; time spent waiting for git is
 * elapsed, not CPU). Phases run on several threads add up their threads' times. Thread-safe.
 */
final class RefreshPhases {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

  /** A piece of work timed as one phase. */
  @FunctionalInterface
  interface Work<T, E extends Exception> {
    T run() throws E;
  }

  private record Totals(LongAdder nanos, LongAdder cpuNanos, int order) {}

  private final Map<String, Totals> phases = new ConcurrentHashMap<>();

  <T, E extends Exception> T time(String phase, Work<T, E> work) throws E {
    long t0 = System.nanoTime();
    long c0 = cpu();
    try {
      return work.run();
    } finally {
      add(phase, System.nanoTime() - t0, cpu() - c0);
    }
  }

  void add(String phase, long elapsedNanos, long cpuNanos) {
    Totals t = phases.computeIfAbsent(phase, p -> new Totals(new LongAdder(), new LongAdder(), phases.size()));
    t.nanos().add(elapsedNanos);
    t.cpuNanos().add(cpuNanos);
  }

  static long cpu() {
    return CPU ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  /** Elapsed milliseconds per phase, in the order the phases first ran. */
  Map<String, Long> millis() {
    return collect(false);
  }

  /** CPU milliseconds per phase (0 where the JVM cannot tell). */
  Map<String, Long> cpuMillis() {
    return collect(true);
  }

  private Map<String, Long> collect(boolean cpu) {
    Map<String, Long> out = new LinkedHashMap<>();
    phases.entrySet().stream().sorted((a, b) -> Integer.compare(a.getValue().order(), b.getValue().order()))
        .forEach(e -> out.put(e.getKey(), (cpu ? e.getValue().cpuNanos() : e.getValue().nanos()).sum() / 1_000_000));
    return out;
  }
}
