package dev.migrationmcp.memory.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Builds and adds the documents of many changed sources on a small pool (one thread per core, at most four),
 * all feeding the one {@link IndexWriter}, which is thread-safe and analyses a document on the
 * thread that adds it: reading, fact extraction and analysis of a full build share the cores. A few
 * changes (the usual refresh) are indexed on the calling thread.
 */
final class ParallelIndexer {
  /** Below this many changes a pool costs more than it saves. */
  static final int PARALLEL_FROM = 64;
  /** Past a few threads the one writer's flushing, not the building, is the limit; and each thread is a segment. */
  static final int MAX_THREADS = 4;

  /** Builds one document (reads the file, extracts facts); the phases it times are its own. */
  @FunctionalInterface
  interface DocumentBuilder {
    Document build() throws IOException;
  }

  /**
   * One source to index.
   *
   * @param id the document id
   * @param fingerprint the fingerprint of its sources
   * @param inIndex whether a document with this id may be in the index (then it is replaced)
   */
  record Change(String id, String fingerprint, boolean inIndex, DocumentBuilder builder) {}

  private ParallelIndexer() {}

  /**
   * Indexes every change; {@code done} hears of each one added (from the thread that added it),
   * so that after a failure the caller knows which documents the writer holds.
   */
  static void index(IndexWriter writer, List<Change> changes, Consumer<Change> done, RefreshPhases phases)
      throws IOException {
    forEach(changes, change -> {
      add(writer, change, phases);
      done.accept(change);
    });
  }

  /** One piece of work on one item. */
  @FunctionalInterface
  interface Task<T> {
    void run(T item) throws IOException;
  }

  /** Runs {@code task} on every item, on one thread per core when there are many; the first failure is thrown. */
  static <T> void forEach(List<T> items, Task<T> task) throws IOException {
    AtomicInteger next = new AtomicInteger();
    Callable<Void> worker = () -> {
      for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
        task.run(items.get(i));
      }
      return null;
    };
    int threads = items.size() < PARALLEL_FROM ? 1 : Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      for (T item : items) {
        task.run(item);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "memory-index-build");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Callable<Void>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(worker);
      }
      for (Future<Void> f : pool.invokeAll(workers)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void add(IndexWriter writer, Change change, RefreshPhases phases) throws IOException {
    Document doc = change.builder().build();
    phases.time("lucene analysis", () -> change.inIndex()
        ? writer.updateDocument(new Term(IndexFields.ID, change.id()), doc)
        : writer.addDocument(doc));
  }
}
