package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.engine.Relation;
import dev.s3inventory.jdbc.MetadataRows.AttributeRow;
import dev.s3inventory.jdbc.MetadataRows.BestRowIdentifierRow;
import dev.s3inventory.jdbc.MetadataRows.CatalogRow;
import dev.s3inventory.jdbc.MetadataRows.ClientInfoPropertyRow;
import dev.s3inventory.jdbc.MetadataRows.ColumnPrivilegeRow;
import dev.s3inventory.jdbc.MetadataRows.ColumnRow;
import dev.s3inventory.jdbc.MetadataRows.ForeignKeyRow;
import dev.s3inventory.jdbc.MetadataRows.FunctionColumnRow;
import dev.s3inventory.jdbc.MetadataRows.FunctionRow;
import dev.s3inventory.jdbc.MetadataRows.IndexRow;
import dev.s3inventory.jdbc.MetadataRows.PrimaryKeyRow;
import dev.s3inventory.jdbc.MetadataRows.ProcedureColumnRow;
import dev.s3inventory.jdbc.MetadataRows.ProcedureRow;
import dev.s3inventory.jdbc.MetadataRows.PseudoColumnRow;
import dev.s3inventory.jdbc.MetadataRows.SchemaRow;
import dev.s3inventory.jdbc.MetadataRows.SuperTableRow;
import dev.s3inventory.jdbc.MetadataRows.SuperTypeRow;
import dev.s3inventory.jdbc.MetadataRows.TablePrivilegeRow;
import dev.s3inventory.jdbc.MetadataRows.TableRow;
import dev.s3inventory.jdbc.MetadataRows.TableTypeRow;
import dev.s3inventory.jdbc.MetadataRows.TypeInfoRow;
import dev.s3inventory.jdbc.MetadataRows.UdtRow;
import dev.s3inventory.jdbc.MetadataRows.VersionColumnRow;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.Column;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Like;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The driver's {@link DatabaseMetaData}. Everything it reports comes from the static definitions in
 * {@link Catalog}, never from S3, so browsing the schema in a SQL tool costs no AWS call.
 *
 * <p>Scalar methods answer constants and keep answering after the connection is closed (only
 * {@link #isReadOnly()} asks the connection). Result-set methods need an open connection and otherwise
 * throw SQLState 08003. Every result set has the exact JDBC 4.3 layout (see {@link MetadataRows}); what
 * does not apply to this driver gives an empty, correctly shaped result, never an exception.
 *
 * <p>Name arguments match case-insensitively; {@code null} means "do not filter" and {@code ""} means
 * "objects without a catalog/schema", i.e. none here. Every name argument also accepts a pattern with
 * {@code %}, {@code _} and the escape {@code \}, even where JDBC expects a plain name, because DBeaver
 * passes {@code "%"} and escaped names to getPrimaryKeys and getIndexInfo.
 */
public final class S3InventoryDatabaseMetaData implements DatabaseMetaData {
    /**
     * Subqueries of every kind work, correlated or not: {@code IN (SELECT ...)}, {@code EXISTS}, scalar
     * subqueries in comparisons, {@code op ANY|ALL (SELECT ...)}, and derived tables (proven against H2
     * by DialectDifferentialTest). DBeaver wraps queries in sub-selects ({@code SELECT COUNT(*) FROM
     * (...) dbvrcnt}) as soon as any subquery flag is true (jdbc-client-checklist.md d.23).
     */
    static final boolean SUBQUERIES_IN_INS_AND_EXISTS = true;
    /** {@code LEFT [OUTER] JOIN} works; RIGHT and FULL outer joins do not. */
    static final boolean LEFT_OUTER_JOINS = true;
    /** Non-null: Spring calls startsWith on it when binding NULLs. */
    static final String PRODUCT_NAME = "S3 Inventory";
    static final String DRIVER_NAME = "s3inventory-jdbc";
    static final String TABLE_TYPE = "TABLE";
    /** The escape character of metadata name patterns (getSearchStringEscape). */
    static final char SEARCH_STRING_ESCAPE = '\\';
    /** Words of our dialect that are not SQL:2003 keywords; DBeaver quotes identifiers that match them. */
    static final String SQL_KEYWORDS = "DESCRIBE,EXEC,LIMIT,METHODS,OFFSET,SHOW";
    static final String STRING_FUNCTIONS = "CONCAT,LENGTH,LOWER,UPPER";
    static final String SYSTEM_FUNCTIONS = "COALESCE";

    private final Connection connection;
    private final String url;
    private final String userName;

    /**
     * @param connection the owning connection
     * @param url        the connection URL with secrets already removed
     * @param userName   the user name given at connect, or null
     */
    public S3InventoryDatabaseMetaData(Connection connection, String url, String userName) {
        this.connection = Objects.requireNonNull(connection, "connection is null");
        this.url = url;
        this.userName = userName;
    }

    /** The name of a table's primary key, and of the unique index that mirrors it. */
    static String primaryKeyName(TableDef table) {
        return "pk_" + table.name();
    }

    // ---- result sets: catalog, schema, tables, columns ----

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return resultSet("getCatalogs", () -> MetadataRows.relation(CatalogRow.class,
                List.of(new CatalogRow(Catalog.CATALOG))));
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return resultSet("getSchemas", () -> {
            boolean found = matches(catalog, Catalog.CATALOG) && matches(schemaPattern, Catalog.SCHEMA);
            List<SchemaRow> rows = found ? List.of(new SchemaRow(Catalog.SCHEMA, Catalog.CATALOG)) : List.of();
            return MetadataRows.relation(SchemaRow.class, rows);
        });
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return resultSet("getTableTypes", () -> MetadataRows.relation(TableTypeRow.class,
                List.of(new TableTypeRow(TABLE_TYPE))));
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        return resultSet("getTables", () -> {
            boolean typeWanted = types == null || Arrays.stream(types).anyMatch(TABLE_TYPE::equalsIgnoreCase);
            List<TableRow> rows = typeWanted
                    ? tables(catalog, schemaPattern, tableNamePattern).stream()
                            .map(t -> new TableRow(Catalog.CATALOG, Catalog.SCHEMA, t.name(), TABLE_TYPE, t.remarks(),
                                    null, null, null, null, null))
                            .toList()
                    : List.of();
            return MetadataRows.relation(TableRow.class, rows);
        });
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        return resultSet("getColumns", () -> {
            List<ColumnRow> rows = new ArrayList<>();
            for (TableDef table : tables(catalog, schemaPattern, tableNamePattern)) {
                for (int i = 0; i < table.columns().size(); i++) {
                    if (matches(columnNamePattern, table.column(i).name())) {
                        rows.add(columnRow(table, i));
                    }
                }
            }
            return MetadataRows.relation(ColumnRow.class, rows);
        });
    }

    private static ColumnRow columnRow(TableDef table, int index) {
        Column column = table.column(index);
        SqlType type = column.type();
        return new ColumnRow(Catalog.CATALOG, Catalog.SCHEMA, table.name(), column.name(), type.jdbcType(),
                type.typeName(), type.precision(), null, decimalDigits(type), radix(type),
                column.nullable() ? columnNullable : columnNoNulls, column.remarks(), null, null, null,
                type == SqlType.VARCHAR ? type.precision() : null, index + 1, column.nullable() ? "YES" : "NO",
                null, null, null, null, "NO", "NO");
    }

    // ---- result sets: keys and indexes ----

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return resultSet("getPrimaryKeys", () -> {
            List<PrimaryKeyRow> rows = new ArrayList<>();
            for (TableDef t : tables(catalog, schema, table)) {
                List<PrimaryKeyRow> keyColumns = new ArrayList<>();
                for (int i = 0; i < t.primaryKey().size(); i++) {
                    keyColumns.add(new PrimaryKeyRow(Catalog.CATALOG, Catalog.SCHEMA, t.name(), t.primaryKey().get(i),
                            (short) (i + 1), primaryKeyName(t)));
                }
                // The javadoc orders by COLUMN_NAME; with several tables ("%") we keep each table together.
                keyColumns.sort(Comparator.comparing(PrimaryKeyRow::columnName));
                rows.addAll(keyColumns);
            }
            return MetadataRows.relation(PrimaryKeyRow.class, rows);
        });
    }

    /**
     * One unique index per table, mirroring its primary key: the key is what a point lookup
     * (GetBucketInventoryConfiguration) uses, and tools that look for unique indexes rather than
     * primary keys then find the same columns. CARDINALITY and PAGES are unknown without calling S3.
     */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        return resultSet("getIndexInfo", () -> {
            List<IndexRow> rows = new ArrayList<>();
            for (TableDef t : tables(catalog, schema, table)) {
                for (int i = 0; i < t.primaryKey().size(); i++) {
                    rows.add(new IndexRow(Catalog.CATALOG, Catalog.SCHEMA, t.name(), false, null, primaryKeyName(t),
                            tableIndexOther, (short) (i + 1), t.primaryKey().get(i), null, null, null, null));
                }
            }
            rows.sort(Comparator.comparing(IndexRow::nonUnique).thenComparing(IndexRow::type)
                    .thenComparing(IndexRow::indexName).thenComparing(IndexRow::ordinalPosition));
            return MetadataRows.relation(IndexRow.class, rows);
        });
    }

    /**
     * The primary key columns, valid for the whole session. Empty unless exactly one table matches,
     * since the layout has no table column to tell tables apart.
     */
    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        return resultSet("getBestRowIdentifier", () -> {
            List<TableDef> matching = tables(catalog, schema, table);
            List<BestRowIdentifierRow> rows = new ArrayList<>();
            if (matching.size() == 1) {
                TableDef t = matching.get(0);
                for (String key : t.primaryKey()) {
                    SqlType type = t.column(t.indexOf(key)).type();
                    Integer digits = decimalDigits(type);
                    rows.add(new BestRowIdentifierRow((short) bestRowSession, key, type.jdbcType(), type.typeName(),
                            type.precision(), null, digits == null ? null : digits.shortValue(),
                            (short) bestRowNotPseudo));
                }
            }
            return MetadataRows.relation(BestRowIdentifierRow.class, rows);
        });
    }

    /** No column changes by itself when a row is updated. */
    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return empty("getVersionColumns", VersionColumnRow.class);
    }

    /** No foreign keys: buckets.name and bucket_inventory_configurations.bucket are not declared as related. */
    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return empty("getImportedKeys", ForeignKeyRow.class);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return empty("getExportedKeys", ForeignKeyRow.class);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return empty("getCrossReference", ForeignKeyRow.class);
    }

    // ---- result sets: types ----

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return resultSet("getTypeInfo", () -> MetadataRows.relation(TypeInfoRow.class, Arrays.stream(SqlType.values())
                .filter(t -> t != SqlType.NULL)
                .sorted(Comparator.comparingInt(SqlType::jdbcType))
                .map(S3InventoryDatabaseMetaData::typeInfoRow)
                .toList()));
    }

    private static TypeInfoRow typeInfoRow(SqlType type) {
        String prefix = switch (type) {
            case VARCHAR -> "'";
            case TIMESTAMP -> "TIMESTAMP '";
            default -> null;
        };
        boolean text = type == SqlType.VARCHAR;
        return new TypeInfoRow(type.typeName(), type.jdbcType(), type.precision(), prefix, prefix == null ? null : "'",
                null, (short) typeNullable, text, (short) (text ? typeSearchable : typePredBasic), false,
                type == SqlType.DECIMAL, false, type.typeName(), (short) 0, (short) type.scale(), null, null,
                radix(type));
    }

    /** Scale for numbers and fractional seconds for timestamps; not applicable (null) otherwise. */
    private static Integer decimalDigits(SqlType type) {
        return type.isNumeric() || type == SqlType.TIMESTAMP ? type.scale() : null;
    }

    private static Integer radix(SqlType type) {
        return type.isNumeric() ? 10 : null;
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        return empty("getUDTs", UdtRow.class);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return empty("getSuperTypes", SuperTypeRow.class);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty("getSuperTables", SuperTableRow.class);
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) throws SQLException {
        return empty("getAttributes", AttributeRow.class);
    }

    // ---- result sets: routines, privileges, the rest (nothing applies) ----

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return empty("getProcedures", ProcedureRow.class);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) throws SQLException {
        return empty("getProcedureColumns", ProcedureColumnRow.class);
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return empty("getFunctions", FunctionRow.class);
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) throws SQLException {
        return empty("getFunctionColumns", FunctionColumnRow.class);
    }

    /** Privileges are IAM policies, which the driver cannot know without trying; so none are listed. */
    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty("getTablePrivileges", TablePrivilegeRow.class);
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return empty("getColumnPrivileges", ColumnPrivilegeRow.class);
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        return empty("getPseudoColumns", PseudoColumnRow.class);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return empty("getClientInfoProperties", ClientInfoPropertyRow.class);
    }

    // ---- result-set plumbing ----

    private ResultSet empty(String method, Class<? extends Record> layout) throws SQLException {
        return resultSet(method, () -> MetadataRows.relation(layout, List.of()));
    }

    private ResultSet resultSet(String method, Supplier<Relation> rows) throws SQLException {
        try {
            if (connection.isClosed()) {
                throw Errors.connectionClosed();
            }
            return new S3InventoryResultSet(null, rows.get());
        } catch (RuntimeException e) {
            throw Errors.internal("answering DatabaseMetaData." + method, e);
        }
    }

    /** The driver's tables that match, sorted by name (the order every layout here asks for). */
    private static List<TableDef> tables(String catalog, String schemaPattern, String tablePattern) {
        if (!matches(catalog, Catalog.CATALOG) || !matches(schemaPattern, Catalog.SCHEMA)) {
            return List.of();
        }
        return Catalog.TABLES.stream()
                .filter(t -> matches(tablePattern, t.name()))
                .sorted(Comparator.comparing(TableDef::name))
                .toList();
    }

    /**
     * Null matches all; otherwise the name in any case, or a metadata LIKE pattern (case-insensitive, as the
     * driver's identifiers are).
     */
    static boolean matches(String pattern, String name) {
        if (pattern == null || pattern.equalsIgnoreCase(name)) {
            return true;
        }
        try {
            return name != null && Like.compile(pattern, SEARCH_STRING_ESCAPE, true).matches(name);
        } catch (IllegalArgumentException e) {
            // A pattern ending in a lone escape character names nothing.
            return false;
        }
    }

    // ---- identity ----

    @Override
    public String getDatabaseProductName() {
        return PRODUCT_NAME;
    }

    /** The "database" is S3 seen through this driver, which has no version of its own. */
    @Override
    public String getDatabaseProductVersion() {
        return DriverVersion.version();
    }

    @Override
    public int getDatabaseMajorVersion() {
        return DriverVersion.major();
    }

    @Override
    public int getDatabaseMinorVersion() {
        return DriverVersion.minor();
    }

    @Override
    public String getDriverName() {
        return DRIVER_NAME;
    }

    @Override
    public String getDriverVersion() {
        return DriverVersion.version();
    }

    @Override
    public int getDriverMajorVersion() {
        return DriverVersion.major();
    }

    @Override
    public int getDriverMinorVersion() {
        return DriverVersion.minor();
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 3;
    }

    @Override
    public String getURL() {
        return url;
    }

    @Override
    public String getUserName() {
        return userName;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        try {
            return connection.isReadOnly();
        } catch (RuntimeException e) {
            throw Errors.internal("answering DatabaseMetaData.isReadOnly", e);
        }
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public boolean usesLocalFiles() {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    /** Vacuously true: getProcedures lists none. */
    @Override
    public boolean allProceduresAreCallable() {
        return true;
    }

    /** Both tables accept SELECT; buckets the caller may not read become warnings, not failures. */
    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    // ---- identifiers and names ----

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSearchStringEscape() {
        return String.valueOf(SEARCH_STRING_ESCAPE);
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    /** Identifiers, quoted or not, resolve case-insensitively to the stored lower-case names. */
    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    /** Quoting does not make a name case-sensitive here: {@code "BUCKET"} is {@code bucket}. */
    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    // ---- the SQL dialect ----

    @Override
    public String getSQLKeywords() {
        return SQL_KEYWORDS;
    }

    @Override
    public String getNumericFunctions() {
        return "";
    }

    @Override
    public String getStringFunctions() {
        return STRING_FUNCTIONS;
    }

    @Override
    public String getSystemFunctions() {
        return SYSTEM_FUNCTIONS;
    }

    @Override
    public String getTimeDateFunctions() {
        return "";
    }

    /** NULL sorts as smaller than any value: first when ascending, last when descending. */
    @Override
    public boolean nullsAreSortedLow() {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true; // e.g. src/test/resources/dialect/044-order-by-expression-not-selected.sql
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return false;
    }

    @Override
    public boolean supportsOuterJoins() {
        return LEFT_OUTER_JOINS;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return false;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return LEFT_OUTER_JOINS;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return SUBQUERIES_IN_INS_AND_EXISTS;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return SUBQUERIES_IN_INS_AND_EXISTS;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return SUBQUERIES_IN_INS_AND_EXISTS;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return SUBQUERIES_IN_INS_AND_EXISTS;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return SUBQUERIES_IN_INS_AND_EXISTS;
    }

    @Override
    public boolean supportsUnion() {
        return false;
    }

    @Override
    public boolean supportsUnionAll() {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return false;
    }

    // ---- transactions: none, every statement applies at once ----

    @Override
    public boolean supportsTransactions() {
        return false;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_NONE;
    }

    /** Connections are independent; nothing one does is held back from another. */
    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    // ---- statements and result sets ----

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public boolean supportsRefCursors() {
        return false;
    }

    @Override
    public boolean supportsSharding() {
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    // ---- limits: 0 means "no limit or unknown" ----

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
    }

    @Override
    public long getMaxLogicalLobSize() {
        return 0;
    }

    // ---- wrapper ----

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface, "DatabaseMetaData");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface);
    }
}
