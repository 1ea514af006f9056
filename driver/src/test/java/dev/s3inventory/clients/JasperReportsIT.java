package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.ChildJvm;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example report examples/reports/inventory-coverage.jrxml, filled through the driver by JasperReports
 * ({@link JasperReportsScenario}) with the -all jar alone, and exported to PDF.
 */
class JasperReportsIT {
    @TempDir
    Path temp;

    @Test
    void coverageReportFillsWithParametersAndExportsToPdf() throws Exception {
        // bucket i is in region i % 3 (us-east-1, eu-west-1, ap-southeast-2) and has i % 4 configurations
        InventoryEstate estate = InventoryEstate.seed("jasper", 4);
        Path report = dev.s3inventory.testing.ProjectFiles.resolve("examples/reports/inventory-coverage.jrxml");
        assertTrue(Files.isRegularFile(report), report.toString());
        Path pdf = temp.resolve("inventory-coverage.pdf");
        ChildJvm.Outcome out = ChildJvm.run(temp, List.of("jasperreports-", "openpdf-", "commons-logging-",
                "commons-collections4-", "commons-beanutils-", "commons-collections-", "jackson-", "stax2-api-",
                "woodstox-core-"), List.of("-Djava.awt.headless=true"), JasperReportsScenario.class.getName(),
                LocalStackEnvironment.jdbcUrl(null), report.toString(), pdf.toString(), estate.prefix + "%",
                "us-east-1,eu-west-1");
        assertTrue(Files.size(pdf) > 1000 && Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF"), "a PDF was written" + out.transcript());
        String text = out.stdout().substring(out.stdout().indexOf("--- PDF TEXT ---"));
        assertTrue(text.contains("S3 inventory coverage"), text);
        assertTrue(text.contains(estate.buckets.get(0)) && text.contains("NO INVENTORY"),
                "bucket 0 (us-east-1) has no configuration" + text);
        assertTrue(text.contains(estate.buckets.get(1)) && text.contains("daily-csv"), text);
        assertTrue(text.contains(estate.buckets.get(3)) && text.contains("parquet-kms"), text);
        assertFalse(text.contains(estate.buckets.get(2)), "$X{IN} excluded ap-southeast-2" + text);
        assertTrue(text.contains("3 buckets, 4 inventory configurations, 1 buckets without inventory"), text);
        assertEquals("PAGES 1", out.stdout().lines().findFirst().orElse(""), out.transcript());
    }
}
