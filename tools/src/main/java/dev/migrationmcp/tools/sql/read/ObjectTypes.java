package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.ObjectType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Matches the object-type keywords of DROP, COMMENT ON, ALTER and CREATE (longest match first). */
final class ObjectTypes {
  private static final List<String[]> WORDS = new ArrayList<>();
  private static final List<ObjectType> TYPES = new ArrayList<>();

  static {
    List<ObjectType> all = new ArrayList<>(List.of(ObjectType.values()));
    all.sort(Comparator.comparingInt((ObjectType t) -> t.sql().split(" ").length).reversed());
    for (ObjectType t : all) {
      WORDS.add(t.sql().toLowerCase(Locale.ROOT).split(" "));
      TYPES.add(t);
    }
  }

  private ObjectTypes() {}

  /** Consumes and returns the object type at the cursor, or returns null without moving. */
  static ObjectType accept(TokenCursor c) {
    for (int i = 0; i < WORDS.size(); i++) {
      if (c.accept(WORDS.get(i))) {
        return TYPES.get(i);
      }
    }
    return null;
  }

  /** The object type at the cursor without consuming it, or null. */
  static ObjectType peek(TokenCursor c) {
    for (int i = 0; i < WORDS.size(); i++) {
      if (c.at(WORDS.get(i))) {
        return TYPES.get(i);
      }
    }
    return null;
  }
}
