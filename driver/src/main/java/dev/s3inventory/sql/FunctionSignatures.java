package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions of the dialect and how many arguments each takes. The parser checks every call
 * against this list, so an unknown function or a wrong argument count fails when the statement is
 * prepared, not when it runs; the engine implements exactly these names.
 */
public final class FunctionSignatures {
    /** Inclusive bounds on the number of arguments. */
    public record Arity(int min, int max) {
        boolean accepts(int n) {
            return n >= min && n <= max;
        }

        String describe() {
            return min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
        }
    }

    /** Scalar functions, canonical names in the order the documentation lists them. */
    public static final Map<String, Arity> SCALAR = scalar();

    public static final Set<String> AGGREGATES = Set.of("COUNT", "MIN", "MAX", "SUM", "AVG");

    /** JDBC escape names ({fn UCASE(x)}) and common spellings of other databases, mapped to ours. */
    private static final Map<String, String> SYNONYMS = Map.of(
            "UCASE", "UPPER", "LCASE", "LOWER", "CHAR_LENGTH", "LENGTH", "CHARACTER_LENGTH", "LENGTH",
            "IFNULL", "COALESCE", "NVL", "COALESCE", "SUBSTR", "SUBSTRING");

    private FunctionSignatures() {
    }

    private static Map<String, Arity> scalar() {
        Map<String, Arity> m = new LinkedHashMap<>();
        m.put("LOWER", new Arity(1, 1));
        m.put("UPPER", new Arity(1, 1));
        m.put("LENGTH", new Arity(1, 1));
        m.put("TRIM", new Arity(1, 1));
        m.put("CONCAT", new Arity(1, Integer.MAX_VALUE));
        m.put("COALESCE", new Arity(1, Integer.MAX_VALUE));
        m.put("NULLIF", new Arity(2, 2));
        m.put("SUBSTRING", new Arity(2, 3));
        m.put("REPLACE", new Arity(3, 3));
        m.put("ABS", new Arity(1, 1));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The dialect's name for a function as written (case-insensitive, synonyms resolved). */
    public static String canonical(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SYNONYMS.getOrDefault(upper, upper);
    }

    /** Fails unless {@code name} (canonical) is a scalar function of the dialect taking {@code argc} arguments. */
    static void checkScalar(String name, String written, int argc) throws SQLException {
        Arity arity = SCALAR.get(name);
        if (arity == null) {
            throw Errors.unsupportedSql("The function " + written + " (functions: " + String.join(", ", SCALAR.keySet())
                    + ", " + String.join(", ", List.of("COUNT", "MIN", "MAX", "SUM", "AVG")) + ")");
        }
        if (!arity.accepts(argc)) {
            throw Errors.syntax(name + " takes " + arity.describe() + " argument(s), not " + argc);
        }
    }
}
