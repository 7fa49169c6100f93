package dev.migrationmcp.memory.index;

import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/** A process that takes the index's write lock and waits to be killed (see IndexLifecycleTest). */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    IndexWriter writer = new IndexWriter(FSDirectory.open(Path.of(args[0])), new IndexWriterConfig(new StandardAnalyzer()));
    System.out.println("locked " + writer.getDirectory());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
