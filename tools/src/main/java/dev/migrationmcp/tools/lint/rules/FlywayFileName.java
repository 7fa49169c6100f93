package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.FlywayContext;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration file Flyway will not run as intended: a name that does not follow
 * {@code V<version>__<description>.sql} / {@code U…} / {@code R__<description>.sql} (Flyway skips
 * it silently, or fails with validateMigrationNaming), or a version another file already has
 * (Flyway refuses to migrate). Without a {@link FlywayContext}, only names that look like a
 * Flyway name gone wrong are reported.
 */
@LintRule(id = "flyway-file-name", severity = Severity.ERROR, category = Category.FLYWAY,
    summary = "a migration file name Flyway skips (not V<version>__<description>.sql) or a duplicate version")
public final class FlywayFileName implements Rule {
  private static final Pattern LOOKS_VERSIONED = Pattern.compile("(?i)([vu])(\\d+(?:[._]\\d+)*)[_\\-. ]+([^_].*)");
  private static final Pattern LOOKS_REPEATABLE = Pattern.compile("(?i)r_+([^_].*)");
  private static final Pattern EMPTY_DESCRIPTION = Pattern.compile("[VU]\\d+(?:[._]\\d+)*__\\.sql");
  private static final Pattern NO_PREFIX = Pattern.compile("(\\d+(?:[._]\\d+)*)[_\\-. ]+(.+)");

  @Override
  public void finish(ScriptContext c) {
    Optional<FlywayContext> flyway = c.flyway();
    String path = flyway.map(FlywayContext::fileName).orElse(c.file());
    if (path == null || c.script().statements().isEmpty()) {
      return;
    }
    String name = FlywayContext.baseName(path);
    if (name.isEmpty()) {
      return;
    }
    List<String> siblings = flyway.map(FlywayContext::siblingFiles).orElse(List.of()).stream()
        .map(FlywayContext::baseName).toList();
    Optional<MigrationFile> parsed = FlywayNames.parse(name);
    if (parsed.isPresent()) {
      duplicate(c, name, parsed.get(), siblings);
      return;
    }
    if (EMPTY_DESCRIPTION.matcher(name).matches()) {
      return;  // Flyway accepts V1__.sql: an empty description
    }
    String suggestion = suggest(name, flyway.isPresent());
    if (suggestion == null && flyway.isEmpty()) {
      return;
    }
    c.report(c.script().statements().get(0))
        .message("Flyway does not recognise " + name + " as a migration (" + problem(name) + "), so it skips the file "
            + "and its statements never run — or, with validateMigrationNaming=true, fails the whole migrate")
        .why("Flyway only runs files named <prefix><version>__<description>.sql: V (versioned) or U (undo) with a "
            + "version of digits separated by dots or underscores, R (repeatable) without one; prefix, the double "
            + "underscore and the .sql suffix are case- and character-exact.")
        .fix(suggestion == null ? "Rename the file to V" + FlywayNames.next(FlywayNames.highest(siblings)) + "__"
            + describe(name) + ".sql" : "Rename the file to " + suggestion)
        .emit();
  }

  private static void duplicate(ScriptContext c, String name, MigrationFile file, List<String> siblings) {
    List<String> twins = new ArrayList<>();
    int sameName = 0;
    for (String sibling : siblings) {
      if (sibling.equals(name)) {
        sameName++;
        continue;
      }
      Optional<MigrationFile> other = FlywayNames.parse(sibling);
      if (other.isEmpty() || other.get().type() != file.type()) {
        continue;
      }
      boolean same = file.type() == MigrationFile.Type.REPEATABLE
          ? other.get().description().equals(file.description())
          : other.get().version().compareTo(file.version()) == 0;
      if (same) {
        twins.add(sibling);
      }
    }
    if (sameName > 1) {
      twins.add(name + " (in another migration location)");
    }
    if (twins.isEmpty()) {
      return;
    }
    String label = file.type() == MigrationFile.Type.REPEATABLE ? "repeatable migration " + file.description()
        : "version " + file.version();
    String rename = file.type() == MigrationFile.Type.REPEATABLE ? "R__" + file.description().replace(' ', '_') + "_2.sql"
        : (file.type() == MigrationFile.Type.UNDO ? "U" : "V") + FlywayNames.next(FlywayNames.highest(siblings)) + "__"
            + file.description().replace(' ', '_') + ".sql";
    c.report(c.script().statements().get(0))
        .message(name + " has the same " + label + " as " + String.join(", ", twins) + ": Flyway refuses to migrate "
            + "(\"Found more than one migration with " + label + "\") until one of them is renamed")
        .why("Flyway identifies each versioned migration by its version (1.1 and 1_1 and 01.1 are the same version), "
            + "so two files with one version cannot both be applied; this usually happens when two branches each add "
            + "the next number.")
        .fix("Rename the file that is not applied yet to " + rename)
        .emit();
  }

  /**
   * A corrected name when the mistake is recognisable, else null.
   *
   * @param flywayProject whether the file is known to be in a Flyway migration location: only then
   *     is a name without a prefix ({@code 001_init.sql}) taken for a Flyway name
   */
  static String suggest(String name, boolean flywayProject) {
    String base = name.replaceFirst("(?i)\\.sql$", "");
    boolean sqlSuffix = !base.equals(name);
    Matcher v = LOOKS_VERSIONED.matcher(base);
    if (v.matches()) {
      return v.group(1).toUpperCase(Locale.ROOT) + v.group(2) + "__" + v.group(3) + ".sql";
    }
    Matcher r = LOOKS_REPEATABLE.matcher(base);
    if (r.matches()) {
      return "R__" + r.group(1) + ".sql";
    }
    if (sqlSuffix && name.contains("__")) {
      return null;
    }
    Matcher n = NO_PREFIX.matcher(base);
    if (sqlSuffix && flywayProject && n.matches()) {
      return "V" + n.group(1) + "__" + n.group(2) + ".sql";
    }
    return null;
  }

  private static String problem(String name) {
    if (!name.endsWith(".sql")) {
      return name.toLowerCase(Locale.ROOT).endsWith(".sql") ? "the suffix must be .sql in lower case"
          : "it does not end in .sql";
    }
    char first = name.charAt(0);
    if (first == 'v' || first == 'u' || first == 'r') {
      return "the prefix " + first + " must be upper case";
    }
    if (first != 'V' && first != 'U' && first != 'R') {
      return "it does not start with V, U or R";
    }
    String rest = name.substring(1, name.length() - 4);
    int separator = rest.indexOf("__");
    if (first == 'R') {
      return separator != 0 ? "a repeatable migration is R__<description>.sql, without a version" : "unreadable name";
    }
    if (separator < 0) {
      return "the version and the description must be separated by two underscores";
    }
    return "\"" + rest.substring(0, separator) + "\" is not a version (digits separated by dots or underscores)";
  }

  private static String describe(String name) {
    String base = name.replaceFirst("(?i)\\.sql$", "");
    int separator = base.indexOf("__");
    String d = (separator >= 0 ? base.substring(separator + 2) : base).replaceAll("[^A-Za-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    return d.isEmpty() ? "description" : d;
  }
}
