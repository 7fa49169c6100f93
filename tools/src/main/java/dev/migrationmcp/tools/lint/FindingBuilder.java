package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.sql.ScriptStatement;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.function.Consumer;

/** Builds one finding for a rule on a statement; {@link #emit()} hands it to the engine. */
public final class FindingBuilder {
  private final Rule rule;
  private final ReadStatement statement;
  private final Consumer<Finding> sink;
  private final LiveSchema live;
  private String message;
  private String why;
  private String fix;
  private String table;
  private String fragment;
  private LockMode lock;
  private Severity severity;

  FindingBuilder(Rule rule, ReadStatement statement, LiveSchema live, Consumer<Finding> sink) {
    this.rule = rule;
    this.statement = statement;
    this.live = live;
    this.sink = sink;
    this.lock = rule.metadata().lock();
    this.severity = rule.metadata().severity();
  }

  /** The consequence, naming the lock or rewrite. */
  public FindingBuilder message(String text) {
    this.message = text;
    return this;
  }

  /** The mechanism behind it. */
  public FindingBuilder why(String text) {
    this.why = text;
    return this;
  }

  /** Concrete SQL for this statement, or one imperative sentence. */
  public FindingBuilder fix(String text) {
    this.fix = text;
    return this;
  }

  public FindingBuilder table(QualifiedName name) {
    this.table = StatementEffects.name(name);
    return this;
  }

  public FindingBuilder table(String qualified) {
    this.table = qualified;
    return this;
  }

  /** Points the finding at this part of the statement's text (first occurrence). */
  public FindingBuilder at(String textFragment) {
    this.fragment = textFragment;
    return this;
  }

  public FindingBuilder lock(LockMode mode) {
    this.lock = mode;
    return this;
  }

  public FindingBuilder severity(Severity s) {
    this.severity = s;
    return this;
  }

  public void emit() {
    if (message == null) {
      throw new IllegalStateException(rule.id() + " emitted a finding without a message");
    }
    int[] pos = position(statement, fragment);
    String evidence = null;
    if (table != null && live != null) {
      evidence = live.table(table).map(LiveSchema::evidence).orElse(null);
    }
    sink.accept(new Finding(rule.id(), severity, message, why, fix, statement.index(), pos[0], pos[1], table,
        evidence, lock == null || lock == LockMode.NONE ? null : lock.pgName(), null, null));
  }

  /**
   * Line and column of the first occurrence of {@code fragment} (case-insensitive) in the
   * statement, counted from the statement's own position; the statement start when absent.
   */
  static int[] position(ReadStatement statement, String fragment) {
    ScriptStatement source = statement.source();
    String text = source.text();
    int at = fragment == null || fragment.isEmpty() ? -1
        : text.toLowerCase(java.util.Locale.ROOT).indexOf(fragment.toLowerCase(java.util.Locale.ROOT));
    if (at <= 0) {
      return new int[] {source.line(), source.column()};
    }
    int line = source.line();
    int lineStart = -1;
    for (int i = 0; i < at; i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i;
      }
    }
    int column = lineStart < 0 ? source.column() + text.codePointCount(0, at) : text.codePointCount(lineStart + 1, at) + 1;
    return new int[] {line, column};
  }
}
