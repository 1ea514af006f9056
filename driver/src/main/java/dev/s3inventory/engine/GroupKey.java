package dev.s3inventory.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value used as a hash key (GROUP BY, DISTINCT, COUNT(DISTINCT)) with SQL equality rather than
 * Java's: DECIMAL 1.0 and 1.00 are one group. The first value seen is the one reported.
 */
final class GroupKey {
    private final Object value;
    private final Object normalized;

    private GroupKey(Object value, Object normalized) {
        this.value = value;
        this.normalized = normalized;
    }

    /** {@code v} itself when Java equality already is SQL equality, else a key wrapping it. */
    static Object of(Object v) {
        if (v instanceof BigDecimal d) {
            return new GroupKey(v, d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
        }
        if (v instanceof Double d && d == 0.0) {
            return new GroupKey(v, 0.0d); // -0.0 = 0.0 in SQL
        }
        return v;
    }

    static Object value(Object key) {
        return key instanceof GroupKey k ? k.value : key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && normalized.equals(k.normalized);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(normalized);
    }
}
