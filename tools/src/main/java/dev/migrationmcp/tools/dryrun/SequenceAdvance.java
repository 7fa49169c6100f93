package dev.migrationmcp.tools.dryrun;

/**
 * A sequence the live dry run advanced (nextval, an insert into a serial or identity column).
 * Sequences are not transactional: the rollback leaves them where the run took them.
 *
 * @param sequence {@code schema.name}
 * @param from its last value before the run, or null when it had never been used
 * @param to the last value the run's own session took from it
 */
public record SequenceAdvance(String sequence, Long from, long to) {}
