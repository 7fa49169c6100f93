package dev.migrationmcp.memory.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refresh did.
 *
 * @param documents documents in the index afterwards
 * @param updated documents added or re-indexed
 * @param removed documents whose source is gone
 * @param rebuilt whether the index was rebuilt from scratch (new, corrupt or of another format)
 * @param inMemory whether the index is kept in memory (the directory is used by another process)
 * @param millis how long it took
 * @param phaseMillis where the time went (git, scan, facts, index, commit…), for benchmarks and
 *     debug logs; phases that ran on several threads add up their threads' time
 * @param phaseCpuMillis the CPU time of the same phases, in this process (git's own is not in it)
 */
public record RefreshStats(int documents, int updated, int removed, boolean rebuilt, boolean inMemory, long millis,
    Map<String, Long> phaseMillis, Map<String, Long> phaseCpuMillis) {

  public RefreshStats {
    phaseMillis = Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
    phaseCpuMillis = Collections.unmodifiableMap(new LinkedHashMap<>(phaseCpuMillis));
  }

  /** Without a phase breakdown. */
  public RefreshStats(int documents, int updated, int removed, boolean rebuilt, boolean inMemory, long millis) {
    this(documents, updated, removed, rebuilt, inMemory, millis, Map.of(), Map.of());
  }
}
