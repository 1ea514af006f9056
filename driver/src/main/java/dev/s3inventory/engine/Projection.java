package dev.s3inventory.engine;

import dev.s3inventory.sql.Expr;
import java.util.List;
import java.util.Map;

/**
 * The rows the select list is evaluated on: the filtered source rows, or after GROUP BY one row per
 * group holding its keys and aggregate values ({@code precomputed} maps those expressions to slots).
 */
record Projection(RowType type, List<Object[]> rows, Map<Expr, Integer> precomputed, boolean grouped) {
}
