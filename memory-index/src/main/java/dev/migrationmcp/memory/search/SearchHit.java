package dev.migrationmcp.memory.search;

import java.util.List;

/**
 * One ranked answer: a migration file or a decision record. Absent facts are null or empty (and
 * left out on the wire).
 *
 * @param type versioned, undo, repeatable or decision
 * @param version the Flyway version (migrations)
 * @param id the decision number (decisions)
 * @param description the Flyway description, or the decision title
 * @param path relative to the project
 * @param status the decision status (decisions)
 * @param appliedAt when Flyway applied it on the connected database (ISO-8601)
 * @param appliedBy who applied it
 * @param executionTimeMs how long it took there
 * @param success whether it succeeded there
 * @param commit the commit that added the file
 * @param author that commit's author
 * @param date that commit's date, or the decision's date
 * @param score BM25 relevance (0 when only filters were given)
 * @param snippet the best matching passage, matches in {@code **bold**}
 * @param tables tables touched (or concerned, for decisions)
 * @param columns columns touched, as table.column
 * @param operations operations performed
 * @param migrations related migrations (decisions)
 * @param rationale the comments of the migration, or the text of the decision (shortened)
 * @param commits every commit that touched the file, newest first (at most 5)
 */
public record SearchHit(
    String type,
    String version,
    String id,
    String description,
    String path,
    String status,
    String appliedAt,
    String appliedBy,
    Integer executionTimeMs,
    Boolean success,
    String commit,
    String author,
    String date,
    float score,
    String snippet,
    List<String> tables,
    List<String> columns,
    List<String> operations,
    List<String> migrations,
    String rationale,
    List<CommitSummary> commits) {}
