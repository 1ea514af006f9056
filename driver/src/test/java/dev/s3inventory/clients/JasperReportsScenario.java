package dev.s3inventory.clients;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

/**
 * JasperReports 7 fills examples/reports/inventory-coverage.jrxml through the driver, as Jaspersoft Studio
 * and JasperReports Server do: the report's SQL with {@code $P{BucketPattern}} and
 * {@code $X{IN, b.region, Regions}} goes through JRJdbcQueryExecuter (prepareStatement, setString,
 * executeQuery, fields read by label), then the result is exported to PDF. Prints the PDF's text for
 * JasperReportsIT to check. Run in a child JVM with the -all jar.
 *
 * <p>Arguments: JDBC URL, the .jrxml, the PDF to write, the bucket pattern, the regions (comma-separated).
 */
public final class JasperReportsScenario {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path jrxml = Path.of(args[1]);
        Path pdf = Path.of(args[2]);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("BucketPattern", args[3]);
        List<String> regions = args.length > 4 && !args[4].isEmpty() ? Arrays.asList(args[4].split(",")) : List.of();
        parameters.put("Regions", regions);

        JasperReport report = JasperCompileManager.compileReport(jrxml.toString());
        JasperPrint print;
        try (Connection connection = DriverManager.getConnection(url)) {
            print = JasperFillManager.fillReport(report, parameters, connection);
        }
        JasperExportManager.exportReportToPdfFile(print, pdf.toString());

        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        System.out.println("PAGES " + reader.getNumberOfPages());
        System.out.println("--- PDF TEXT ---");
        System.out.println(text);
    }

    private JasperReportsScenario() {
    }
}
