package dev.s3inventory.it;

import dev.s3inventory.testing.DialectEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import dev.s3inventory.testing.ReferenceDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The differential suite against LocalStack, in the estate's own account: the real S3 emulator over
 * HTTP (skipped without LocalStack, a failure with {@code -Ds3.required=true}).
 */
class DialectDifferentialTest extends DialectDifferential {

    @Override
    String seedAndGiveUrl() {
        DialectEstate.seed();
        return LocalStackEnvironment.jdbcUrlForAccount(DialectEstate.ACCOUNT, null);
    }

    @Override
    Connection loadReference() throws SQLException {
        return ReferenceDatabase.load(DialectEstate.ACCOUNT);
    }
}
