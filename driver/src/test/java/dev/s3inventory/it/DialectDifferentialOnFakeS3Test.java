package dev.s3inventory.it;

import dev.s3inventory.testing.DialectEstate;
import dev.s3inventory.testing.FakeS3Server;
import dev.s3inventory.testing.ReferenceDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The differential suite against the in-process S3 server ({@link FakeS3Server}) holding the same
 * estate: needs nothing outside the JVM, so the engine's semantics are checked on every build.
 */
class DialectDifferentialOnFakeS3Test extends DialectDifferential {
    private FakeS3Server s3;

    @Override
    String seedAndGiveUrl() {
        s3 = new FakeS3Server();
        DialectEstate.seed(s3);
        return s3.jdbcUrl(null);
    }

    @Override
    Connection loadReference() throws SQLException {
        return ReferenceDatabase.load(s3);
    }

    @Override
    void release() {
        if (s3 != null) {
            s3.close();
        }
    }
}
