package dev.migrationmcp.memory.index;

import dev.migrationmcp.memory.decisions.DecisionRecord;
import dev.migrationmcp.memory.git.GitCommit;
import dev.migrationmcp.memory.history.AppliedMigration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/** Turns a migration file or a decision record, with what is known about it, into a Lucene document. */
final class Documents {
  static final char SEP = '\u001f';

  private Documents() {}

  static Document migration(String id, String fingerprint, String relativePath, FlywayFileName name, String sql,
      TouchedObjects facts, List<GitCommit> commits, AppliedMigration applied) {
    Document doc = new Document();
    common(doc, id, fingerprint, "migration", name.type(), relativePath);
    if (name.version() != null) {
      doc.add(new StringField(IndexFields.VERSION, name.version(), Field.Store.YES));
    }
    doc.add(new Field(IndexFields.DESCRIPTION, name.description(), IndexFields.TEXT_WITH_OFFSETS));
    doc.add(new Field(IndexFields.SQL, sql, IndexFields.TEXT_WITH_OFFSETS));
    String rationale = Rationale.of(sql);
    if (!rationale.isEmpty()) {
      doc.add(new Field(IndexFields.RATIONALE, rationale, IndexFields.TEXT_WITH_OFFSETS));
    }
    StringBuilder factText = new StringBuilder();
    if (name.version() != null) {
      factText.append('v').append(name.version()).append(' ');
    }
    addTables(doc, facts.tables(), factText);
    for (String c : facts.columns()) {
      doc.add(new StoredField(IndexFields.COLUMNS_SHOWN, c));
      for (String key : IndexFields.columnKeys(c)) {
        doc.add(new StringField(IndexFields.COLUMN, key, Field.Store.NO));
      }
      factText.append(c).append(' ');
    }
    for (String o : facts.operations()) {
      doc.add(new StringField(IndexFields.OPERATION, o, Field.Store.YES));
      factText.append(o).append(' ');
    }
    for (String t : facts.terms()) {
      factText.append(t).append(' ');
    }
    doc.add(new TextField(IndexFields.FACTS, factText.toString(), Field.Store.NO));

    long sortDate = 0;
    if (!commits.isEmpty()) {
      StringBuilder messages = new StringBuilder();
      for (GitCommit c : commits) {
        messages.append(c.message()).append("\n\n");
        doc.add(new StoredField(IndexFields.COMMIT_LINE,
            c.hash() + SEP + c.author() + SEP + c.date() + SEP + c.subject()));
        doc.add(new LongPoint(IndexFields.DATES, c.date().toInstant().toEpochMilli()));
      }
      doc.add(new Field(IndexFields.COMMITS, messages.toString().strip(), IndexFields.TEXT_WITH_OFFSETS));
      sortDate = commits.get(commits.size() - 1).date().toInstant().toEpochMilli();
    }
    if (applied != null) {
      if (applied.installedOn() != null) {
        long at = applied.installedOn().toInstant().toEpochMilli();
        doc.add(new StoredField(IndexFields.APPLIED_AT, applied.installedOn().toString()));
        doc.add(new LongPoint(IndexFields.DATES, at));
        sortDate = at;
      }
      if (applied.installedBy() != null) {
        doc.add(new StoredField(IndexFields.APPLIED_BY, applied.installedBy()));
      }
      doc.add(new StoredField(IndexFields.EXECUTION_MS, applied.executionTimeMs()));
      doc.add(new StoredField(IndexFields.SUCCESS, applied.success() ? "true" : "false"));
      if (applied.checksum() != null) {
        doc.add(new StoredField(IndexFields.CHECKSUM, applied.checksum()));
      }
    }
    doc.add(new NumericDocValuesField(IndexFields.SORT_DATE, sortDate));
    return doc;
  }

  static Document decision(String id, String fingerprint, String relativePath, DecisionRecord record,
      List<GitCommit> commits) {
    Document doc = new Document();
    common(doc, id, fingerprint, "decision", "decision", relativePath);
    doc.add(new StoredField(IndexFields.DECISION_ID, record.id()));
    doc.add(new Field(IndexFields.TITLE, record.title(), IndexFields.TEXT_WITH_OFFSETS));
    doc.add(new Field(IndexFields.DECISION, record.body(), IndexFields.TEXT_WITH_OFFSETS));
    if (record.status() != null) {
      doc.add(new StoredField(IndexFields.STATUS, record.status()));
    }
    StringBuilder factText = new StringBuilder();
    addTables(doc, record.tables(), factText);
    for (String m : record.migrations()) {
      doc.add(new StoredField(IndexFields.MIGRATIONS, m));
      factText.append(m).append(' ');
    }
    doc.add(new TextField(IndexFields.FACTS, factText.toString(), Field.Store.NO));
    long sortDate = 0;
    Long date = decisionDate(record.date());
    if (date != null) {
      doc.add(new StoredField(IndexFields.DATE, record.date()));
      doc.add(new LongPoint(IndexFields.DATES, date));
      sortDate = date;
    }
    if (!commits.isEmpty()) {
      StringBuilder messages = new StringBuilder();
      for (GitCommit c : commits) {
        messages.append(c.message()).append("\n\n");
        doc.add(new StoredField(IndexFields.COMMIT_LINE,
            c.hash() + SEP + c.author() + SEP + c.date() + SEP + c.subject()));
        doc.add(new LongPoint(IndexFields.DATES, c.date().toInstant().toEpochMilli()));
      }
      doc.add(new Field(IndexFields.COMMITS, messages.toString().strip(), IndexFields.TEXT_WITH_OFFSETS));
      if (sortDate == 0) {
        sortDate = commits.get(commits.size() - 1).date().toInstant().toEpochMilli();
      }
    }
    doc.add(new NumericDocValuesField(IndexFields.SORT_DATE, sortDate));
    return doc;
  }

  private static void common(Document doc, String id, String fingerprint, String kind, String type, String path) {
    doc.add(new StringField(IndexFields.ID, id, Field.Store.YES));
    doc.add(new StoredField(IndexFields.FINGERPRINT, fingerprint));
    doc.add(new StringField(IndexFields.KIND, kind, Field.Store.YES));
    doc.add(new StringField(IndexFields.TYPE, type, Field.Store.YES));
    doc.add(new StringField(IndexFields.PATH, path, Field.Store.YES));
  }

  /** A decision date (ISO date or timestamp) as epoch millis, or null when it is not a date. */
  static Long decisionDate(String date) {
    if (date == null) {
      return null;
    }
    try {
      return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(date.strip()).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** A fingerprint over everything a document is built from. */
  static String fingerprint(String format, String contentHash, List<GitCommit> commits, AppliedMigration applied) {
    StringBuilder sb = new StringBuilder(format).append('|').append(contentHash);
    for (GitCommit c : commits) {
      sb.append('|').append(c.hash());
    }
    if (applied != null) {
      sb.append('|').append(applied.installedRank()).append(applied.installedOn()).append(applied.installedBy())
          .append(applied.executionTimeMs()).append(applied.success()).append(applied.checksum());
    }
    return SourceFiles.sha256(sb.toString());
  }

  /** The tables a document is about: shown as written, filtered by every key they are known by, and in the facts text. */
  private static void addTables(Document doc, List<String> tables, StringBuilder factText) {
    for (String t : tables) {
      doc.add(new StoredField(IndexFields.TABLES_SHOWN, t));
      for (String key : IndexFields.tableKeys(t)) {
        doc.add(new StringField(IndexFields.TABLE, key, Field.Store.NO));
      }
      factText.append(t).append(' ');
    }
  }
}
