package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Replays, call for call, what DBeaver's Generic JDBC driver does with a user-defined driver
 * (jdbc-client-checklist.md section 1): connect and context setup, dialect and data-source info, the
 * navigator, the data tab with setMaxRows paging (the whole query re-executed per page, earlier rows
 * skipped), filter and sort, the row count, the SQL editor with its count and filter wrappers, and grid
 * edits turned into prepared INSERT/UPDATE/DELETE with DBeaver's exact SQL text and a re-read by key.
 * Every SQL string below is the one DBeaver builds: {@code \n} before WHERE and ORDER BY, {@code \n\t}
 * in DML, parenthesised constraints. Run by DbeaverGenericIT in a child JVM with the -all jar.
 *
 * <p>Arguments: JDBC URL without credentials, user, password, bucket-name prefix, number of seeded
 * configurations, a bucket with no configuration (for grid inserts).
 */
public final class DbeaverGenericScenario {
    /** DBeaver's result-set page size is 200; a small one makes paging visible on a small estate. */
    private static final int PAGE = 4;

    private final String prefix;
    private final int configurations;
    private final String editBucket;
    private String fqName;

    private DbeaverGenericScenario(String prefix, int configurations, String editBucket) {
        this.prefix = prefix;
        this.configurations = configurations;
        this.editBucket = editBucket;
    }

    public static void main(String[] args) throws Exception {
        DbeaverGenericScenario s = new DbeaverGenericScenario(args[3], Integer.parseInt(args[4]), args[5]);
        try (Connection c = s.connect(args[0], args[1], args[2])) {
            s.dialectAndDataSourceInfo(c);
            s.navigator(c);
            s.dataTabWithPaging(c);
            s.filterSortAndRowCount(c);
            s.sqlEditor(c);
            s.gridEdits(c);
            s.closeSession(c);
        }
        s.readOnlyConnection(args[0], args[1], args[2]);
        System.out.println("DBEAVER OK");
    }

    // ---- 1.1 connect ----

    private Connection connect(String url, String user, String password) throws SQLException {
        Driver driver = DriverManager.getDriver(url);
        assertTrue(driver.acceptsURL(url));
        DriverPropertyInfo[] info = driver.getPropertyInfo(url, new Properties()); // Driver properties tab
        assertTrue(info.length > 5);
        for (DriverPropertyInfo p : info) {
            assertFalse(p.name.equals("password") && p.value != null, "secrets are never shown");
        }
        Properties props = new Properties();
        props.setProperty("user", user); // DBeaver's User and Password fields
        props.setProperty("password", password);
        Connection c = driver.connect(url, props);
        assertNotNull(c, "null would be 'Invalid JDBC URL'");
        c.setReadOnly(false); // outside any try/catch in DBeaver: must not throw
        c.setAutoCommit(true);
        assertTrue(c.getAutoCommit(), "a throw or false would put DBeaver into manual-commit mode");
        DatabaseMetaData md = c.getMetaData();
        md.getDatabaseMajorVersion(); // server version, Throwable caught
        md.getDatabaseMinorVersion();
        return c;
    }

    // ---- 1.1 steps 6-9: dialect, data-source info, catalogs and schemas, default catalog/schema ----

