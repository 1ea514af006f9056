package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.engine.QueryEngine;
import dev.s3inventory.s3.AwsS3Gateway;
import dev.s3inventory.s3.CachingS3Gateway;
import dev.s3inventory.s3.S3Gateway;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:s3inventory:} URLs. Registered with DriverManager when loaded,
 * which {@code META-INF/services/java.sql.Driver} makes automatic.
 */
public final class S3InventoryDriver implements Driver {

    static {
        try {
            DriverManager.registerDriver(new S3InventoryDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: another driver's URL; DriverManager asks the next driver
        }
        try {
            ConnectionConfig config = ConnectionConfig.parse(url, info);
            // The listing cache sits on top, per connection: DBeaver's page-by-page re-execution reuses listings.
            S3Gateway gateway = CachingS3Gateway.wrap(AwsS3Gateway.open(config.s3Settings(), config.loginTimeout()),
                    config.integer(ConnectionProperty.CACHE_TTL_SECONDS));
            QueryEngine engine = new QueryEngine(gateway, config.integer(ConnectionProperty.MAX_CONCURRENCY),
                    config.bucketErrorPolicy(), config.integer(ConnectionProperty.MAX_JOIN_ROWS));
            return new S3InventoryConnection(config, engine);
        } catch (RuntimeException e) {
            throw Errors.internal("connecting", e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return ConnectionConfig.accepts(url);
    }

    /** What {@code info} alone gives: the bare prefix has no URL part that could be malformed. */
    private static Map<ConnectionProperty, String> propertiesOnly(Properties info) {
        try {
            return ConnectionConfig.given(ConnectionConfig.PREFIX, info);
        } catch (SQLException impossible) {
            return new EnumMap<>(ConnectionProperty.class);
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        // What the URL and the Properties give (the URL wins), so that a tool's properties dialog shows
        // the connection as configured; a URL the driver cannot read yet still lists every property.
        Map<ConnectionProperty, String> given;
        try {
            given = ConnectionConfig.given(acceptsURL(url) ? url : ConnectionConfig.PREFIX, info);
        } catch (SQLException malformed) {
            given = propertiesOnly(info);
        }
        ConnectionProperty[] all = ConnectionProperty.values();
        DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
        for (int i = 0; i < all.length; i++) {
            ConnectionProperty p = all[i];
            String value = given.getOrDefault(p, p.defaultValue());
            DriverPropertyInfo d = new DriverPropertyInfo(p.key(), p.isSecret() ? null : value);
            d.description = p.description();
            d.required = false;
            d.choices = p.choices().isEmpty() ? null : p.choices().toArray(new String[0]);
            out[i] = d;
        }
        return out;
    }

    @Override
    public int getMajorVersion() {
        return DriverVersion.major();
    }

    @Override
    public int getMinorVersion() {
        return DriverVersion.minor();
    }

    @Override
    public boolean jdbcCompliant() {
        return false; // no transactions and a narrow SQL dialect: not JDBC compliant, honestly
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw Errors.unsupportedJdbc("Driver.getParentLogger (the driver logs through SLF4J)");
    }
}
