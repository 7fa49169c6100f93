package dev.migrationmcp.memory.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * The schema of the index: field names, which are prose (stemmed), their query boosts, and how
 * table and column filter keys are derived so that {@code orders}, {@code public.orders} and
 * {@code orders.user_id} all find what they should.
 */
public final class IndexFields {
  public static final String ID = "id";
  public static final String KIND = "kind";
  public static final String TYPE = "type";
  public static final String VERSION = "version";
  public static final String PATH = "path";
  public static final String FINGERPRINT = "fingerprint";

  // Full-text fields.
  public static final String DECISION = "decision";
  public static final String TITLE = "title";
  public static final String RATIONALE = "rationale";
  public static final String COMMITS = "commits";
  public static final String DESCRIPTION = "description";
  public static final String FACTS = "facts";
  public static final String SQL = "sql";

  // Exact filter fields.
  public static final String TABLE = "table";
  public static final String COLUMN = "column";
  public static final String OPERATION = "operation";
  public static final String DATES = "dates";
  public static final String SORT_DATE = "sort_date";

  // Stored only.
  public static final String TABLES_SHOWN = "tables_shown";
  public static final String COLUMNS_SHOWN = "columns_shown";
  public static final String APPLIED_AT = "applied_at";
  public static final String APPLIED_BY = "applied_by";
  public static final String EXECUTION_MS = "execution_ms";
  public static final String SUCCESS = "success";
  public static final String CHECKSUM = "checksum";
  public static final String COMMIT_LINE = "commit_line";
  public static final String STATUS = "status";
  public static final String DECISION_ID = "decision_id";
  public static final String MIGRATIONS = "migrations";
  public static final String DATE = "date";

  /** Fields analyzed as English prose (stemmed); the others are identifier-analyzed. */
  public static final List<String> PROSE = List.of(DECISION, TITLE, RATIONALE, COMMITS, DESCRIPTION);

  /**
   * Fields a query searches, with their boosts: the written reasons (decisions, comments) above
   * commit messages, above descriptions and touched objects, above raw SQL.
   */
  public static final Map<String, Float> BOOSTS = Map.of(
      DECISION, 4.0f, TITLE, 4.0f, RATIONALE, 3.0f, COMMITS, 2.0f, DESCRIPTION, 1.5f, FACTS, 1.5f, SQL, 0.5f);

  /** Full-text fields in the order a snippet is taken from. */
  public static final List<String> SNIPPET_ORDER = List.of(DECISION, RATIONALE, COMMITS, TITLE, DESCRIPTION, SQL);

  /** Stored text with offsets in the postings, so highlighting needs no re-analysis. */
  static final FieldType TEXT_WITH_OFFSETS;

  static {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    TEXT_WITH_OFFSETS = t;
  }

  private IndexFields() {}

  /** Lower-case, unquoted, no blanks: how filter values and indexed names are compared. */
  public static String normalize(String name) {
    return name == null ? "" : name.strip().replace("\"", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  /** Keys under which a table is indexed: as written, unqualified, and {@code public.}-qualified. */
  public static List<String> tableKeys(String table) {
    String t = normalize(table);
    Set<String> keys = new LinkedHashSet<>();
    keys.add(t);
    int dot = t.lastIndexOf('.');
    if (dot >= 0) {
      keys.add(t.substring(dot + 1));
    } else {
      keys.add("public." + t);
    }
    return new ArrayList<>(keys);
  }

  /** Keys under which a {@code table.column} is indexed: every table key + column, and the bare column. */
  public static List<String> columnKeys(String tableDotColumn) {
    String c = normalize(tableDotColumn);
    int dot = c.lastIndexOf('.');
    if (dot < 0) {
      return List.of(c);
    }
    Set<String> keys = new LinkedHashSet<>();
    String column = c.substring(dot + 1);
    for (String table : tableKeys(c.substring(0, dot))) {
      keys.add(table + "." + column);
    }
    keys.add(column);
    return new ArrayList<>(keys);
  }
}
