package dev.migrationmcp.tools.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A column as {@code format_type} shows it.
 *
 * @param number {@code attnum}: keys of constraints and indexes refer to it
 * @param identity {@code always} or {@code by default} for identity columns, else null
 * @param generated the expression of a stored generated column, else null
 */
public record ColumnInfo(
    @JsonIgnore int number,
    String name,
    String type,
    boolean nullable,
    @JsonProperty("default") String defaultValue,
    String identity,
    String generated) {}
