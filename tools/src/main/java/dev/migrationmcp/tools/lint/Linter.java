package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.flyway.FlywayScripts;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.read.ReadScript;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the rules over a script: statement by statement with the script's state, then the
 * script-level checks; applies suppressions, configured severities and live-size relaxation or
 * escalation; returns the findings in source order.
 */
public final class Linter {
  private final List<Rule> rules;
  private final Map<String, Rule> byId;

  public Linter(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.byId = rules.stream().collect(Collectors.toMap(Rule::id, r -> r));
  }

  /** The built-in rules. */
  public static Linter standard() {
    return new Linter(RuleRegistry.all());
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * Lints one script.
   *
   * @param live the database's schema and statistics, or null
   * @param file the file's name for Flyway rules and reports, or null for inline SQL
   */
  public LintReport lint(ReadScript script, LintSettings settings, LiveSchema live, FunctionVolatility volatility,
      String file) {
    return lint(script, settings, live, volatility, file, null);
  }

  /**
   * Lints one script of a Flyway project: as {@link #lint(ReadScript, LintSettings, LiveSchema,
   * FunctionVolatility, String)}, with what the Flyway rules need to know about the file.
   *
   * @param fileName the file's name for reports, or null to use {@code flyway}'s
   * @param flyway the file's name, its siblings and the applied checksums, or null
   */
  public LintReport lint(ReadScript script, LintSettings settings, LiveSchema live, FunctionVolatility volatility,
      String fileName, FlywayContext flyway) {
    String file = fileName == null && flyway != null ? flyway.fileName() : fileName;
    settings.disabled().forEach(id -> requireKnown(id, "disabled in the configuration"));
    settings.enabled().forEach(id -> requireKnown(id, "enabled in the configuration"));
    settings.severities().keySet().forEach(id -> requireKnown(id, "given a severity in the configuration"));
    List<Rule> active = rules.stream()
        .filter(r -> !settings.disabled().contains(r.id()))
        .filter(r -> !r.metadata().optIn() || settings.enabled().contains(r.id()))
        .toList();
    List<Finding> raw = new ArrayList<>();
    ScriptState state = new ScriptState();
    boolean scriptNonTransactional = scriptNonTransactional(script, settings, flyway);
    for (ReadStatement statement : script.statements()) {
      RuleContext context = new RuleContext(statement, state, settings, live, volatility, scriptNonTransactional, raw::add);
      for (Rule rule : active) {
        context.use(rule);
        rule.check(context);
      }
      StateTracker.advance(state, statement, settings, context.inTransaction(), volatility);
    }
    ScriptContext end = new ScriptContext(script, state, settings, live, file, flyway,
        settings.flywayTransaction() && !scriptNonTransactional, raw::add);
    for (Rule rule : active) {
      end.use(rule);
      rule.finish(end);
    }
    List<Finding> findings = applySuppressions(script, raw);
    findings = findings.stream().map(f -> adjust(f, settings, live)).map(f -> file == null ? f : f.withFile(file))
        .sorted(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::rule))
        .toList();
    List<LintReport.Unparsed> unparsed = script.statements().stream()
        .filter(s -> s.coverage() == Statement.Coverage.UNPARSED)
        .map(s -> new LintReport.Unparsed(s.index(), s.line(), s.kind(),
            ((dev.migrationmcp.tools.sql.model.Unparsed) s.statement()).reason(), file))
        .toList();
    List<String> notes = script.notes().stream().map(n -> (file == null ? "" : file + ": ") + n).toList();
    return new LintReport(findings, script.statements().size(), unparsed, notes, settings.pgVersion(),
        live == null ? null : live.source());
  }

  /**
   * Whether Flyway runs this script outside a transaction: its script configuration says so
   * ({@code executeInTransaction}), or Flyway is configured not to use transactions, or one of
   * its statements is one Flyway knows cannot run in a transaction (Flyway then runs a script of
   * such statements without one, and refuses a script that mixes them with others).
   */
  private static boolean scriptNonTransactional(ReadScript script, LintSettings settings, FlywayContext flyway) {
    List<String> header = script.statements().isEmpty() ? List.of()
        : script.statements().get(0).source().leadingCommentLines();
    Optional<Boolean> configured = FlywayScripts.executeInTransaction(header,
        flyway == null ? Map.of() : flyway.scriptConfig());
    if (configured.isPresent()) {
      return !configured.get();
    }
    return !settings.flywayTransaction() || script.statements().stream()
        .anyMatch(s -> FlywayScripts.detectedNonTransactional(s.source().text(), settings.pgVersion()));
  }

  private void requireKnown(String id, String where) {
    if (!byId.containsKey(id)) {
      throw new IllegalArgumentException("unknown rule id '" + id + "' " + where + "; known rules: see docs/rules/");
    }
  }

  private List<Finding> applySuppressions(ReadScript script, List<Finding> raw) {
    List<Finding> kept = new ArrayList<>(raw);
    for (Suppressions.Suppression s : Suppressions.of(script.statements())) {
      if (!byId.containsKey(s.rule())) {
        kept.add(new Finding("invalid-suppression", Severity.ERROR, "unknown rule id '" + s.rule()
            + "' in a migration-mcp:ignore comment", null, "Use one of the ids listed in docs/rules/.", s.statementIndex(),
            s.statement().line(), s.statement().column(), null, null, null, null, null));
        continue;
      }
      Set<Finding> silenced = new HashSet<>();
      for (Finding f : kept) {
        if (f.rule().equals(s.rule()) && f.statementIndex() == s.statementIndex()) {
          silenced.add(f);
        }
      }
      if (silenced.isEmpty()) {
        kept.add(new Finding("unused-suppression", Severity.INFO, "the migration-mcp:ignore " + s.rule()
            + " comment silences nothing on this statement", null, "Remove the comment.", s.statementIndex(),
            s.statement().line(), s.statement().column(), null, null, null, null, null));
      }
      kept.removeAll(silenced);
    }
    return kept;
  }

  /** Configured severity, then live table size: small tables relax, large tables escalate. */
  private Finding adjust(Finding f, LintSettings settings, LiveSchema live) {
    Finding out = f;
    Severity configured = settings.severities().get(f.rule());
    if (configured != null) {
      out = out.withSeverity(configured, null, out.evidence(), out.message());
    }
    Rule rule = byId.get(f.rule());
    if (rule == null || rule.metadata().category() != Category.LOCKING || live == null || !live.measured()
        || f.table() == null) {
      return out;
    }
    Optional<TableInfo> table = live.table(f.table());
    if (table.isEmpty()) {
      return out;
    }
    TableInfo t = table.get();
    Thresholds th = settings.thresholds();
    String evidence = LiveSchema.evidence(t);
    if (th.isLarge(t.rowsEstimate(), t.totalBytes())) {
      return out.withSeverity(Severity.ERROR, "large-table", evidence,
          out.message() + " — " + t.qualifiedName() + " is large (" + evidence.substring(evidence.indexOf(':') + 2)
              + "), so this is an error");
    }
    if (th.isSmall(t.rowsEstimate(), t.totalBytes()) && configured == null) {
      return out.withSeverity(Severity.INFO, "small-table", evidence,
          out.message() + " — relaxed to info: " + t.qualifiedName() + " is small ("
              + evidence.substring(evidence.indexOf(':') + 2) + ")");
    }
    return out;
  }
}
