package dev.s3inventory.schema;

import java.util.Objects;

/** One column of a table: its exact lower-case name, type, nullability and a description for REMARKS. */
public record Column(String name, SqlType type, boolean nullable, boolean writable, String remarks) {
    public Column {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(remarks, "remarks is null");
    }
}
