package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.s3inventory.testing.DialectEstate;
import dev.s3inventory.testing.GoldenQuery;
import dev.s3inventory.testing.QueryGenerator;
import dev.s3inventory.testing.QueryResult;
import dev.s3inventory.testing.ReferenceDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The dialect proven against a reference engine: every query runs through the driver and through H2
 * loaded with the same rows read by the AWS SDK, and the results must match. Each subclass supplies the
 * S3 both read, seeded with {@link DialectEstate}: LocalStack ({@link DialectDifferentialTest}) and the
 * in-process server ({@link DialectDifferentialOnFakeS3Test}, so the engine's semantics are checked on
 * every build, with or without LocalStack). Hand-written queries live in {@code src/test/resources/dialect}
 * with their expected result next to them; {@code -Ddialect.record=true} (re)writes missing or changed
 * expectations from the engines' agreed answer, for review. Generated queries come from a seeded {@link QueryGenerator}
 * ({@code -Ddialect.seed=n} and {@code -Ddialect.generated=n} explore further).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DialectDifferential {
    static final Path GOLDEN = Path.of("src/test/resources/dialect");
    private static final boolean RECORD = Boolean.getBoolean("dialect.record");
    private Connection driver;
    private Connection h2;

    /** Seeds the estate where the driver will read it; returns the driver's URL (without extra properties). */
    abstract String seedAndGiveUrl() throws SQLException;

    /** H2 loaded with what the seeded S3 holds, read through the SDK. */
    abstract Connection loadReference() throws SQLException;

    /** Releases what {@link #seedAndGiveUrl} started, after both connections are closed. */
    void release() {
    }

    @BeforeAll
    void load() throws SQLException {
        String url = seedAndGiveUrl();
        driver = DriverManager.getConnection(url + "&maxConcurrency=12");
        h2 = loadReference();
    }

    @AfterAll
    void close() throws SQLException {
        try {
            if (driver != null) {
                driver.close();
            }
            if (h2 != null) {
                h2.close();
            }
        } finally {
            release();
        }
    }

    @Test
    void theReferenceHoldsTheSeededEstate() throws SQLException {
        int configurations = DialectEstate.CONFIGURATIONS.values().stream().mapToInt(List::size).sum();
        try (Statement st = h2.createStatement(); var rs = st.executeQuery(
                "SELECT (SELECT COUNT(*) FROM buckets), (SELECT COUNT(*) FROM bucket_inventory_configurations)")) {
            assertTrue(rs.next());
            assertEquals(DialectEstate.BUCKETS.size(), rs.getInt(1));
            assertEquals(configurations, rs.getInt(2));
        }
    }

    @TestFactory
    Stream<DynamicTest> handWrittenQueriesMatchH2AndTheirExpectedResult() throws IOException {
        List<GoldenQuery> queries = GoldenQuery.all(GOLDEN);
        assertTrue(queries.size() >= 100, "hand-written queries: " + queries.size());
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.name(), () -> checkGolden(q)));
    }

    private void checkGolden(GoldenQuery q) throws Exception {
        QueryResult mine = q.run(driver);
        QueryResult reference = q.run(h2);
        if (!mine.sameRowsAs(reference, q.ordered())) {
            fail(q.name() + ": the driver and H2 disagree\n" + q.sql() + "\n-- driver:\n" + mine.render() + "-- H2:\n"
                    + reference.render());
        }
        String rendered = mine.render();
        if (RECORD && (!Files.exists(q.expected()) || !Files.readString(q.expected()).equals(rendered))) {
            Files.writeString(q.expected(), rendered, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(q.expected()), "no " + q.expected() + "; run with -Ddialect.record=true and review it");
        assertEquals(Files.readString(q.expected(), StandardCharsets.UTF_8), rendered, q.name() + "\n" + q.sql());
    }

    @Test
    void generatedQueriesMatchH2() throws SQLException {
        long seed = Long.getLong("dialect.seed", 20240601L);
        int count = Integer.getInteger("dialect.generated", 200);
        List<String> failures = new ArrayList<>();
        int withRows = 0;
        for (String sql : new QueryGenerator(seed).queries(count)) {
            GoldenQuery q = new GoldenQuery("generated", sql, List.of(), 0, GoldenQuery.endsWithOrderBy(sql), null);
            String problem = compare(q);
            if (problem != null) {
                failures.add(problem);
            } else if (!q.run(h2).rows().isEmpty()) {
                withRows++;
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + count + " generated queries (seed " + seed + ") differ:\n\n"
                    + String.join("\n\n", failures.subList(0, Math.min(10, failures.size()))));
        }
        // Queries that all return nothing would prove little: most must find rows.
        assertTrue(withRows >= count / 2, "only " + withRows + " of " + count + " generated queries return rows");
    }

    private String compare(GoldenQuery q) {
        QueryResult mine;
        QueryResult reference;
        try {
            reference = q.run(h2);
        } catch (SQLException e) {
            return q.sql() + "\n-- H2 failed: " + e.getMessage().split("\n")[0];
        }
        try {
            mine = q.run(driver);
        } catch (SQLException e) {
            return q.sql() + "\n-- the driver failed (" + e.getSQLState() + "): " + e.getMessage();
        }
        if (mine.sameRowsAs(reference, q.ordered())) {
            return null;
        }
        return q.sql() + "\n-- driver:\n" + mine.render() + "-- H2:\n" + reference.render();
    }
}
