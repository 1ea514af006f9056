package dev.s3inventory.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.Column;
import dev.s3inventory.schema.TableDef;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DatabaseMetaData against the JDBC 4.3 javadoc and the clients in jdbc-client-checklist.md. */
class DatabaseMetaDataTest {
    private static final String INVENTORY = "bucket_inventory_configurations";

    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean readOnly = new AtomicBoolean();
    private final Connection connection = fakeConnection(closed, readOnly);
    private final DatabaseMetaData md =
            new S3InventoryDatabaseMetaData(connection, "jdbc:s3inventory:?region=eu-west-1", "AKIDEXAMPLE");

    @FunctionalInterface
    interface MetaCall {
        ResultSet apply(DatabaseMetaData md) throws SQLException;
    }

    // ---- spec shape: labels, order and java.sql.Types as written in the DatabaseMetaData javadoc ----

    static Stream<Arguments> layouts() {
        return Stream.of(
                layout("getCatalogs/0", m -> m.getCatalogs(), "TABLE_CAT VARCHAR"),
                layout("getSchemas/0", m -> m.getSchemas(), "TABLE_SCHEM VARCHAR, TABLE_CATALOG VARCHAR"),
                layout("getSchemas/2", m -> m.getSchemas(null, null), "TABLE_SCHEM VARCHAR, TABLE_CATALOG VARCHAR"),
                layout("getTableTypes/0", m -> m.getTableTypes(), "TABLE_TYPE VARCHAR"),
                layout("getTables/4", m -> m.getTables(null, null, null, null),
                        "TABLE_CAT VARCHAR, TABLE_SCHEM VARCHAR, TABLE_NAME VARCHAR, "
                        + "TABLE_TYPE VARCHAR, REMARKS VARCHAR, "
                        + "TYPE_CAT VARCHAR, TYPE_SCHEM VARCHAR, TYPE_NAME VARCHAR, SELF_REFERENCING_COL_NAME VARCHAR, "
                        + "REF_GENERATION VARCHAR"),
                layout("getColumns/4", m -> m.getColumns(null, null, null, null),
                        "TABLE_CAT VARCHAR, TABLE_SCHEM VARCHAR, TABLE_NAME VARCHAR, "
                        + "COLUMN_NAME VARCHAR, DATA_TYPE INTEGER, "
                        + "TYPE_NAME VARCHAR, COLUMN_SIZE INTEGER, BUFFER_LENGTH INTEGER, DECIMAL_DIGITS INTEGER, "
                        + "NUM_PREC_RADIX INTEGER, NULLABLE INTEGER, REMARKS VARCHAR, COLUMN_DEF VARCHAR, "
                        + "SQL_DATA_TYPE INTEGER, SQL_DATETIME_SUB INTEGER, CHAR_OCTET_LENGTH INTEGER, "
                        + "ORDINAL_POSITION INTEGER, IS_NULLABLE VARCHAR, SCOPE_CATALOG VARCHAR, SCOPE_SCHEMA VARCHAR, "
                        + "SCOPE_TABLE VARCHAR, SOURCE_DATA_TYPE SMALLINT, IS_AUTOINCREMENT VARCHAR, "
                        + "IS_GENERATEDCOLUMN VARCHAR"),
                layout("getPrimaryKeys/3", m -> m.getPrimaryKeys(null, null, null),
                        "TABLE_CAT VARCHAR, TABLE_SCHEM VARCHAR, TABLE_NAME VARCHAR, COLUMN_NAME VARCHAR, "
                        + "KEY_SEQ SMALLINT, PK_NAME VARCHAR"),
                layout("getImportedKeys/3", m -> m.getImportedKeys(null, null, INVENTORY), FOREIGN_KEYS),
                layout("getExportedKeys/3", m -> m.getExportedKeys(null, null, INVENTORY), FOREIGN_KEYS),
                layout("getCrossReference/6", m -> m.getCrossReference(null, null, "buckets", null, null, INVENTORY),
                        FOREIGN_KEYS),
                layout("getIndexInfo/5", m -> m.getIndexInfo(null, null, null, false, true),
                        "TABLE_CAT VARCHAR, TABLE_SCHEM VARCHAR, TABLE_NAME VARCHAR, NON_UNIQUE BOOLEAN, "
                        + "INDEX_QUALIFIER VARCHAR, INDEX_NAME VARCHAR, TYPE SMALLINT, ORDINAL_POSITION SMALLINT, "
                        + "COLUMN_NAME VARCHAR, ASC_OR_DESC VARCHAR, CARDINALITY BIGINT, PAGES BIGINT, "
                        + "FILTER_CONDITION VARCHAR"),
                layout("getTypeInfo/0", m -> m.getTypeInfo(),
                        "TYPE_NAME VARCHAR, DATA_TYPE INTEGER, PRECISION INTEGER, LITERAL_PREFIX VARCHAR, "
                        + "LITERAL_SUFFIX VARCHAR, CREATE_PARAMS VARCHAR, NULLABLE SMALLINT, CASE_SENSITIVE BOOLEAN, "
                        + "SEARCHABLE SMALLINT, UNSIGNED_ATTRIBUTE BOOLEAN, FIXED_PREC_SCALE BOOLEAN, "
                        + "AUTO_INCREMENT BOOLEAN, LOCAL_TYPE_NAME VARCHAR, MINIMUM_SCALE SMALLINT, "
                        + "MAXIMUM_SCALE SMALLINT, SQL_DATA_TYPE INTEGER, SQL_DATETIME_SUB INTEGER, "
                        + "NUM_PREC_RADIX INTEGER"),
                // The javadoc leaves columns 4-6 unnamed ("reserved for future use"); RESERVED1..3 is our name.
                layout("getProcedures/3", m -> m.getProcedures(null, null, "%"),
                        "PROCEDURE_CAT VARCHAR, PROCEDURE_SCHEM VARCHAR, PROCEDURE_NAME VARCHAR, RESERVED1 VARCHAR, "
                        + "RESERVED2 VARCHAR, RESERVED3 VARCHAR, REMARKS VARCHAR, PROCEDURE_TYPE SMALLINT, "
                        + "SPECIFIC_NAME VARCHAR"),
                layout("getProcedureColumns/4", m -> m.getProcedureColumns(null, null, "%", "%"),
                        "PROCEDURE_CAT VARCHAR, PROCEDURE_SCHEM VARCHAR, PROCEDURE_NAME VARCHAR, COLUMN_NAME VARCHAR, "
                        + "COLUMN_TYPE SMALLINT, DATA_TYPE INTEGER, TYPE_NAME VARCHAR, PRECISION INTEGER, "
                        + "LENGTH INTEGER, SCALE SMALLINT, RADIX SMALLINT, NULLABLE SMALLINT, REMARKS VARCHAR, "
                        + "COLUMN_DEF VARCHAR, SQL_DATA_TYPE INTEGER, SQL_DATETIME_SUB INTEGER, "
                        + "CHAR_OCTET_LENGTH INTEGER, ORDINAL_POSITION INTEGER, IS_NULLABLE VARCHAR, "
                        + "SPECIFIC_NAME VARCHAR"),
                layout("getFunctions/3", m -> m.getFunctions(null, null, "%"),
                        "FUNCTION_CAT VARCHAR, FUNCTION_SCHEM VARCHAR, FUNCTION_NAME VARCHAR, REMARKS VARCHAR, "
                        + "FUNCTION_TYPE SMALLINT, SPECIFIC_NAME VARCHAR"),
                layout("getFunctionColumns/4", m -> m.getFunctionColumns(null, null, "%", "%"),
                        "FUNCTION_CAT VARCHAR, FUNCTION_SCHEM VARCHAR, FUNCTION_NAME VARCHAR, COLUMN_NAME VARCHAR, "
                        + "COLUMN_TYPE SMALLINT, DATA_TYPE INTEGER, TYPE_NAME VARCHAR, PRECISION INTEGER, "
                        + "LENGTH INTEGER, SCALE SMALLINT, RADIX SMALLINT, NULLABLE SMALLINT, REMARKS VARCHAR, "
                        + "CHAR_OCTET_LENGTH INTEGER, ORDINAL_POSITION INTEGER, IS_NULLABLE VARCHAR, "
                        + "SPECIFIC_NAME VARCHAR"),
                layout("getClientInfoProperties/0", m -> m.getClientInfoProperties(),
                        "NAME VARCHAR, MAX_LEN INTEGER, DEFAULT_VALUE VARCHAR, DESCRIPTION VARCHAR"),
                layout("getUDTs/4", m -> m.getUDTs(null, null, "%", null),
                        "TYPE_CAT VARCHAR, TYPE_SCHEM VARCHAR, TYPE_NAME VARCHAR, "
                        + "CLASS_NAME VARCHAR, DATA_TYPE INTEGER, "
                        + "REMARKS VARCHAR, BASE_TYPE SMALLINT"),
                layout("getSuperTypes/3", m -> m.getSuperTypes(null, null, "%"),
                        "TYPE_CAT VARCHAR, TYPE_SCHEM VARCHAR, TYPE_NAME VARCHAR, SUPERTYPE_CAT VARCHAR, "
                        + "SUPERTYPE_SCHEM VARCHAR, SUPERTYPE_NAME VARCHAR"),
                layout("getSuperTables/3", m -> m.getSuperTables(null, null, "%"),
                        "TABLE_CAT VARCHAR, TABLE_SCHEM VARCHAR, TABLE_NAME VARCHAR, SUPERTABLE_NAME VARCHAR"),
                layout("getAttributes/4", m -> m.getAttributes(null, null, "%", "%"),
                        "TYPE_CAT VARCHAR, TYPE_SCHEM VARCHAR, TYPE_NAME VARCHAR, "
                        + "ATTR_NAME VARCHAR, DATA_TYPE INTEGER, "
                        + "ATTR_TYPE_NAME VARCHAR, ATTR_SIZE INTEGER, DECIMAL_DIGITS INTEGER, NUM_PREC_RADIX INTEGER, "
                        + "NULLABLE INTEGER, REMARKS VARCHAR, ATTR_DEF VARCHAR, SQL_DATA_TYPE INTEGER, "
                        + "SQL_DATETIME_SUB INTEGER, CHAR_OCTET_LENGTH INTEGER, ORDINAL_POSITION INTEGER, "
                        + "IS_NULLABLE VARCHAR, SCOPE_CATALOG VARCHAR, SCOPE_SCHEMA VARCHAR, SCOPE_TABLE VARCHAR, "
                        + "SOURCE_DATA_TYPE SMALLINT"),
                layout("getBestRowIdentifier/5",
                        m -> m.getBestRowIdentifier(null, null, INVENTORY, DatabaseMetaData.bestRowSession, false),
                        ROW_IDENTIFIER),
                layout("getVersionColumns/3", m -> m.getVersionColumns(null, null, INVENTORY), ROW_IDENTIFIER),
                layout("getColumnPrivileges/4", m -> m.getColumnPrivileges(null, null, INVENTORY, "%"),
                        "TABLE_CAT VARCHAR, TABLE_SCHEM VARCHAR, TABLE_NAME VARCHAR, "
                        + "COLUMN_NAME VARCHAR, GRANTOR VARCHAR, "
                        + "GRANTEE VARCHAR, PRIVILEGE VARCHAR, IS_GRANTABLE VARCHAR"),
                layout("getTablePrivileges/3", m -> m.getTablePrivileges(null, null, "%"),
                        "TABLE_CAT VARCHAR, TABLE_SCHEM VARCHAR, TABLE_NAME VARCHAR, GRANTOR VARCHAR, GRANTEE VARCHAR, "
                        + "PRIVILEGE VARCHAR, IS_GRANTABLE VARCHAR"),
                layout("getPseudoColumns/4", m -> m.getPseudoColumns(null, null, "%", "%"),
                        "TABLE_CAT VARCHAR, TABLE_SCHEM VARCHAR, TABLE_NAME VARCHAR, "
                        + "COLUMN_NAME VARCHAR, DATA_TYPE INTEGER, "
                        + "COLUMN_SIZE INTEGER, DECIMAL_DIGITS INTEGER, NUM_PREC_RADIX INTEGER, COLUMN_USAGE VARCHAR, "
                        + "REMARKS VARCHAR, CHAR_OCTET_LENGTH INTEGER, IS_NULLABLE VARCHAR"));
    }