    private void dialectAndDataSourceInfo(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        assertEquals("\"", md.getIdentifierQuoteString().trim());
        md.getSQLStateType();
        boolean subqueries = md.supportsCorrelatedSubqueries() || md.supportsSubqueriesInComparisons()
                || md.supportsSubqueriesInExists() || md.supportsSubqueriesInIns() || md.supportsSubqueriesInQuantifieds();
        assertTrue(subqueries, "derived tables work, so DBeaver may wrap queries");
        md.supportsMixedCaseIdentifiers();
        md.supportsMixedCaseQuotedIdentifiers();
        assertTrue(md.storesLowerCaseIdentifiers(), "lower-case names then need no quotes");
        assertFalse(md.storesUpperCaseIdentifiers());
        md.storesMixedCaseIdentifiers();
        md.storesLowerCaseQuotedIdentifiers();
        md.storesUpperCaseQuotedIdentifiers();
        md.storesMixedCaseQuotedIdentifiers();
        assertEquals("\\", md.getSearchStringEscape());
        assertEquals(".", md.getCatalogSeparator());
        md.supportsCatalogsInTableDefinitions();
        md.supportsCatalogsInProcedureCalls();
        md.supportsCatalogsInIndexDefinitions();
        md.supportsCatalogsInPrivilegeDefinitions();
        md.supportsSchemasInTableDefinitions();
        md.supportsSchemasInProcedureCalls();
        md.supportsSchemasInIndexDefinitions();
        md.supportsSchemasInPrivilegeDefinitions();
        assertNotNull(md.getExtraNameCharacters());
        md.isCatalogAtStart();
        for (String list : new String[] {md.getSQLKeywords(), md.getNumericFunctions(), md.getStringFunctions(),
            md.getSystemFunctions(), md.getTimeDateFunctions()}) {
            assertNotNull(list, "a null keyword or function list leaves DBeaver's dialect half-initialised");
        }
        md.isReadOnly();
        for (String s : new String[] {md.getDatabaseProductName(), md.getDatabaseProductVersion(), md.getDriverName(),
            md.getDriverVersion(), md.getSchemaTerm(), md.getProcedureTerm(), md.getCatalogTerm()}) {
            assertNotNull(s);
        }
        md.supportsBatchUpdates();
        assertFalse(md.supportsTransactions(), "DBeaver reads a throw as true");
        for (int level : new int[] {Connection.TRANSACTION_NONE, Connection.TRANSACTION_READ_UNCOMMITTED,
            Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE}) {
            md.supportsTransactionIsolationLevel(level);
        }
        int types = 0;
        try (ResultSet rs = md.getTypeInfo()) {
            while (rs.next()) {
                assertNotNull(rs.getString("TYPE_NAME"));
                rs.getInt("DATA_TYPE");
                rs.getInt("PRECISION");
                rs.getString("LITERAL_PREFIX");
                rs.getBoolean("UNSIGNED_ATTRIBUTE");
                rs.getShort("SEARCHABLE");
                types++;
            }
        }
        assertTrue(types >= 3);
        List<String> catalogs = strings(md.getCatalogs(), "TABLE_CAT");
        assertEquals(List.of("aws"), catalogs);
        List<String> schemas = strings(md.getSchemas(catalogs.get(0), "%"), "TABLE_SCHEM");
        assertEquals(List.of("s3"), schemas);
        assertEquals("aws", c.getCatalog());
        assertEquals("s3", c.getSchema());
        // DBeaver copies the defaults into each new context (SQL editor): setCatalog/setSchema must not throw
        c.setCatalog(c.getCatalog());
        c.setSchema(c.getSchema());
        // ping
        assertFalse(c.isClosed());
        assertTrue(c.isValid(5));
        // catalog and schema are prefixed in DML: supportsCatalogs/SchemasInDataManipulation
        assertTrue(md.supportsCatalogsInDataManipulation() && md.supportsSchemasInDataManipulation());
        fqName = "aws.s3.bucket_inventory_configurations";
    }

    // ---- 1.2 navigator ----

