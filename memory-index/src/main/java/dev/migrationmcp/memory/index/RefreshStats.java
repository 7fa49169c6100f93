package dev.migrationmcp.memory.index;

/**
 * What a refresh did.
 *
 * @param documents documents in the index afterwards
 * @param updated documents added or re-indexed
 * @param removed documents whose source is gone
 * @param rebuilt whether the index was rebuilt from scratch (new, corrupt or of another format)
 * @param inMemory whether the index is kept in memory (the directory is used by another process)
 * @param millis how long it took
 */
public record RefreshStats(int documents, int updated, int removed, boolean rebuilt, boolean inMemory, long millis) {}
