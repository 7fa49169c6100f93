package dev.migrationmcp.tools.dryrun;

import java.util.List;

/**
 * One read-only question asked of the live data before a risky statement.
 *
 * @param check {@code nulls-before-set-not-null}, {@code rows-before-add-not-null-column},
 *     {@code duplicates-before-unique}, {@code rows-violating-check}, {@code orphans-before-foreign-key}
 *     or {@code values-before-type-change}
 * @param violations rows (or duplicate groups) that would make the statement fail; -1 when unknown
 * @param sample a few offending values, when the question yields them
 * @param query the SQL that was run (READ ONLY, with a statement timeout)
 * @param verdict one sentence for people
 * @param error why the question could not be answered (timeout, permission), else null
 */
public record PreflightCheck(int statementIndex, int line, String check, String table, long violations,
    List<String> sample, String query, String verdict, String error) {

  public PreflightCheck {
    sample = List.copyOf(sample);
  }
}