    private void navigator(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables("aws", "s3", "%", null)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
                assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                assertEquals("s3", rs.getString("TABLE_SCHEM"));
                rs.getString("REMARKS");
            }
        }
        assertEquals(List.of("bucket_inventory_configurations", "buckets"), tables);
        assertEquals(List.of("TABLE"), strings(md.getTableTypes(), "TABLE_TYPE"));
        // expand a table: names arrive escaped with getSearchStringEscape(); every row DBeaver gets is
        // attached to the table it asked for, so none of another table may come back
        int columns = 0;
        try (ResultSet rs = md.getColumns("aws", "s3", "bucket\\_inventory\\_configurations", "%")) {
            while (rs.next()) {
                assertEquals("bucket_inventory_configurations", rs.getString("TABLE_NAME"));
                rs.getString("COLUMN_NAME");
                int dataType = rs.getInt("DATA_TYPE");
                rs.getShort("SOURCE_DATA_TYPE");
                String typeName = rs.getString("TYPE_NAME");
                assertTrue(dataType == Types.VARCHAR && typeName.equals("VARCHAR")
                        || dataType == Types.BOOLEAN && typeName.equals("BOOLEAN"), typeName);
                rs.getInt("COLUMN_SIZE");
                rs.getInt("NULLABLE");
                rs.getInt("DECIMAL_DIGITS");
                rs.getInt("NUM_PREC_RADIX");
                rs.getString("COLUMN_DEF");
                rs.getString("REMARKS");
                rs.getInt("CHAR_OCTET_LENGTH");
                assertEquals(++columns, rs.getInt("ORDINAL_POSITION"));
                assertEquals("NO", rs.getString("IS_AUTOINCREMENT"));
                assertEquals("NO", rs.getString("IS_GENERATEDCOLUMN"));
            }
        }
        assertEquals(15, columns);
        // keys enable grid editing; "%" when a whole container is loaded
        List<String> key = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys("aws", "s3", "bucket_inventory_configurations")) {
            while (rs.next()) {
                key.add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME"));
                assertEquals("pk_bucket_inventory_configurations", rs.getString("PK_NAME"));
                assertEquals("bucket_inventory_configurations", rs.getString("TABLE_NAME"));
            }
        }
        assertEquals(List.of("1:bucket", "2:id"), key);
        assertEquals(3, strings(md.getPrimaryKeys("aws", "s3", "%"), "COLUMN_NAME").size(), "(bucket, id) and (name)");
        try (ResultSet rs = md.getIndexInfo("aws", "s3", "%", false, true)) {
            while (rs.next()) {
                rs.getBoolean("NON_UNIQUE");
                rs.getString("INDEX_QUALIFIER");
                rs.getString("INDEX_NAME");
                rs.getShort("TYPE");
                rs.getShort("ORDINAL_POSITION");
                rs.getString("COLUMN_NAME");
                rs.getString("ASC_OR_DESC");
                rs.getLong("CARDINALITY");
            }
        }
        assertEquals(List.of(), strings(md.getImportedKeys("aws", "s3", "%"), "FK_NAME"));
        assertEquals(List.of(), strings(md.getExportedKeys("aws", "s3", "buckets"), "FK_NAME"));
        assertEquals(List.of(), strings(md.getFunctions("aws", "s3", "%"), "FUNCTION_NAME"));
        assertEquals(List.of(), strings(md.getProcedures("aws", "s3", "%"), "PROCEDURE_NAME"),
                "getProcedures must answer: DBeaver rethrows its errors");
        // SQL autocomplete / find object, and the ping fallback
        assertEquals(List.of("buckets"), strings(md.getTables("aws", "s3", "buckets%", null), "TABLE_NAME"));
        assertEquals(List.of(), strings(md.getTables(null, null, "DBEAVERFAKETABLENAMEFORPING", null), "TABLE_NAME"));
        // row count property of the table
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + fqName)) {
            assertTrue(rs.next());
            assertTrue(rs.getObject(1) instanceof Number);
        }
    }

    // ---- 1.3 data tab: no LIMIT, setMaxRows(offset + page), re-executed per page ----

    private List<List<Object>> readPage(Connection c, String sql, int offset) throws SQLException {
        try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setMaxRows(offset + PAGE);
            st.setFetchSize(offset + PAGE);
            assertTrue(st.execute(sql));
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    assertNotNull(md.getColumnLabel(i), "read without try/catch");
                    assertNotNull(md.getColumnName(i));
                    md.isWritable(i);
                    md.getTableName(i);
                    md.getCatalogName(i);
                    md.getSchemaName(i);
                    md.isNullable(i);
                    md.getColumnDisplaySize(i);
                    md.getColumnTypeName(i);
                    md.getColumnType(i);
                    md.isAutoIncrement(i);
                    md.getPrecision(i);
                    md.getScale(i);
                }
                rs.isBeforeFirst();
                for (int skipped = 0; skipped < offset; skipped++) { // scrollResultSet with forceFetch
                    if (!rs.next()) {
                        return List.of();
                    }
                }
                List<List<Object>> page = new ArrayList<>();
                while (page.size() < PAGE && rs.next()) {
                    page.add(values(rs, md));
                }
                return page;
            }
        }
    }

    /** How DBeaver's value handlers read each column type. */
    private static List<Object> values(ResultSet rs, ResultSetMetaData md) throws SQLException {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            switch (md.getColumnType(i)) {
                case Types.BOOLEAN -> {
                    boolean b = rs.getBoolean(i);
                    row.add(rs.wasNull() ? null : b);
                }
                case Types.TIMESTAMP -> row.add(rs.getTimestamp(i));
                case Types.BIGINT -> {
                    long l = rs.getLong(i);
                    row.add(rs.wasNull() ? null : l);
                }
                default -> row.add(rs.getObject(i)); // strings are read with getObject
            }
        }
        return row;
    }

    private List<List<Object>> allPages(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<List<Object>> page = readPage(c, sql, offset);
            rows.addAll(page);
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }

    private void dataTabWithPaging(Connection c) throws SQLException {
        // the unfiltered data tab: the first page only, as DBeaver shows it
        List<List<Object>> first = readPage(c, "SELECT * FROM " + fqName, 0);
        assertEquals(PAGE, first.size(), "setMaxRows caps the first page");
        // a filtered table, paged to the end: pages must join up into exactly the whole result
        String sql = "SELECT * FROM " + fqName + "\nWHERE bucket LIKE '" + prefix + "%'";
        List<List<Object>> paged = allPages(c, sql);
        List<List<Object>> whole = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                whole.add(values(rs, rs.getMetaData()));
            }
        }
        assertEquals(configurations, whole.size());
        assertEquals(whole, paged, "re-executed pages are consistent");
    }

    // ---- 1.4 filter and sort; "calculate total row count" ----

    private void filterSortAndRowCount(Connection c) throws SQLException {
        String sql = "SELECT * FROM " + fqName + "\nWHERE (bucket LIKE '" + prefix + "%') AND (is_enabled = true)"
                + " AND (destination_format IN ('CSV','Parquet')) AND (filter_prefix IS NULL)"
                + " AND (schedule_frequency <> 'Weekly') AND (\"region\" >= 'a')"
                + " AND (optional_fields LIKE '%Size%' OR optional_fields IS NULL)" // free text, verbatim
                + "\nORDER BY id DESC,1";
        List<List<Object>> rows = allPages(c, sql);
        assertFalse(rows.isEmpty());
        for (int i = 1; i < rows.size(); i++) {
            String previous = (String) rows.get(i - 1).get(1);
            String id = (String) rows.get(i).get(1);
            assertTrue(previous.compareTo(id) >= 0, "ORDER BY id DESC: " + previous + " then " + id);
            assertEquals(true, rows.get(i).get(3));
        }
        long count;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + fqName + "\nWHERE bucket LIKE '" + prefix + "%'")) {
            assertTrue(rs.next());
            count = ((Number) rs.getObject(1)).longValue();
        }
        assertEquals(configurations, count);
    }

    // ---- 1.6 SQL editor, with DBeaver's count and filter wrappers around custom SQL ----

    private void sqlEditor(Connection c) throws SQLException {
        String query = "SELECT bucket, id, destination_format FROM aws.s3.bucket_inventory_configurations "
                + "WHERE bucket LIKE '" + prefix + "%'";
        try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setMaxRows(200);
            st.setFetchSize(200);
            st.setQueryTimeout(0);
            assertTrue(st.execute(query));
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                // plain column references name their table: DBeaver can then edit SQL-editor results
                assertEquals("bucket_inventory_configurations", md.getTableName(1));
                assertEquals("s3", md.getSchemaName(2));
                assertEquals("aws", md.getCatalogName(3));
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(configurations, n);
            }
            assertEquals(-1L, st.getLargeUpdateCount());
        }
        long counted = single(c, "SELECT COUNT(*) FROM (" + query + "\n) dbvrcnt");
        assertEquals(configurations, counted);
        try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ResultSet rs = st.executeQuery("SELECT * FROM (\n" + query + "\n) z_q WHERE z_q.destination_format = "
                        + "'CSV' ORDER BY z_q.id")) {
            while (rs.next()) {
                assertEquals("CSV", rs.getString(3));
            }
        }
    }

    // ---- 1.5 grid edits: prepared DML with DBeaver's text, then the row re-read by key ----

    private void gridEdits(Connection c) throws SQLException {
        String arn = "arn:aws:s3:::" + editBucket + "-reports";
        for (String id : List.of("grid", "grid-kept")) {
            // NULL-valued columns are left out of DBeaver's INSERT
            long inserted = dml(c, "INSERT INTO " + fqName + " (bucket,id,destination_bucket_arn,destination_format,"
                    + "schedule_frequency,filter_prefix)\n\tVALUES (?,?,?,?,?,?)", ps -> {
                        ps.setString(1, editBucket);
                        ps.setString(2, id);
                        ps.setString(3, arn);
                        ps.setString(4, "CSV");
                        ps.setString(5, "Daily");
                        ps.setString(6, "logs/");
                    });
            assertEquals(1, inserted);
            assertEquals(1, refresh(c, id).size());
        }
        long updated = dml(c, "UPDATE " + fqName + "\n\tSET is_enabled=?,destination_format=?,filter_prefix=?"
                + "\n\tWHERE bucket=? AND id=?", ps -> {
                    ps.setBoolean(1, false);
                    ps.setString(2, "ORC");
                    ps.setNull(3, Types.VARCHAR); // setNull with the column's DATA_TYPE
                    ps.setString(4, editBucket);
                    ps.setString(5, "grid-kept");
                });
        assertEquals(1, updated);
        List<Object> row = refresh(c, "grid-kept").get(0);
        assertEquals(List.of(false, "ORC"), List.of(row.get(3), row.get(9)));
        assertEquals(null, row.get(6), "filter_prefix set to NULL");
        long deleted = dml(c, "DELETE FROM " + fqName + "\n\tWHERE bucket=? AND id=?", ps -> {
            ps.setString(1, editBucket);
            ps.setString(2, "grid");
        });
        assertEquals(1, deleted);
        assertEquals(0, refresh(c, "grid").size());
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** JDBCStatementImpl: execute(), then getLargeUpdateCount() (getUpdateCount() only if that throws). */
    private static long dml(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            binder.bind(ps);
            assertFalse(ps.execute(), "DML gives an update count");
            long count = ps.getLargeUpdateCount();
            assertFalse(ps.getMoreResults());
            assertEquals(-1, ps.getUpdateCount());
            return count;
        }
    }

    /** ResultSetPersister's RowRefreshJob: the saved row read back by its key, with inline literals. */
    private List<List<Object>> refresh(Connection c, String id) throws SQLException {
        return allPages(c, "SELECT * FROM " + fqName + "\nWHERE (bucket = '" + editBucket + "') AND (id = '" + id + "')");
    }

    // ---- "Read-only connection" ticked: setReadOnly(true) right after connect, outside any try/catch ----

    private void readOnlyConnection(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        try (Connection c = DriverManager.getDriver(url).connect(url, props)) {
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            assertTrue(c.getMetaData().isReadOnly());
            assertEquals(configurations + 1, allPages(c, "SELECT * FROM " + fqName + "\nWHERE bucket LIKE '" + prefix
                    + "%'").size(), "browsing works (the seeded configurations and grid-kept)");
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> dml(c,
                    "DELETE FROM " + fqName + "\n\tWHERE bucket=? AND id=?", ps -> {
                        ps.setString(1, editBucket);
                        ps.setString(2, "grid-kept");
                    }));
            assertEquals("25006", refused.getSQLState());
        }
    }

    // ---- 1.1 step 11: session close ----

    private void closeSession(Connection c) throws SQLException {
        c.getWarnings();
        c.clearWarnings();
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return ((Number) rs.getObject(1)).longValue();
        }
    }

    private static List<String> strings(ResultSet rs, String label) throws SQLException {
        try (rs) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(label));
            }
            return out;
        }
    }
}
