package dev.migrationmcp.memory.index;

import dev.migrationmcp.memory.analysis.MemoryAnalyzers;
import dev.migrationmcp.memory.decisions.DecisionRecord;
import dev.migrationmcp.memory.decisions.DecisionRecords;
import dev.migrationmcp.memory.decisions.DecisionWriter;
import dev.migrationmcp.memory.decisions.NewDecision;
import dev.migrationmcp.memory.decisions.RecordedDecision;
import dev.migrationmcp.memory.git.FileCommits;
import dev.migrationmcp.memory.git.GitCommit;
import dev.migrationmcp.memory.git.GitHistory;
import dev.migrationmcp.memory.history.AppliedMigration;
import dev.migrationmcp.memory.search.MemorySearcher;
import dev.migrationmcp.memory.search.SearchRequest;
import dev.migrationmcp.memory.search.SearchResult;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory of past migrations and decisions: a Lucene index of every Flyway migration file
 * (with its git commits and, when a database is connected, its {@code flyway_schema_history}
 * row) and every decision record.
 *
 * <p>The index is derived data. It is built on first use and refreshed incrementally before each
 * search: each document carries a fingerprint of its sources (file content hash, commits, applied
 * row), and only documents whose fingerprint changed are re-indexed. An index that is corrupt or
 * of another format is rebuilt from the sources; a {@code write.lock} left by a killed process is
 * ignored (Lucene's native lock dies with its process); an index held by another live process is
 * replaced by one kept in memory for this process. None of these is ever an error to the caller.
 * Searches run on the last committed view while a refresh or rebuild runs in another thread.
 *
 * <p>Thread-safe.
 */
public final class MigrationIndex implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MigrationIndex.class);
  /** Bumped whenever documents or analysis change: an index of another format is rebuilt. */
  static final String FORMAT = "migration-mcp-memory-1";
  static final String FORMAT_KEY = "migration_mcp_format";
  private static final Pattern LUCENE_FILE = Pattern.compile("(segments.*|_.*|write\\.lock|pending_segments.*|extra\\d+)");
  private static final Duration GIT_TIMEOUT = Duration.ofSeconds(30);
  /** Waits for git while the refreshing thread scans and parses (one at a time: refreshes hold the lock). */
  private static final java.util.concurrent.Executor GIT_READER = r -> {
    Thread t = new Thread(r, "memory-index-git");
    t.setDaemon(true);
    t.start();
  };
  /** Even when the watcher saw nothing, a search re-checks every source at least this often. */
  static final long FULL_CHECK_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();
  /** After a failed history read, the next one waits this many times {@code historyMaxAge} longer. */
  private static final long HISTORY_BACKOFF_FACTOR = 9;

  private final MemorySettings settings;
  private final Analyzer analyzer = MemoryAnalyzers.perField(IndexFields.PROSE);
  private final ReentrantLock lock = new ReentrantLock();
  private final SourceFiles sources;
  private final Fingerprints fingerprints = new Fingerprints(FORMAT);
  private final DecisionWriter decisionWriter;
  /** Document id → fingerprint of what is in the index; written by the build threads too. */
  private final Map<String, String> indexed = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Optional<FlywayFileName>> flywayNames = new java.util.concurrent.ConcurrentHashMap<>();

  private Directory directory;
  private IndexWriter writer;
  private volatile SearcherManager searchers;
  private volatile boolean inMemory;
  /** Whether the searchable view holds a complete index (an existing one, or a finished build). */
  private volatile boolean ready;
  private boolean rebuiltOnOpen;

  private Optional<GitHistory> git;
  private FileCommits gitCommits = FileCommits.NONE;
  private Map<String, List<GitCommit>> commits = Map.of();
  private Map<String, AppliedMigration> appliedByVersion = Map.of();
  private Map<String, AppliedMigration> appliedByScript = Map.of();
  private long historyReadAt = Long.MIN_VALUE;
  private SourceWatcher watcher;
  private List<Boolean> watchedRootsExist = List.of();
  private long lastFullCheck;
  private boolean uncommitted;
  private long lastCommit = System.nanoTime();

  private MigrationIndex(MemorySettings settings) {
    this.settings = settings;
    this.sources = new SourceFiles(settings.projectDir());
    this.decisionWriter = new DecisionWriter(settings.decisionsDir(), settings.projectDir(), settings.clock());
  }

  /** Prepares an index; nothing is read or built until the first {@link #refresh} or {@link #search}. */
  public static MigrationIndex open(MemorySettings settings) {
    return new MigrationIndex(settings);
  }

  public MemorySettings settings() {
    return settings;
  }

  /** Brings the index up to date with the sources; re-indexes only what changed. */
  public RefreshStats refresh() {
    lock.lock();
    try {
      return refreshLocked(false);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Re-indexes every source. Searches meanwhile see the previous contents until the new ones are
   * committed.
   */
  public RefreshStats rebuild() {
    lock.lock();
    try {
      return refreshLocked(true);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Refreshes (unless another thread is doing so and an index is already searchable), then searches.
   *
   * @throws IllegalArgumentException for a request the caller can fix
   */
  public SearchResult search(SearchRequest request) {
    if (lock.tryLock()) {
      try {
        SourceWatcher.Changes changes = pendingChanges();
        if (changes.everything()) {
          refreshLocked(false);
        } else if (!changes.none()) {
          refreshFiles(changes.files());
        }
      } finally {
        lock.unlock();
      }
    } else if (!ready) {
      // The first build is running in another thread: wait for it rather than answer from nothing.
      refresh();
    }
    try {
      return searchOnce(request);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e;
      }
      LOG.warn("searching the memory index failed ({}); rebuilding it", e.toString());
      lock.lock();
      try {
        reopen(true);
        refreshLocked(false);
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      } finally {
        lock.unlock();
      }
      try {
        return searchOnce(request);
      } catch (IOException io) {
        throw new UncheckedIOException("the memory index cannot be searched: " + io.getMessage(), io);
      }
    }
  }

  private SearchResult searchOnce(SearchRequest request) throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      return MemorySearcher.search(searcher, analyzer, request);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Writes a decision record (number and slug derived from the title) and indexes it at once.
   *
   * @throws IllegalArgumentException for invalid input, naming the field
   */
  public RecordedDecision recordDecision(NewDecision decision) {
    RecordedDecision recorded = decisionWriter.write(decision);
    refresh();
    return recorded;
  }

  /** Whether the on-disk index was unusable (held by another process) and this one lives in memory. */
  public boolean inMemory() {
    return inMemory;
  }

  /**
   * What a search must look at first: everything when nothing is open yet, the watcher cannot
   * tell, the database history is due or the last full check is old; else the files the watcher
   * saw change (often none).
   */
  private SourceWatcher.Changes pendingChanges() {
    if (writer == null || watcher == null) {
      return SourceWatcher.Changes.ALL;
    }
    SourceWatcher.Changes changes = watcher.changes();
    long now = System.nanoTime();
    if (settings.history() != null && now - historyReadAt >= settings.historyMaxAge().toNanos()) {
      return SourceWatcher.Changes.ALL;
    }
    return now - lastFullCheck >= FULL_CHECK_INTERVAL_NANOS ? SourceWatcher.Changes.ALL : changes;
  }

  /**
   * Re-indexes just these files (created, modified or deleted), visible to searches at once
   * through the near-real-time reader; the next full refresh commits them.
   */
  private void refreshFiles(java.util.Set<Path> files) {
    try {
      RefreshPhases phases = new RefreshPhases();
      List<ParallelIndexer.Change> changes = new java.util.ArrayList<>();
      int changed = 0;
      for (Path f : files) {
        changed += syncFile(f, changes, phases);
      }
      index(changes, phases);
      changed += changes.size();
      if (changed > 0) {
        uncommitted = true;
        searchers.maybeRefreshBlocking();
      }
    } catch (IOException | RuntimeException e) {
      LOG.info("re-indexing changed files failed ({}); checking every source", e.toString());
      refreshLocked(false);
    }
  }

  /**
   * One file the watcher reported: 1 when its document was removed; its change is added to
   * {@code changes} when it must be (re)indexed.
   */
  private int syncFile(Path file, List<ParallelIndexer.Change> changes, RefreshPhases phases) throws IOException {
    String fileName = file.getFileName().toString();
    boolean migration = settings.migrationDirs().stream().anyMatch(file::startsWith)
        && fileName.toLowerCase(Locale.ROOT).endsWith(".sql") && flywayName(fileName).isPresent();
    boolean decision = file.startsWith(settings.decisionsDir()) && fileName.toLowerCase(Locale.ROOT).endsWith(".md");
    if (!migration && !decision) {
      return 0;
    }
    String relative = sources.relative(file);
    String id = (migration ? "migration:" : "decision:") + relative;
    java.util.Optional<SourceFiles.Found> found = sources.one(file);
    if (found.isEmpty()) {
      if (indexed.remove(id) != null) {
        writer.deleteDocuments(new Term(IndexFields.ID, id));
        return 1;
      }
      return 0;
    }
    (migration ? migrationChange(found.get(), null, phases) : decisionChange(found.get(), phases)).ifPresent(changes::add);
    return 0;
  }

  /** (Re)starts the watcher when needed and forgets what it saw: the full check that follows covers it. */
  private void watchSources() {
    List<Path> roots = new java.util.ArrayList<>(settings.migrationDirs());
    roots.add(settings.decisionsDir());
    Path gitDir = settings.useGit() && git != null && git.isPresent() ? git.get().gitDir() : null;
    List<Boolean> exist = new java.util.ArrayList<>(roots.stream().map(Files::isDirectory).toList());
    exist.add(gitDir != null && Files.isDirectory(gitDir.resolve("logs")));
    if (watcher == null || !exist.equals(watchedRootsExist)) {
      if (watcher != null) {
        watcher.close();
      }
      watcher = SourceWatcher.start(roots, gitDir);
      watchedRootsExist = exist;
    }
    watcher.changes();
    lastFullCheck = System.nanoTime();
  }

  private RefreshStats refreshLocked(boolean rebuildAll) {
    long t0 = System.nanoTime();
    RefreshPhases phases = new RefreshPhases();
    try {
      boolean rebuilt = phases.time("open", this::ensureOpen);
      if (settings.useGit() && git == null) {
        git = GitHistory.open(settings.projectDir(), GIT_TIMEOUT);
      }
      watchSources();
      if (rebuildAll) {
        writer.deleteAll();
        indexed.clear();
        rebuilt = true;
      }
      int[] changes = sync(phases);
      boolean changed = changes[0] > 0 || changes[1] > 0;
      if (rebuilt || changes[0] + changes[1] >= ParallelIndexer.PARALLEL_FROM
          || (uncommitted || changed) && System.nanoTime() - lastCommit >= FULL_CHECK_INTERVAL_NANOS) {
        phases.time("commit", this::commit);
      } else if (changed) {
        // A few documents: searches see them at once through the near-real-time reader; the fsyncs
        // of a commit (most of a small refresh) wait for a larger change, a minute, or close().
        uncommitted = true;
        phases.time("reopen searcher", () -> {
          searchers.maybeRefreshBlocking();
          return null;
        });
      }
      ready = true;
      return new RefreshStats(indexed.size(), changes[0], changes[1], rebuilt, inMemory,
          (System.nanoTime() - t0) / 1_000_000, phases.millis(), phases.cpuMillis());
    } catch (IOException e) {
      LOG.warn("the memory index could not be refreshed ({}); rebuilding it", e.toString());
      try {
        reopen(true);
        int[] changes = sync(phases);
        commit();
        ready = true;
        return new RefreshStats(indexed.size(), changes[0], changes[1], true, inMemory, (System.nanoTime() - t0) / 1_000_000);
      } catch (IOException again) {
        throw new UncheckedIOException("the memory index cannot be built in " + settings.indexDir() + ": "
            + again.getMessage(), again);
      }
    }
  }

  /** Commits what the writer holds and shows it to searches. */
  private Void commit() throws IOException {
    writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, "lucene", Version.LATEST.toString()).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
    uncommitted = false;
    lastCommit = System.nanoTime();
    return null;
  }

  /** Opens the index if needed; true when it had to be created or rebuilt. */
  private boolean ensureOpen() throws IOException {
    if (writer != null) {
      boolean r = rebuiltOnOpen;
      rebuiltOnOpen = false;
      return r;
    }
    reopen(false);
    boolean r = rebuiltOnOpen;
    rebuiltOnOpen = false;
    return r;
  }

  private void reopen(boolean wipe) throws IOException {
    closeQuietly();
    indexed.clear();
    if (settings.indexDir() == null || inMemory) {
      openIn(new ByteBuffersDirectory(), true);
      return;
    }
    if (wipe) {
      wipe(settings.indexDir());
    }
    try {
      openOnDisk(wipe);
    } catch (LockObtainFailedException e) {
      LOG.warn("the memory index {} is in use by another process; this process keeps its own index in memory",
          settings.indexDir());
      inMemory = true;
      openIn(new ByteBuffersDirectory(), true);
    } catch (IOException | RuntimeException e) {
      LOG.warn("the memory index {} is unreadable ({}); rebuilding it from the sources", settings.indexDir(), e.toString());
      closeQuietly();
      indexed.clear();
      wipe(settings.indexDir());
      try {
        openOnDisk(true);
      } catch (IOException | RuntimeException again) {
        LOG.warn("the memory index cannot be written in {} ({}); keeping it in memory", settings.indexDir(), again.toString());
        inMemory = true;
        openIn(new ByteBuffersDirectory(), true);
      }
    }
  }

  private void openOnDisk(boolean create) throws IOException {
    Files.createDirectories(settings.indexDir());
    Directory dir = FSDirectory.open(settings.indexDir());
    try {
      boolean rebuild = create;
      if (!rebuild && DirectoryReader.indexExists(dir)) {
        SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
        String format = infos.getUserData().get(FORMAT_KEY);
        if (!FORMAT.equals(format)) {
          LOG.info("the memory index {} has format {} (expected {}); rebuilding it", settings.indexDir(), format, FORMAT);
          rebuild = true;
        }
      } else if (!rebuild) {
        rebuild = true;
      }
      openIn(dir, rebuild);
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      dir.close();
      throw e;
    }
  }

  private void openIn(Directory dir, boolean create) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setCommitOnClose(true)
        .setRAMBufferSizeMB(32);
    IndexWriter w = new IndexWriter(dir, config);
    SearcherManager manager;
    try {
      manager = new SearcherManager(w, null);
      Map<String, String> known = create ? Map.of() : readFingerprints(manager);
      indexed.clear();
      indexed.putAll(known);
    } catch (IOException | RuntimeException e) {
      w.rollback();
      throw e;
    }
    directory = dir;
    writer = w;
    searchers = manager;
    rebuiltOnOpen = create;
    ready = !create;
  }

  private static Map<String, String> readFingerprints(SearcherManager manager) throws IOException {
    Map<String, String> out = new HashMap<>();
    IndexSearcher searcher = manager.acquire();
    try {
      Set<String> fields = Set.of(IndexFields.ID, IndexFields.FINGERPRINT);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live != null && !live.get(i)) {
            continue;
          }
          Document d = stored.document(i, fields);
          out.put(d.get(IndexFields.ID), d.get(IndexFields.FINGERPRINT));
        }
      }
    } finally {
      manager.release(searcher);
    }
    return out;
  }

  /** Deletes the index files in {@code dir}; anything that does not look like a Lucene file is left alone. */
  private static void wipe(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && LUCENE_FILE.matcher(f.getFileName().toString()).matches()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** Re-indexes changed sources and removes vanished ones: {updated, removed}. */
  private int[] sync(RefreshPhases phases) throws IOException {
    // git may take seconds on a long history (its own processes, its own cores): meanwhile this
    // thread scans the files and prepares the new ones, which need no commits for that.
    java.util.concurrent.CompletableFuture<Void> gitRead = java.util.concurrent.CompletableFuture.runAsync(
        () -> phases.time("git", this::readGit), GIT_READER);
    phases.time("flyway history", this::readHistory);
    List<SourceFiles.Found> migrationFiles = phases.time("scan", () -> sources.find(settings.migrationDirs(), true,
        n -> n.toLowerCase(Locale.ROOT).endsWith(".sql") && flywayName(n).isPresent()));
    List<SourceFiles.Found> decisionFiles = phases.time("scan", () -> sources.find(List.of(settings.decisionsDir()), true,
        n -> n.toLowerCase(Locale.ROOT).endsWith(".md")));
    Map<String, PreparedSql> prepared = new java.util.concurrent.ConcurrentHashMap<>();
    if (!gitRead.isDone()) {
      List<SourceFiles.Found> fresh = migrationFiles.stream()
          .filter(f -> !indexed.containsKey("migration:" + f.relativePath())).toList();
      ParallelIndexer.forEach(fresh, f -> prepared.put(f.relativePath(), prepare(f.file(), phases)));
    }
    try {
      gitRead.join();
    } catch (java.util.concurrent.CompletionException e) {
      LOG.info("reading git failed, migrations are indexed without commits: {}", e.getCause().toString());
      commits = Map.of();
    }
    long compareStart = System.nanoTime();
    long compareCpu = RefreshPhases.cpu();
    Set<String> seen = new HashSet<>();
    List<ParallelIndexer.Change> changes = new java.util.ArrayList<>();
    for (SourceFiles.Found f : migrationFiles) {
      seen.add("migration:" + f.relativePath());
      migrationChange(f, prepared.get(f.relativePath()), phases).ifPresent(changes::add);
    }
    for (SourceFiles.Found f : decisionFiles) {
      seen.add("decision:" + f.relativePath());
      decisionChange(f, phases).ifPresent(changes::add);
    }
    phases.add("compare", System.nanoTime() - compareStart, RefreshPhases.cpu() - compareCpu);
    index(changes, phases);
    int removed = 0;
    for (String id : Set.copyOf(indexed.keySet())) {
      if (!seen.contains(id)) {
        writer.deleteDocuments(new Term(IndexFields.ID, id));
        indexed.remove(id);
        removed++;
      }
    }
    return new int[] {changes.size(), removed};
  }

  private void index(List<ParallelIndexer.Change> changes, RefreshPhases phases) throws IOException {
    long t0 = System.nanoTime();
    ParallelIndexer.index(writer, changes, c -> indexed.put(c.id(), c.fingerprint()), phases);
    if (!changes.isEmpty()) {
      phases.add("index (wall)", System.nanoTime() - t0, 0);
    }
  }

  /** A migration's text and facts, read before its commits are known. */
  private record PreparedSql(String sql, TouchedObjects facts) {}

  private PreparedSql prepare(Path file, RefreshPhases phases) throws IOException {
    String sql = phases.time("read", () -> readSql(file));
    TouchedObjects facts = phases.time("facts", () -> {
      try {
        return settings.facts().extract(sql);
      } catch (RuntimeException e) {
        return TouchedObjects.NONE;
      }
    });
    return new PreparedSql(sql, facts);
  }

  /**
   * The change that re-indexes a migration file, unless its fingerprint is unchanged.
   *
   * @param prepared its text and facts when already read (the content is the one hashed), or null
   */
  private Optional<ParallelIndexer.Change> migrationChange(SourceFiles.Found f, PreparedSql prepared,
      RefreshPhases phases) {
    FlywayFileName name = flywayName(f.file().getFileName().toString()).orElseThrow();
    String id = "migration:" + f.relativePath();
    List<GitCommit> fileCommits = commits.getOrDefault(f.relativePath(), List.of());
    AppliedMigration applied = applied(name, f.file().getFileName().toString());
    String fingerprint = fingerprints.of(id, f.hash(), fileCommits, applied);
    if (fingerprint.equals(indexed.get(id))) {
      return Optional.empty();
    }
    return Optional.of(new ParallelIndexer.Change(id, fingerprint, indexed.containsKey(id), () -> {
      PreparedSql p = prepared != null ? prepared : prepare(f.file(), phases);
      return phases.time("document", () ->
          Documents.migration(id, fingerprint, f.relativePath(), name, p.sql(), p.facts(), fileCommits, applied));
    }));
  }

  private static String readSql(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
  }

  /** The change that re-indexes a decision record, unless its fingerprint is unchanged. */
  private Optional<ParallelIndexer.Change> decisionChange(SourceFiles.Found f, RefreshPhases phases) {
    String id = "decision:" + f.relativePath();
    List<GitCommit> fileCommits = commits.getOrDefault(f.relativePath(), List.of());
    String fingerprint = fingerprints.of(id, f.hash(), fileCommits, null);
    if (fingerprint.equals(indexed.get(id))) {
      return Optional.empty();
    }
    return Optional.of(new ParallelIndexer.Change(id, fingerprint, indexed.containsKey(id), () -> {
      DecisionRecord record = phases.time("read", () -> DecisionRecords.parse(f.file().getFileName().toString(),
          Files.readString(f.file(), StandardCharsets.UTF_8)));
      return phases.time("document", () -> Documents.decision(id, fingerprint, f.relativePath(), record, fileCommits));
    }));
  }

  private Void readGit() {
    if (!settings.useGit()) {
      return null;
    }
    if (git == null) {
      git = GitHistory.open(settings.projectDir(), GIT_TIMEOUT);
    }
    if (git.isEmpty()) {
      return null;
    }
    List<Path> folders = new java.util.ArrayList<>(settings.migrationDirs());
    folders.add(settings.decisionsDir());
    gitCommits = git.get().read(folders, gitCommits);
    commits = gitCommits.byProjectPath();
    return null;
  }

  private Void readHistory() {
    if (settings.history() == null) {
      return null;
    }
    long now = System.nanoTime();
    if (historyReadAt != Long.MIN_VALUE && now - historyReadAt < settings.historyMaxAge().toNanos()) {
      return null;
    }
    historyReadAt = now;
    try {
      Map<String, AppliedMigration> byVersion = new HashMap<>();
      Map<String, AppliedMigration> byScript = new HashMap<>();
      for (AppliedMigration m : settings.history().read()) {
        String type = m.type() == null ? "" : m.type();
        if (type.contains("UNDO") || type.equals("DELETE") || type.contains("BASELINE")) {
          continue;
        }
        if (m.version() != null) {
          byVersion.put(m.version(), m);
        } else if (m.script() != null) {
          String script = m.script().contains("/") ? m.script().substring(m.script().lastIndexOf('/') + 1) : m.script();
          byScript.put(script, m);
        }
      }
      appliedByVersion = byVersion;
      appliedByScript = byScript;
    } catch (Exception e) {
      // Back off: an unreachable database must not slow every search down by its connect timeout.
      historyReadAt = now + HISTORY_BACKOFF_FACTOR * settings.historyMaxAge().toNanos();
      LOG.info("flyway_schema_history could not be read, migrations are indexed without applied dates: {}",
          e.getMessage());
    }
    return null;
  }

  /** The Flyway reading of a file name, parsed once per name: a full check meets each of 10,000 names twice. */
  private Optional<FlywayFileName> flywayName(String fileName) {
    return flywayNames.computeIfAbsent(fileName, FlywayFileName::parse);
  }

  private AppliedMigration applied(FlywayFileName name, String fileName) {
    return switch (name.type()) {
      case "versioned" -> appliedByVersion.get(name.version());
      case "repeatable" -> appliedByScript.get(fileName);
      default -> null;
    };
  }

  private void closeQuietly() {
    try {
      if (searchers != null) {
        searchers.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // closing a broken index
    }
    try {
      if (writer != null) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException ignored) {
      // closing a broken index
    }
    try {
      if (directory != null) {
        directory.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // closing a broken index
    }
    writer = null;
    directory = null;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (watcher != null) {
        watcher.close();
        watcher = null;
      }
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the memory index: {}", e.toString());
    } finally {
      writer = null;
      directory = null;
      lock.unlock();
    }
  }
}
