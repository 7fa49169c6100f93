package dev.migrationmcp.memory.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A self-contained {@link FactExtractor} built from regular expressions over each statement
 * (comments removed, literals emptied, lower-cased): CREATE/ALTER/DROP TABLE, INDEX, TYPE and
 * VIEW, column actions, constraints and foreign keys, and data changes (UPDATE and INSERT are
 * {@code backfill}, DELETE and TRUNCATE {@code delete_rows}). It also notes effects worth
 * searching for, such as {@code rewrite} for a column type change, a volatile default, a
 * whole-table UPDATE, VACUUM FULL or CLUSTER. It stands in for the project's statement model
 * ({@code tools.sql}) and will be replaced by an adapter over it; it never throws.
 */
public final class MigrationFacts implements FactExtractor {
  private static final String ID = "(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*)";
  private static final String QNAME = ID + "(?:\\s*\\.\\s*" + ID + ")?";

  private static final Pattern CREATE_TABLE = Pattern.compile(
      "^create (?:(?:global|local) )?(?:temporary |temp |unlogged )?table (?:if not exists )?(" + QNAME + ")\\s*(.*)$");
  private static final Pattern DROP_TABLE = Pattern.compile("^drop table (?:if exists )?(.+?)(?: cascade| restrict)?$");
  private static final Pattern ALTER_TABLE = Pattern.compile(
      "^alter table (?:if exists )?(?:only )?(" + QNAME + ")\\s*\\*?\\s*(.*)$");
  private static final Pattern RENAME_TABLE = Pattern.compile("^rename to (" + QNAME + ")");
  private static final Pattern RENAME_COLUMN = Pattern.compile("^rename (?:column )?(" + ID + ") to (" + ID + ")");
  private static final Pattern ADD_CONSTRAINT = Pattern.compile(
      "^add (?:constraint (" + ID + ") )?(foreign key|primary key|unique|check|exclude)\\b(.*)$");
  private static final Pattern ADD_COLUMN = Pattern.compile("^add (?:column )?(?:if not exists )?(" + ID + ")(.*)$");
  private static final Pattern DROP_CONSTRAINT = Pattern.compile("^drop constraint (?:if exists )?(" + ID + ")");
  private static final Pattern DROP_COLUMN = Pattern.compile("^drop (?:column )?(?:if exists )?(" + ID + ")");
  private static final Pattern ALTER_COLUMN = Pattern.compile("^alter (?:column )?(" + ID + ") (.*)$");
  private static final Pattern REFERENCES = Pattern.compile("\\breferences (" + QNAME + ")\\s*(?:\\(([^)]*)\\))?");
  private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
      "default (?:now|random|gen_random_uuid|uuid_generate_v4|clock_timestamp|timeofday|nextval)\\s*\\(|generated always as .* stored|\\b(?:big|small)?serial\\b");
  private static final Pattern CREATE_INDEX = Pattern.compile(
      "^create (unique )?index (concurrently )?(?:if not exists )?(?:(" + QNAME + ") )?on (?:only )?(" + QNAME + ")(?: using [a-z_]+)?\\s*\\((.*)$");
  private static final Pattern DROP_INDEX = Pattern.compile("^drop index (?:concurrently )?(?:if exists )?(.+?)(?: cascade| restrict)?$");
  private static final Pattern CREATE_TYPE = Pattern.compile("^create type (" + QNAME + ") as (enum|range|\\()?");
  private static final Pattern ALTER_TYPE = Pattern.compile("^alter type (" + QNAME + ") (.*)$");
  private static final Pattern DROP_TYPE = Pattern.compile("^drop type (?:if exists )?(.+?)(?: cascade| restrict)?$");
  private static final Pattern CREATE_VIEW = Pattern.compile(
      "^create (?:or replace )?(?:(?:temp|temporary|recursive|materialized) )*view (?:if not exists )?(" + QNAME + ")(.*)$");
  private static final Pattern UPDATE = Pattern.compile("^update (?:only )?(" + QNAME + ")(?: (?:as )?" + ID + ")? set (.*)$");
  private static final Pattern DELETE = Pattern.compile("^delete from (?:only )?(" + QNAME + ")(.*)$");
  private static final Pattern INSERT = Pattern.compile("^insert into (" + QNAME + ")(?: as " + ID + ")?\\s*(?:\\(([^)]*)\\))?(.*)$");
  private static final Pattern TRUNCATE = Pattern.compile("^truncate (?:table )?(?:only )?(.+?)(?: restart identity| continue identity)?(?: cascade| restrict)?$");
  private static final Pattern VACUUM_FULL = Pattern.compile(
      "^vacuum \\((?=[^)]*\\bfull\\b)[^)]*\\) ?(" + QNAME + ")?|^vacuum full (?:analyze |verbose |freeze )*(" + QNAME + ")?");
  private static final Pattern CLUSTER = Pattern.compile("^cluster (?:verbose )?(" + QNAME + ")?");
  private static final Pattern FROM_JOIN = Pattern.compile("\\b(?:from|join) (?:only )?(" + QNAME + ")");
  private static final Pattern ASSIGNMENT = Pattern.compile("(?:^|,)\\s*(" + ID + ")\\s*=");
  private static final Set<String> NOT_COLUMNS = Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");
  private static final Set<String> NOT_TABLES = Set.of("select", "lateral", "unnest", "generate_series", "values");

  /** Accumulates facts in order of first appearance. */
  private static final class Facts {
    final Set<String> tables = new LinkedHashSet<>();
    final Set<String> columns = new LinkedHashSet<>();
    final Set<String> operations = new LinkedHashSet<>();
    final Set<String> terms = new LinkedHashSet<>();

    void op(Operation o) {
      operations.add(o.wireName());
    }

    void table(String name) {
      String n = name(name);
      if (!n.isEmpty() && !NOT_TABLES.contains(n)) {
        tables.add(n);
      }
    }

    void column(String table, String column) {
      String c = name(column);
      if (!c.isEmpty() && !NOT_COLUMNS.contains(c)) {
        columns.add(name(table) + "." + c);
      }
    }

    void term(String t) {
      if (t != null && !t.isBlank()) {
        terms.add(name(t));
      }
    }
  }

  @Override
  public TouchedObjects extract(String sql) {
    if (sql == null || sql.isBlank()) {
      return TouchedObjects.NONE;
    }
    Facts f = new Facts();
    for (String statement : SqlText.statements(sql)) {
      try {
        read(statement, f);
      } catch (RuntimeException e) {
        // A statement these expressions cannot read contributes nothing; the rest still counts.
      }
    }
    return new TouchedObjects(new ArrayList<>(f.tables), new ArrayList<>(f.columns), new ArrayList<>(f.operations),
        new ArrayList<>(f.terms));
  }

  private static void read(String s, Facts f) {
    Matcher m;
    if ((m = CREATE_TABLE.matcher(s)).find()) {
      String table = m.group(1);
      f.op(Operation.CREATE_TABLE);
      f.table(table);
      String rest = m.group(2);
      if (rest.startsWith("(")) {
        for (String element : splitTopLevel(insideParens(rest))) {
          tableElement(table, element.strip(), f);
        }
      }
      fromTables(rest, f);
    } else if ((m = DROP_TABLE.matcher(s)).find()) {
      f.op(Operation.DROP_TABLE);
      for (String t : m.group(1).split(",")) {
        f.table(t);
      }
    } else if ((m = ALTER_TABLE.matcher(s)).find()) {
      alterTable(m.group(1), m.group(2), f);
    } else if ((m = CREATE_INDEX.matcher(s)).find()) {
      f.op(Operation.CREATE_INDEX);
      String table = m.group(4);
      f.table(table);
      f.term(m.group(3));
      if (m.group(1) != null) {
        f.term("unique");
      }
      if (m.group(2) != null) {
        f.term("concurrently");
      }
      for (String key : splitTopLevel(insideParens("(" + m.group(5)))) {
        String k = key.strip();
        if (k.matches(ID + "(?: (?:asc|desc|nulls first|nulls last|[a-z_]+_ops))*")) {
          f.column(table, k.split(" ")[0]);
        }
      }
    } else if ((m = DROP_INDEX.matcher(s)).find()) {
      f.op(Operation.DROP_INDEX);
      for (String i : m.group(1).split(",")) {
        f.term(i);
      }
    } else if ((m = CREATE_TYPE.matcher(s)).find()) {
      f.op(Operation.CREATE_TYPE);
      f.term(m.group(1));
      if ("enum".equals(m.group(2))) {
        f.term("enum");
      }
    } else if ((m = ALTER_TYPE.matcher(s)).find()) {
      f.term(m.group(1));
      if (m.group(2).startsWith("add value")) {
        f.op(Operation.ADD_ENUM_VALUE);
        f.term("enum");
      } else {
        f.op(Operation.ALTER_TYPE);
      }
    } else if ((m = DROP_TYPE.matcher(s)).find()) {
      f.op(Operation.ALTER_TYPE);
      f.term("drop");
      for (String t : m.group(1).split(",")) {
        f.term(t);
      }
    } else if ((m = CREATE_VIEW.matcher(s)).find()) {
      f.op(Operation.CREATE_VIEW);
      f.table(m.group(1));
      fromTables(m.group(2), f);
    } else if ((m = UPDATE.matcher(s)).find()) {
      f.op(Operation.BACKFILL);
      String table = m.group(1);
      f.table(table);
      String rest = m.group(2);
      int cut = indexOfTopLevel(rest, " where ", " from ", " returning ");
      String assignments = cut < 0 ? rest : rest.substring(0, cut);
      Matcher a = ASSIGNMENT.matcher(String.join(",", splitTopLevel(assignments)));
      while (a.find()) {
        f.column(table, a.group(1));
      }
      if (!rest.contains(" where ")) {
        f.term("rewrite");
      }
    } else if ((m = DELETE.matcher(s)).find()) {
      f.op(Operation.DELETE_ROWS);
      f.table(m.group(1));
    } else if ((m = INSERT.matcher(s)).find()) {
      f.op(Operation.BACKFILL);
      f.table(m.group(1));
      if (m.group(2) != null) {
        for (String c : m.group(2).split(",")) {
          f.column(m.group(1), c.strip());
        }
      }
      fromTables(m.group(3), f);
    } else if ((m = TRUNCATE.matcher(s)).find()) {
      f.op(Operation.DELETE_ROWS);
      f.term("truncate");
      for (String t : m.group(1).split(",")) {
        f.table(t);
      }
    } else if ((m = VACUUM_FULL.matcher(s)).find()) {
      f.term("rewrite");
      f.term("vacuum full");
      String t = m.group(1) != null ? m.group(1) : m.group(2);
      if (t != null) {
        f.table(t);
      }
    } else if ((m = CLUSTER.matcher(s)).find()) {
      f.term("rewrite");
      f.term("cluster");
      if (m.group(1) != null) {
        f.table(m.group(1));
      }
    }
  }

  private static void tableElement(String table, String element, Facts f) {
    String first = element.split("[\\s(]", 2)[0];
    boolean constraint = NOT_COLUMNS.contains(name(first));
    if (constraint) {
      if (element.contains("foreign key") || element.contains("references")) {
        f.op(Operation.ADD_FOREIGN_KEY);
      }
    } else {
      f.column(table, first);
    }
    Matcher r = REFERENCES.matcher(element);
    while (r.find()) {
      f.op(Operation.ADD_FOREIGN_KEY);
      f.table(r.group(1));
    }
  }

  private static void alterTable(String table, String actions, Facts f) {
    f.table(table);
    Matcher m;
    if ((m = RENAME_TABLE.matcher(actions)).find()) {
      f.op(Operation.RENAME_TABLE);
      f.table(m.group(1));
      return;
    }
    if (actions.startsWith("rename constraint")) {
      f.op(Operation.DROP_CONSTRAINT);
      f.op(Operation.ADD_CONSTRAINT);
      return;
    }
    if ((m = RENAME_COLUMN.matcher(actions)).find()) {
      f.op(Operation.RENAME_COLUMN);
      f.column(table, m.group(1));
      f.column(table, m.group(2));
      return;
    }
    for (String raw : splitTopLevel(actions)) {
      String a = raw.strip();
      if ((m = ADD_CONSTRAINT.matcher(a)).find()) {
        f.term(m.group(1));
        String rest = m.group(3);
        List<String> keyColumns = splitTopLevel(insideParens(rest.strip()));
        if (m.group(2).equals("foreign key")) {
          f.op(Operation.ADD_FOREIGN_KEY);
          Matcher r = REFERENCES.matcher(rest);
          if (r.find()) {
            f.table(r.group(1));
          }
        } else {
          f.op(Operation.ADD_CONSTRAINT);
          f.term(m.group(2));
        }
        if (!m.group(2).equals("check") && !m.group(2).equals("exclude")) {
          for (String c : keyColumns) {
            if (c.strip().matches(ID)) {
              f.column(table, c.strip());
            }
          }
        }
        if (rest.contains("not valid")) {
          f.term("not valid");
        }
      } else if ((m = ADD_COLUMN.matcher(a)).find() && !NOT_COLUMNS.contains(name(m.group(1)))) {
        f.op(Operation.ADD_COLUMN);
        f.column(table, m.group(1));
        String rest = m.group(2);
        Matcher r = REFERENCES.matcher(rest);
        if (r.find()) {
          f.op(Operation.ADD_FOREIGN_KEY);
          f.table(r.group(1));
        }
        if (VOLATILE_DEFAULT.matcher(rest).find()) {
          f.term("rewrite");
        }
        if (rest.contains("not null")) {
          f.term("not null");
        }
      } else if ((m = DROP_CONSTRAINT.matcher(a)).find()) {
        f.op(Operation.DROP_CONSTRAINT);
        f.term(m.group(1));
      } else if ((m = DROP_COLUMN.matcher(a)).find()) {
        f.op(Operation.DROP_COLUMN);
        f.column(table, m.group(1));
      } else if ((m = ALTER_COLUMN.matcher(a)).find()) {
        String column = m.group(1);
        String what = m.group(2);
        f.column(table, column);
        if (what.startsWith("type ") || what.startsWith("set data type ")) {
          f.op(Operation.ALTER_COLUMN_TYPE);
          f.term("rewrite");
        } else if (what.startsWith("set not null")) {
          f.op(Operation.SET_NOT_NULL);
        } else if (what.startsWith("drop not null")) {
          f.op(Operation.DROP_NOT_NULL);
        } else if (what.startsWith("set default") || what.startsWith("drop default")) {
          f.op(Operation.SET_DEFAULT);
        }
      } else if (a.startsWith("validate constraint ")) {
        f.term("validate");
        f.term(a.substring("validate constraint ".length()).strip());
      } else if (a.startsWith("set logged") || a.startsWith("set unlogged")) {
        f.term("rewrite");
      } else if (a.startsWith("attach partition ") || a.startsWith("detach partition ")) {
        f.term("partition");
        Matcher p = Pattern.compile("partition (" + QNAME + ")").matcher(a);
        if (p.find()) {
          f.table(p.group(1));
        }
      }
    }
  }

  private static void fromTables(String text, Facts f) {
    Matcher m = FROM_JOIN.matcher(text);
    while (m.find()) {
      f.table(m.group(1));
    }
  }

  /** Text inside the first balanced parentheses of {@code s} (which starts at or before a '('). */
  static String insideParens(String s) {
    int open = s.indexOf('(');
    if (open < 0) {
      return "";
    }
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return s.substring(open + 1, i);
        }
      }
    }
    return s.substring(open + 1);
  }

  /** Splits on commas outside parentheses. */
  static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    parts.removeIf(String::isBlank);
    return parts;
  }

  private static int indexOfTopLevel(String s, String... needles) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0) {
        for (String n : needles) {
          if (s.startsWith(n, i)) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  /** Lower-case, unquoted, no spaces around the dot. */
  static String name(String raw) {
    return raw.strip().replace("\"", "").replaceAll("\\s*\\.\\s*", ".").toLowerCase(java.util.Locale.ROOT);
  }
}