    private static final String FOREIGN_KEYS = "PKTABLE_CAT VARCHAR, PKTABLE_SCHEM VARCHAR, PKTABLE_NAME VARCHAR, "
            + "PKCOLUMN_NAME VARCHAR, FKTABLE_CAT VARCHAR, FKTABLE_SCHEM VARCHAR, FKTABLE_NAME VARCHAR, "
            + "FKCOLUMN_NAME VARCHAR, KEY_SEQ SMALLINT, UPDATE_RULE SMALLINT, DELETE_RULE SMALLINT, FK_NAME VARCHAR, "
            + "PK_NAME VARCHAR, DEFERRABILITY SMALLINT";

    private static final String ROW_IDENTIFIER = "SCOPE SMALLINT, COLUMN_NAME VARCHAR, DATA_TYPE INTEGER, "
            + "TYPE_NAME VARCHAR, COLUMN_SIZE INTEGER, BUFFER_LENGTH INTEGER, DECIMAL_DIGITS SMALLINT, "
            + "PSEUDO_COLUMN SMALLINT";

    private static Arguments layout(String method, MetaCall call, String columns) {
        return Arguments.of(method, call, List.of(columns.split(",\\s*")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void resultSetHasTheJavadocLayout(String method, MetaCall call, List<String> expected) throws SQLException {
        try (ResultSet rs = call.apply(md)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> actual = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                actual.add(meta.getColumnLabel(i) + " " + JDBCType.valueOf(meta.getColumnType(i)).getName());
            }
            assertEquals(expected, actual, method);
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    @Test
    void layoutListCoversEveryResultSetMethod() {
        Set<String> listed = layouts().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> required = Arrays.stream(DatabaseMetaData.class.getMethods())
                .filter(m -> m.getReturnType() == ResultSet.class)
                .map(m -> m.getName() + "/" + m.getParameterCount())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(required, listed);
    }

    @Test
    void notApplicableMethodsAreEmpty() throws SQLException {
        List<MetaCall> calls = List.of(
                m -> m.getImportedKeys(null, null, INVENTORY), m -> m.getExportedKeys(null, null, "buckets"),
                m -> m.getCrossReference(null, null, "buckets", null, null, INVENTORY),
                m -> m.getProcedures(null, null, "%"), m -> m.getProcedureColumns(null, null, "%", "%"),
                m -> m.getFunctions(null, null, "%"), m -> m.getFunctionColumns(null, null, "%", "%"),
                m -> m.getClientInfoProperties(), m -> m.getUDTs(null, null, "%", null),
                m -> m.getSuperTypes(null, null, "%"), m -> m.getSuperTables(null, null, "%"),
                m -> m.getAttributes(null, null, "%", "%"), m -> m.getVersionColumns(null, null, INVENTORY),
                m -> m.getColumnPrivileges(null, null, INVENTORY, "%"), m -> m.getTablePrivileges(null, null, "%"),
                m -> m.getPseudoColumns(null, null, "%", "%"));
        for (MetaCall call : calls) {
            try (ResultSet rs = call.apply(md)) {
                assertFalse(rs.next());
            }
        }
    }

    // ---- content ----

    @Test
    void catalogsSchemasAndTableTypes() throws SQLException {
        assertEquals(List.of(List.of("aws")), rows(md.getCatalogs(), "TABLE_CAT"));
        assertEquals(List.of(List.of("s3", "aws")), rows(md.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"));
        assertEquals(1, rows(md.getSchemas("aws", "s%"), "TABLE_SCHEM").size());
        assertEquals(1, rows(md.getSchemas("AWS", "S3"), "TABLE_SCHEM").size());
        assertEquals(0, rows(md.getSchemas("other", null), "TABLE_SCHEM").size());
        assertEquals(0, rows(md.getSchemas("", null), "TABLE_SCHEM").size());
        assertEquals(0, rows(md.getSchemas(null, "x%"), "TABLE_SCHEM").size());
        assertEquals(List.of(List.of("TABLE")), rows(md.getTableTypes(), "TABLE_TYPE"));
    }

    @Test
    void tablesAreSortedAndDescribed() throws SQLException {
        List<List<Object>> tables = rows(md.getTables(null, null, "%", null),
                "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "REF_GENERATION");
        assertEquals(List.of(
                Arrays.asList("aws", "s3", INVENTORY, "TABLE", Catalog.INVENTORY_CONFIGURATIONS.remarks(), null),
                Arrays.asList("aws", "s3", "buckets", "TABLE", Catalog.BUCKETS.remarks(), null)), tables);
    }

    @Test
    void tablesHonourPatternsCatalogsAndTypes() throws SQLException {
        // DBeaver escapes '_' with getSearchStringEscape(); sqlline asks for {"TABLE"} only.
        assertEquals(List.of(List.of(INVENTORY)), tableNames("aws", "s3", "bucket\\_inventory\\_configurations", null));
        assertEquals(List.of(List.of("buckets")), tableNames(null, null, "BUCKETS", null));
        assertEquals(2, tableNames(null, null, null, null).size());
        assertEquals(2, tableNames(null, null, "bucket%", new String[] {"TABLE"}).size());
        assertEquals(2, tableNames(null, null, "%", new String[] {"VIEW", "table"}).size());
        assertEquals(0, tableNames(null, null, "%", new String[] {"VIEW"}).size());
        assertEquals(0, tableNames(null, null, "%", new String[0]).size());
        assertEquals(2, tableNames("aws", null, "%", null).size());
        assertEquals(2, tableNames("AWS", "S3", "%", null).size());
        assertEquals(0, tableNames("", null, "%", null).size(), "\"\" means objects without a catalog");
        assertEquals(0, tableNames("other", null, "%", null).size());
        assertEquals(0, tableNames(null, "", "%", null).size(), "\"\" means objects without a schema");
        assertEquals(0, tableNames(null, "other", "%", null).size());
        assertEquals(0, tableNames(null, null, "DBEAVERFAKETABLENAMEFORPING", null).size());
        assertEquals(0, tableNames(null, null, "buckets\\", null).size(), "a lone trailing escape matches nothing");
        assertFalse(S3InventoryDatabaseMetaData.matches("bucket\\_x", "bucketax"), "an escaped _ is literal");
        assertTrue(S3InventoryDatabaseMetaData.matches("bucket_x", "bucketax"));
    }

    @Test
    void columnsOfOneTableFollowTheCatalog() throws SQLException {
        TableDef table = Catalog.INVENTORY_CONFIGURATIONS;
        try (ResultSet rs = md.getColumns("aws", "s3", "bucket\\_inventory\\_configurations", "%")) {
            for (int i = 0; i < table.columns().size(); i++) {
                Column column = table.column(i);
                assertTrue(rs.next(), column.name());
                assertEquals("aws", rs.getString("TABLE_CAT"));
                assertEquals("s3", rs.getString("TABLE_SCHEM"));
                assertEquals(INVENTORY, rs.getString("TABLE_NAME"));
                assertEquals(column.name(), rs.getString("COLUMN_NAME"));
                assertEquals(column.type().jdbcType(), rs.getInt("DATA_TYPE"));
                assertEquals(JDBCType.valueOf(rs.getInt("DATA_TYPE")).getName(), rs.getString("TYPE_NAME"));
                assertEquals(column.type().precision(), rs.getInt("COLUMN_SIZE"));
                assertEquals(i + 1, rs.getInt("ORDINAL_POSITION"));
                assertEquals(column.remarks(), rs.getString("REMARKS"));
                int nullable = column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls;
                assertEquals(nullable, rs.getInt("NULLABLE"));
                assertEquals(column.nullable(), rs.getBoolean("NULLABLE"), "Spring reads NULLABLE with getBoolean");
                assertEquals(column.nullable() ? "YES" : "NO", rs.getString("IS_NULLABLE"));
                assertEquals("NO", rs.getString("IS_AUTOINCREMENT"));
                assertEquals("NO", rs.getString("IS_GENERATEDCOLUMN"));
            }
            assertFalse(rs.next(), "only the requested table");
        }
    }

    @Test
    void columnsHonourColumnPatternAndSortByTable() throws SQLException {
        assertEquals(List.of(List.of(INVENTORY, "region", 3), List.of("buckets", "region", 2)),
                rows(md.getColumns(null, null, "%", "REGION"), "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION"));
        assertEquals(Catalog.INVENTORY_CONFIGURATIONS.columns().size() + Catalog.BUCKETS.columns().size(),
                rows(md.getColumns(null, null, null, null), "COLUMN_NAME").size());
        assertEquals(0, rows(md.getColumns("other", null, "%", "%"), "COLUMN_NAME").size());
        assertEquals(List.of(List.of("creation_date", Types.TIMESTAMP, "TIMESTAMP", 6, "YES")),
                rows(md.getColumns(null, null, "buckets", "creation\\_date"),
                        "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "DECIMAL_DIGITS", "IS_NULLABLE"));
        assertEquals(List.of(List.of("is_enabled", Types.BOOLEAN, "BOOLEAN", "NO")),
                rows(md.getColumns(null, null, INVENTORY, "is_enabled"),
                        "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "IS_NULLABLE"));
    }

    @Test
    void primaryKeys() throws SQLException {
        String pk = "pk_bucket_inventory_configurations";
        List<List<Object>> inventory = List.of(List.of(INVENTORY, "bucket", (short) 1, pk),
                List.of(INVENTORY, "id", (short) 2, pk));
        assertEquals(inventory, primaryKeys(null, null, INVENTORY));
        assertEquals(inventory, primaryKeys("aws", "s3", "bucket\\_inventory\\_configurations"));
        assertEquals(List.of(List.of("buckets", "name", (short) 1, "pk_buckets")), primaryKeys("aws", "s3", "buckets"));
        // DBeaver passes "%" when it loads a whole schema.
        assertEquals(3, primaryKeys(null, "s3", "%").size());
        assertEquals(3, primaryKeys(null, null, null).size());
        assertEquals(0, primaryKeys(null, null, "nope").size());
        assertEquals(0, primaryKeys("other", null, INVENTORY).size());
    }

    @Test
    void indexInfoMirrorsThePrimaryKey() throws SQLException {
        for (boolean unique : new boolean[] {true, false}) {
            assertEquals(List.of(
                    List.of(INVENTORY, false, "pk_bucket_inventory_configurations", (short) 1, "bucket"),
                    List.of(INVENTORY, false, "pk_bucket_inventory_configurations", (short) 2, "id")),
                    rows(md.getIndexInfo(null, null, INVENTORY, unique, true),
                            "TABLE_NAME", "NON_UNIQUE", "INDEX_NAME", "ORDINAL_POSITION", "COLUMN_NAME"));
        }
        assertEquals(3, rows(md.getIndexInfo(null, null, "%", false, true), "COLUMN_NAME").size());
    }

    @Test
    void bestRowIdentifierIsThePrimaryKey() throws SQLException {
        assertEquals(List.of(List.of((short) DatabaseMetaData.bestRowSession, "bucket", Types.VARCHAR),
                List.of((short) DatabaseMetaData.bestRowSession, "id", Types.VARCHAR)),
                rows(md.getBestRowIdentifier(null, null, INVENTORY, DatabaseMetaData.bestRowTemporary, true),
                        "SCOPE", "COLUMN_NAME", "DATA_TYPE"));
        assertEquals(0, rows(md.getBestRowIdentifier(null, null, "%", 0, true), "COLUMN_NAME").size(),
                "ambiguous without a table column");
    }

    @Test
    void typeInfoHasEveryTableTypeSortedByDataType() throws SQLException {
        List<List<Object>> types = rows(md.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
        List<Integer> codes = types.stream().map(r -> (Integer) r.get(1)).toList();
        assertEquals(codes.stream().sorted().toList(), codes);
        for (List<Object> row : types) {
            assertEquals(JDBCType.valueOf((Integer) row.get(1)).getName(), row.get(0));
        }
        assertFalse(codes.contains(Types.NULL));
        for (TableDef table : Catalog.TABLES) {
            for (Column column : table.columns()) {
                assertTrue(codes.contains(column.type().jdbcType()), column.name());
            }
        }
    }

    // ---- scalars ----

    @Test
    void identity() throws SQLException {
        assertEquals("S3 Inventory", md.getDatabaseProductName());
        assertEquals("s3inventory-jdbc", md.getDriverName());
        assertEquals(DriverVersion.version(), md.getDriverVersion());
        assertEquals(DriverVersion.version(), md.getDatabaseProductVersion());
        assertTrue(md.getDriverVersion().startsWith(md.getDriverMajorVersion() + "." + md.getDriverMinorVersion()));
        assertEquals(md.getDriverMajorVersion(), md.getDatabaseMajorVersion());
        assertEquals(md.getDriverMinorVersion(), md.getDatabaseMinorVersion());
        assertEquals(4, md.getJDBCMajorVersion());
        assertEquals(3, md.getJDBCMinorVersion());
        assertEquals("jdbc:s3inventory:?region=eu-west-1", md.getURL());
        assertEquals("AKIDEXAMPLE", md.getUserName());
        assertSame(connection, md.getConnection());
    }

    /** The lead's pom filters {@code version=${project.version}} into this resource. */
    @Test
    void versionComesFromTheFilteredResource() throws Exception {
        String expected = "0.0.0";
        try (var in = getClass().getResourceAsStream("/dev/s3inventory/driver.properties")) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                expected = properties.getProperty("version", expected);
            }
        }
        assertEquals(expected, md.getDriverVersion());
        assertTrue(md.getDriverVersion().matches("\\d+\\.\\d+.*"), md.getDriverVersion());
    }

    @Test
    void isReadOnlyFollowsTheConnection() throws SQLException {
        assertFalse(md.isReadOnly());
        readOnly.set(true);
        assertTrue(md.isReadOnly());
    }

    @Test
    void dialectAndCapabilityChoices() throws SQLException {
        assertEquals("\"", md.getIdentifierQuoteString());
        assertEquals("\\", md.getSearchStringEscape());
        assertEquals(".", md.getCatalogSeparator());
        assertTrue(md.isCatalogAtStart());
        assertTrue(md.storesLowerCaseIdentifiers());
        assertFalse(md.storesUpperCaseIdentifiers() || md.storesMixedCaseIdentifiers());
        assertFalse(md.supportsMixedCaseIdentifiers() || md.supportsMixedCaseQuotedIdentifiers());
        assertTrue(md.supportsCatalogsInDataManipulation() && md.supportsSchemasInDataManipulation());
        assertFalse(md.supportsTransactions());
        assertEquals(Connection.TRANSACTION_NONE, md.getDefaultTransactionIsolation());
        assertTrue(md.supportsBatchUpdates());
        assertFalse(md.supportsGetGeneratedKeys());
        assertTrue(md.nullsAreSortedLow());
        assertFalse(md.nullsAreSortedHigh() || md.nullsAreSortedAtStart() || md.nullsAreSortedAtEnd());
        // what the dialect runs (DialectDifferentialTest): every kind of subquery, derived tables, LEFT JOIN
        assertTrue(md.supportsSubqueriesInIns() && md.supportsSubqueriesInExists());
        assertTrue(md.supportsCorrelatedSubqueries() && md.supportsSubqueriesInComparisons()
                && md.supportsSubqueriesInQuantifieds());
        assertTrue(md.supportsOuterJoins() && md.supportsLimitedOuterJoins());
        assertFalse(md.supportsFullOuterJoins());
        assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, md.getResultSetHoldability());
        assertEquals(java.sql.RowIdLifetime.ROWID_UNSUPPORTED, md.getRowIdLifetime());
        assertTrue(md.getStringFunctions().contains("LOWER"));
        // sqlline splits the keyword list on ',' and DBeaver adds each word as a keyword.
        for (String keyword : md.getSQLKeywords().split(",")) {
            assertTrue(keyword.matches("[A-Z]+"), keyword);
        }
    }

    @Test
    void levelAndTypeScalarsAcceptOnlyWhatIsImplemented() throws SQLException {
        int[] levels = {Connection.TRANSACTION_NONE, Connection.TRANSACTION_READ_UNCOMMITTED,
            Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE};
        for (int level : levels) {
            assertEquals(level == Connection.TRANSACTION_NONE, md.supportsTransactionIsolationLevel(level));
        }
        int[] types = {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.TYPE_SCROLL_SENSITIVE};
        for (int type : types) {
            boolean forwardOnly = type == ResultSet.TYPE_FORWARD_ONLY;
            assertEquals(forwardOnly, md.supportsResultSetType(type));
            assertEquals(forwardOnly, md.supportsResultSetConcurrency(type, ResultSet.CONCUR_READ_ONLY));
            assertFalse(md.supportsResultSetConcurrency(type, ResultSet.CONCUR_UPDATABLE));
            assertFalse(md.ownUpdatesAreVisible(type) || md.othersInsertsAreVisible(type));
            assertFalse(md.deletesAreDetected(type));
        }
        assertTrue(md.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
        assertFalse(md.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
        assertFalse(md.supportsConvert(Types.VARCHAR, Types.INTEGER));
    }

    /** sqlline's !dbinfo invokes about 80 of these reflectively; none may throw, even after close. */
    @ParameterizedTest(name = "closed={0}")
    @ValueSource(booleans = {false, true})
    void everyNoArgScalarMethodAnswers(boolean connectionClosed) throws Exception {
        closed.set(connectionClosed);
        int invoked = 0;
        for (Method m : DatabaseMetaData.class.getMethods()) {
            if (m.getParameterCount() != 0 || m.getReturnType() == ResultSet.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(md);
            } catch (InvocationTargetException e) {
                throw new AssertionError(m.getName() + " threw " + e.getCause(), e.getCause());
            }
            if (m.getReturnType() == String.class && !m.getName().equals("getUserName")) {
                assertNotNull(value, m.getName());
            }
            invoked++;
        }
        assertTrue(invoked > 80, "invoked " + invoked);
    }

    /** sqlline's !tables/!columns/!primarykeys/!metadata look the method up among the class's declared methods. */
    @Test
    void classDeclaresEveryMetaDataMethodItself() {
        Set<String> declared = Arrays.stream(S3InventoryDatabaseMetaData.class.getDeclaredMethods())
                .map(DatabaseMetaDataTest::signature).collect(Collectors.toSet());
        assertTrue(declared.containsAll(List.of("getTables/4", "getColumns/4", "getPrimaryKeys/3")));
        for (Method m : DatabaseMetaData.class.getMethods()) {
            if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                assertTrue(declared.contains(signature(m)), "not declared: " + signature(m));
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "%", "_", "\\", "bucket\\", "x\\%", "[a-z]*", "(", "AWS"})
    void resultSetMethodsNeverThrowOnOddArguments(String argument) throws Exception {
        for (String value : Arrays.asList(argument, null)) {
            for (Method m : resultSetMethods()) {
                try (ResultSet rs = (ResultSet) m.invoke(md, arguments(m, value))) {
                    assertNotNull(rs, m.getName());
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                } catch (InvocationTargetException e) {
                    fail(m.getName() + "(" + value + ") threw " + e.getCause(), e.getCause());
                }
            }
        }
    }

    @Test
    void resultSetMethodsOnAClosedConnectionThrow08003() throws Exception {
        closed.set(true);
        for (Method m : resultSetMethods()) {
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> m.invoke(md, arguments(m, null)), m.getName());
            assertTrue(e.getCause() instanceof SQLException, m.getName() + " threw " + e.getCause());
            assertEquals("08003", ((SQLException) e.getCause()).getSQLState(), m.getName());
        }
    }

    @Test
    void wrapper() throws SQLException {
        assertTrue(md.isWrapperFor(DatabaseMetaData.class));
        assertFalse(md.isWrapperFor(Connection.class));
        assertFalse(md.isWrapperFor(null));
        assertSame(md, md.unwrap(S3InventoryDatabaseMetaData.class));
        assertThrows(SQLException.class, () -> md.unwrap(Connection.class));
    }

    @Test
    void metadataColumnNullabilityComesFromTheLayout() throws SQLException {
        try (ResultSet rs = md.getTables(null, null, "%", null)) {
            ResultSetMetaData meta = rs.getMetaData();
            assertEquals(ResultSetMetaData.columnNullable, meta.isNullable(1), "TABLE_CAT may be null");
            assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(3), "TABLE_NAME");
        }
        assertEquals("IS_GENERATEDCOLUMN", MetadataRows.label("isGeneratedcolumn"));
        assertEquals("RESERVED1", MetadataRows.label("reserved1"));
    }

    // ---- helpers ----

    private List<List<Object>> tableNames(String catalog, String schema, String table, String[] types)
            throws SQLException {
        return rows(md.getTables(catalog, schema, table, types), "TABLE_NAME");
    }

    private List<List<Object>> primaryKeys(String catalog, String schema, String table) throws SQLException {
        return rows(md.getPrimaryKeys(catalog, schema, table), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
    }

    /** The named columns of every row, read by label as DBeaver does. */
    private static List<List<Object>> rows(ResultSet rs, String... labels) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (String label : labels) {
                    row.add(rs.getObject(label));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Method> resultSetMethods() {
        return Arrays.stream(DatabaseMetaData.class.getMethods())
                .filter(m -> m.getReturnType() == ResultSet.class)
                .toList();
    }

    /** Arguments for a metadata method: {@code value} for every String, neutral values for the rest. */
    private static Object[] arguments(Method m, String value) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class) {
                args[i] = value;
            } else if (types[i] == int.class) {
                args[i] = 0;
            } else if (types[i] == boolean.class) {
                args[i] = false;
            }
        }
        return args;
    }

    private static String signature(Method m) {
        return m.getName() + "/" + m.getParameterCount();
    }

    /** A Connection whose isClosed and isReadOnly follow the flags; every other method returns a default. */
    private static Connection fakeConnection(AtomicBoolean closed, AtomicBoolean readOnly) {
        return (Connection) Proxy.newProxyInstance(DatabaseMetaDataTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "isClosed":
                            return closed.get();
                        case "isReadOnly":
                            return readOnly.get();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "fake connection";
                        default:
                            Class<?> type = method.getReturnType();
                            if (type == boolean.class) {
                                return false;
                            }
                            return type == int.class ? 0 : null;
                    }
                });
    }
}
