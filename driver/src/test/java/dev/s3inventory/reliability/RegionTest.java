package dev.s3inventory.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.s3inventory.testing.FakeS3Server.WrongRegion;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Buckets in four regions on a server that, like S3, refuses a request signed for the wrong region
 * (301 PermanentRedirect, or 400 AuthorizationHeaderMalformed in newer regions). Every query gives
 * exactly the right rows whether a bucket's region comes from ListBuckets, from a redirect, or from
 * HeadBucket for a named bucket — and whatever the connection's own {@code region} says.
 */
class RegionTest {
    private static final String AREA = "Regions";
    private static FakeEstate estate;
    private static Map<String, List<String>> EXPECTED;
    private static final List<String> QUERIES = List.of(FakeEstate.ALL_ROWS,
            "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket IN ('rel-0001', 'rel-0002', 'rel-0003', "
                    + "'rel-0006', 'rel-big') ORDER BY bucket, id",
            "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'rel-0007' AND id = 'cfg-2'",
            "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE region = 'sa-east-1' ORDER BY bucket, id",
            "SELECT name, region FROM aws.s3.buckets ORDER BY name");

    @BeforeAll
    static void seed() throws SQLException {
        estate = new FakeEstate(40);
        EXPECTED = estate.faultFreeRows(QUERIES);
        assertEquals(4, EXPECTED.get(QUERIES.get(1)).stream().map(r -> r.split("\\|")[2]).distinct().count() + 1,
                "the named buckets span three regions besides the default");
    }

    @AfterAll
    static void stop() {
        estate.close();
    }

    @AfterEach
    void clear() {
        estate.s3.clearFaults().omitBucketRegion(false).resetLog();
    }

    static Stream<Arguments> situations() {
        return Stream.of(
                Arguments.of("regions from ListBuckets (BucketRegion), wrong region answered 301", WrongRegion.PERMANENT_REDIRECT,
                        false, "us-east-1"),
                Arguments.of("ListBuckets without BucketRegion, wrong region answered 301", WrongRegion.PERMANENT_REDIRECT,
                        true, "us-east-1"),
                Arguments.of("ListBuckets without BucketRegion, wrong region answered 400 AuthorizationHeaderMalformed",
                        WrongRegion.AUTHORIZATION_HEADER_MALFORMED, true, "us-east-1"),
                Arguments.of("connection region eu-central-1 (no bucket there), 301", WrongRegion.PERMANENT_REDIRECT, true,
                        "eu-central-1"),
                Arguments.of("connection region ap-southeast-2 (some buckets there), 400", 
                        WrongRegion.AUTHORIZATION_HEADER_MALFORMED, false, "ap-southeast-2"),
                Arguments.of("connection region of a partition we do not know (xx-nowhere-9), 301",
                        WrongRegion.PERMANENT_REDIRECT, true, "xx-nowhere-9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void everyQueryGivesTheRightRows(String name, WrongRegion answer, boolean omitRegion, String region)
            throws SQLException {
        Tally tally = new Tally(AREA, name + " — full scan, named buckets, point query, region filter, buckets table");
        estate.s3.wrongRegion(answer).omitBucketRegion(omitRegion);
        try (Connection c = java.sql.DriverManager.getConnection(estate.url("").replace("region=us-east-1",
                "region=" + region)); Statement st = c.createStatement()) {
            for (int round = 0; round < 2; round++) { // cold (regions unknown), then warm
                for (String sql : QUERIES) {
                    List<String> rows = FakeEstate.rows(st, sql);
                    if (rows.equals(EXPECTED.get(sql)) && st.getWarnings() == null) {
                        tally.correct();
                    } else {
                        tally.wrong(sql + ": " + rows.size() + " rows, warnings " + st.getWarnings());
                    }
                }
            }
        }
        long refused = estate.s3.requests().stream().filter(r -> r.status() == 301 || r.status() == 400).count();
        tally.faults(refused);
        tally.note(refused + " wrong-region answers followed");
        tally.record();
    }
}
