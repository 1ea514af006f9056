package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import dev.s3inventory.sql.Query.TableRef;
import dev.s3inventory.sql.SqlStatement.Assignment;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Turns SQL text into a {@link SqlStatement}. The only class (with its helpers in this package)
 * that knows JSqlParser; everything it does not understand becomes a precise SQLException.
 */
public final class SqlParser {
    private static final Pattern SHOW_METHODS = Pattern.compile(
            "(?is)\\s*SHOW\\s+METHODS\\s+IN\\s+([\\w.\"`]+)\\s*");
    /** 256 statements of up to 16 K characters: at most a few MB, enough for any tool's working set. */
    private static final ParsedStatementCache RECENT = new ParsedStatementCache(256, 16_384);

    private SqlParser() {
    }

    /** A parsed statement and how many {@code ?} parameters it has. */
    public record Parsed(SqlStatement statement, int parameterCount) {
    }

    /** Parses {@code sql}, or returns the parse of the same text kept from an earlier call. */
    public static Parsed parse(String sql) throws SQLException {
        Parsed parsed = sql == null ? null : RECENT.get(sql);
        if (parsed == null) {
            parsed = parseText(sql);
            RECENT.put(sql, parsed);
        }
        return parsed;
    }

    private static Parsed parseText(String sql) throws SQLException {
        if (sql == null || sql.isBlank()) {
            throw Errors.syntax("The SQL statement is empty");
        }
        String text = stripTrailingSemicolons(sql);
        Matcher methods = SHOW_METHODS.matcher(text);
        if (methods.matches()) {
            return new Parsed(new SqlStatement.ShowMethods(tableRef(methods.group(1))), 0);
        }
        Nesting.check(text);
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(text, parser -> parser.withSquareBracketQuotation(false));
        } catch (JSQLParserException e) {
            throw syntaxError(e);
        } catch (RuntimeException e) {
            throw Errors.syntax("Could not parse the statement: " + e.getMessage());
        }
        try {
            SelectTranslator selects = new SelectTranslator();
            SqlStatement translated = translate(statement, selects);
            return new Parsed(translated, selects.expressions().parameterCount());
        } catch (RuntimeException e) {
            throw Errors.internal("translating the statement", e);
        } catch (StackOverflowError e) {
            throw Errors.tooComplex("translating");
        }
    }

    private static SqlStatement translate(Statement statement, SelectTranslator selects) throws SQLException {
        ExprTranslator expressions = selects.expressions();
        if (statement instanceof Select select) {
            if (select instanceof Values) {
                throw Errors.unsupportedSql("VALUES as a query");
            }
            return new SqlStatement.Select(selects.query(select));
        }
        if (statement instanceof Insert insert) {
            return insert(insert, expressions);
        }
        if (statement instanceof Update update) {
            if (update.getTable() == null) {
                throw Errors.syntax("UPDATE needs a table: UPDATE aws.s3.bucket_inventory_configurations SET ... WHERE ...");
            }
            if (update.getJoins() != null || update.getFromItem() != null) {
                throw Errors.unsupportedSql("UPDATE with FROM or JOIN");
            }
            List<Assignment> assignments = new ArrayList<>();
            for (UpdateSet set : update.getUpdateSets()) {
                if (set.getColumns().size() != set.getValues().size()) {
                    throw Errors.syntax("UPDATE SET has " + set.getColumns().size() + " columns but "
                            + set.getValues().size() + " values");
                }
                for (int i = 0; i < set.getColumns().size(); i++) {
                    assignments.add(new Assignment(columnName(set.getColumns().get(i)),
                            expressions.translate(set.getValues().get(i))));
                }
            }
            return new SqlStatement.Update(SelectTranslator.tableRef(update.getTable(), alias(update.getTable())),
                    assignments, expressions.translate(update.getWhere()));
        }
        if (statement instanceof Delete delete) {
            if (delete.getTable() == null) {
                throw Errors.syntax("DELETE needs a table: DELETE FROM aws.s3.bucket_inventory_configurations WHERE ...");
            }
            if (delete.getTables() != null && !delete.getTables().isEmpty() || delete.getJoins() != null) {
                throw Errors.unsupportedSql("Multi-table DELETE");
            }
            return new SqlStatement.Delete(SelectTranslator.tableRef(delete.getTable(), alias(delete.getTable())),
                    expressions.translate(delete.getWhere()));
        }
        if (statement instanceof Execute execute) {
            return StackqlSyntax.exec(execute, expressions);
        }
        if (statement instanceof ShowTablesStatement) {
            return new SqlStatement.ShowTables();
        }
        if (statement instanceof DescribeStatement describe) {
            return new SqlStatement.Describe(SelectTranslator.tableRef(describe.getTable(), null));
        }
        throw Errors.unsupportedSql("The statement type " + statement.getClass().getSimpleName().replace("Statement", "")
                + " (supported: SELECT, INSERT, UPDATE, DELETE, SHOW TABLES, SHOW METHODS, DESCRIBE, EXEC)");
    }

    private static SqlStatement insert(Insert insert, ExprTranslator expressions) throws SQLException {
        if (insert.getSelect() == null || !(insert.getSelect() instanceof Values values)) {
            throw Errors.unsupportedSql("INSERT ... SELECT (use INSERT ... VALUES)");
        }
        if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
            throw Errors.syntax("INSERT needs a column list, e.g. INSERT INTO bucket_inventory_configurations "
                    + "(bucket, id, destination_bucket_arn, destination_format, schedule_frequency) VALUES (...)");
        }
        List<String> columns = new ArrayList<>();
        for (Column c : insert.getColumns()) {
            columns.add(columnName(c));
        }
        List<List<Expr>> rows = new ArrayList<>();
        ExpressionList<?> list = values.getExpressions();
        boolean multiRow = list.stream().allMatch(e -> e instanceof ExpressionList<?>);
        if (multiRow && columns.size() > 1 || (multiRow && list.size() > 1)) {
            for (Object row : list) {
                rows.add(expressions.translateAll((ExpressionList<?>) row));
            }
        } else {
            rows.add(expressions.translateAll(list));
        }
        for (List<Expr> row : rows) {
            if (row.size() != columns.size()) {
                throw Errors.syntax("INSERT names " + columns.size() + " columns but a row has " + row.size() + " values");
            }
        }
        return new SqlStatement.Insert(SelectTranslator.tableRef(insert.getTable(), null), columns, rows);
    }

    private static String columnName(Column c) {
        return Identifiers.unquote(c.getColumnName());
    }

    private static String alias(Table t) {
        return t.getAlias() == null ? null : Identifiers.unquote(t.getAlias().getName());
    }

    /** A dotted name such as {@code aws.s3."bucket_inventory_configurations"}, 1 to 3 parts. */
    private static TableRef tableRef(String dotted) throws SQLException {
        String[] parts = dotted.split("\\.");
        if (parts.length > 3) {
            throw Errors.syntax("Bad table name '" + dotted + "': use table, s3.table or aws.s3.table");
        }
        String name = Identifiers.unquote(parts[parts.length - 1]);
        String schema = parts.length >= 2 ? Identifiers.unquote(parts[parts.length - 2]) : null;
        String catalog = parts.length == 3 ? Identifiers.unquote(parts[0]) : null;
        return new TableRef(catalog, schema, name, null);
    }

    private static SQLException syntaxError(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            Token at = pe.currentToken.next;
            return syntaxErrorAt(at.beginLine, at.beginColumn, at.image == null || at.image.isEmpty() ? null : at.image);
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().replaceAll("\\s+", " ").trim();
        // JSqlParser's own text goes on to list the grammar's expected terminals, which helps nobody:
        // keep where the parser stopped and what it found there.
        Matcher found = ENCOUNTERED.matcher(message);
        if (found.find()) {
            return syntaxErrorAt(Integer.parseInt(found.group(3)), Integer.parseInt(found.group(4)),
                    "<EOF>".equals(found.group(1)) ? null : found.group(2));
        }
        return Errors.syntax("SQL syntax error: " + message + " (docs/sql-reference.md lists the dialect)");
    }

    /** JSqlParser's "Encountered: <KIND> / "text", at line L, column C" (the text is absent at the end). */
    private static final Pattern ENCOUNTERED = Pattern.compile(
            "Encountered:? (<\\w+>)(?: / \"(.*?)\")?,? at line (\\d+), column (\\d+)");

    private static SQLException syntaxErrorAt(int line, int column, String token) {
        String near = token == null ? "the end of the statement" : "'" + token + "'";
        return Errors.syntax("SQL syntax error at line " + line + ", column " + column + " near " + near
                + ". Check the statement there (docs/sql-reference.md lists the dialect)");
    }

    private static String stripTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
