package dev.s3inventory.engine;

import java.util.List;
import java.util.Objects;

/**
 * A fully computed result: columns and rows. Every ResultSet the driver returns, for queries and
 * metadata alike, reads one of these. Each row has exactly {@code columns.size()} values, each
 * either null or an instance of its column type's Java class.
 */
public record Relation(List<ResultColumn> columns, List<Object[]> rows) {

    public Relation {
        columns = List.copyOf(columns);
        Objects.requireNonNull(rows, "rows is null");
    }
}
