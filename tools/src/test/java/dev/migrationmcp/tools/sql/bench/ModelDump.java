package dev.migrationmcp.tools.sql.bench;

import dev.migrationmcp.tools.sql.read.ReadStatement;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints statements next to what the reader made of them, to check the model by eye: a random
 * sample (or those of one kind) from every {@code *.sql} under a directory.
 *
 * <pre>java … ModelDump /tmp/corpus 40 [KIND-prefix]</pre>
 */
public final class ModelDump {
  private ModelDump() {}

  public static void main(String[] args) throws IOException {
    Path dir = Paths.get(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String kind = args.length > 2 ? args[2] : null;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().collect(Collectors.toList());
    }
    List<ReadStatement> all = new ArrayList<>();
    for (Path f : files) {
      all.addAll(ScriptReader.read(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).statements());
    }
    if (kind != null) {
      all.removeIf(s -> !s.kind().startsWith(kind));
    }
    Collections.shuffle(all, new Random(count));
    for (ReadStatement s : all.subList(0, Math.min(count, all.size()))) {
      String text = s.source().text().replaceAll("\\s+", " ");
      System.out.println("SQL   " + (text.length() > 400 ? text.substring(0, 400) + "…" : text));
      String model = s.statement().toString();
      System.out.println("MODEL " + (model.length() > 1200 ? model.substring(0, 1200) + "…" : model));
      System.out.println();
    }
  }
}
