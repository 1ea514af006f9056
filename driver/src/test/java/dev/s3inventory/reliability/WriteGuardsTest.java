package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guards in front of every write hold whatever the spelling and whatever the API used: a
 * read-only connection writes nothing (25006), and UPDATE or DELETE without WHERE touches nothing
 * (42000) — through Statement, PreparedStatement and batches. No request is sent in either case.
 */
class WriteGuardsTest {
    private static final String AREA = "Write guards";
    private static final String T = "aws.s3.bucket_inventory_configurations";
    private static final String VALUES = " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency) "
            + "VALUES ('guarded', 'new', 'arn:aws:s3:::dest', 'CSV', 'Daily')";
    private static final List<String> WRITES = List.of("INSERT INTO " + T + VALUES,
            "insert into bucket_inventory_configurations" + VALUES,
            "UPDATE " + T + " SET is_enabled = FALSE WHERE bucket = 'guarded'",
            "DELETE FROM " + T + " WHERE bucket = 'guarded'", "DELETE FROM \"s3\".\"bucket_inventory_configurations\" WHERE 1=1",
            "EXEC " + T + ".bucket_inventory_configurations_Put @bucket='guarded', @id='x', @@json='{}'",
            "  /* comment */ DELETE FROM " + T + " WHERE id = 'daily';");
    private static final List<String> NO_WHERE = List.of("UPDATE " + T + " SET is_enabled = FALSE",
            "update bucket_inventory_configurations set is_enabled = false;", "UPDATE " + T + " c SET is_enabled = FALSE",
            "DELETE FROM " + T, "delete from s3.bucket_inventory_configurations", "DELETE FROM " + T + " -- WHERE id = 'x'",
            "DELETE FROM " + T + " /* WHERE id = 'x' */", "DELETE FROM " + T + " AS c",
            "UPDATE " + T + " SET filter_prefix = 'WHERE id = 1'", "DELETE\nFROM\n" + T + "\n;\n");
    private FakeS3Server s3;

    @BeforeEach
    void start() {
        s3 = new FakeS3Server().addBucket("guarded", "us-east-1");
        s3.putConfigurationXml("guarded", "daily", FakeS3Server.sampleConfigurationXml("daily"));
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private Connection connect(String extra) throws SQLException {
        Connection c = DriverManager.getConnection(s3.jdbcUrl("cacheTtlSeconds=0" + extra));
        s3.resetLog();
        return c;
    }

    @Test
    void readOnlyConnectionsSendNoWrite() throws SQLException {
        Tally tally = new Tally(AREA, WRITES.size() + " writes (INSERT, UPDATE, DELETE, EXEC, any spelling) × readOnly=true, "
                + "setReadOnly(true) × Statement, PreparedStatement, batch: 25006 and no request");
        for (String how : List.of("&readOnly=true", "setReadOnly")) {
            try (Connection c = connect(how.startsWith("&") ? how : "")) {
                if (how.equals("setReadOnly")) {
                    c.setReadOnly(true);
                }
                for (String sql : WRITES) {
                    refused(tally, "25006", () -> {
                        try (Statement st = c.createStatement()) {
                            st.executeUpdate(sql);
                        }
                    });
                    refused(tally, "25006", () -> {
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            ps.execute();
                        }
                    });
                    refused(tally, "25006", () -> {
                        try (Statement st = c.createStatement()) {
                            st.addBatch(sql);
                            st.executeBatch();
                        }
                    });
                }
            }
        }
        noRequests(tally);
        tally.record();
    }

    @Test
    void updateAndDeleteWithoutWhereAreRefused() throws SQLException {
        Tally tally = new Tally(AREA, NO_WHERE.size() + " UPDATE/DELETE without WHERE (any case, aliases, WHERE only in "
                + "a comment or a string, line breaks) × Statement, PreparedStatement: 42000 and no request");
        try (Connection c = connect("")) {
            for (String sql : NO_WHERE) {
                refused(tally, "42000", () -> {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate(sql);
                    }
                });
                refused(tally, "42000", () -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.executeUpdate();
                    }
                });
            }
        }
        noRequests(tally);
        if (s3.configurationXml("guarded", "daily") == null) {
            tally.wrong("the configuration was deleted");
        }
        tally.record();
    }

    @FunctionalInterface
    private interface Write {
        void run() throws SQLException;
    }

    private static void refused(Tally tally, String state, Write write) {
        tally.faults(1);
        try {
            write.run();
            tally.wrong("a write went through");
        } catch (SQLException e) {
            String actual = e instanceof java.sql.BatchUpdateException b && b.getNextException() != null
                    ? b.getNextException().getSQLState() : e.getSQLState();
            if (state.equals(actual) || state.equals(e.getSQLState())) {
                tally.cleanError();
            } else {
                tally.wrong(e.getSQLState() + " " + e.getMessage());
            }
        }
    }

    private void noRequests(Tally tally) {
        long writes = s3.requests().stream().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).count();
        if (s3.totalRequests() > 0) {
            tally.wrong(s3.totalRequests() + " requests sent (" + writes + " writes)");
        }
    }
}
