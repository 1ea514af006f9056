package dev.s3inventory;

import static dev.s3inventory.testing.SourceRules.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.SourceRules;
import dev.s3inventory.testing.SourceRules.Rule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shell module uses the driver the way any JDBC client does: through {@code java.sql} and the
 * driver's public progress extension, never its internals. Only the demo estate talks to S3 directly
 * (it seeds LocalStack with the SDK).
 */
class ShellArchitectureTest {

    // @formatter:off
    private static final List<Rule> RULES = List.of(
        new Rule("cli/ uses the driver through DriverManager only",
            in("cli/"),                 "\\bdev\\.s3inventory\\.(engine|sql|s3|jdbc|schema)\\.[\\w.*]+")
            // ...and the driver's public progress extension, which any client may use the same way.
            .allowing(Map.of("Main.java", Set.of("dev.s3inventory.jdbc.ProgressReporting",
                    "dev.s3inventory.jdbc.ProgressListener"))),
        new Rule("the AWS SDK is used only by the demo estate",
            in("cli/"),                 "\\bsoftware\\.amazon\\.awssdk\\b"),
        new Rule("the demo seeds S3 with the SDK, not through the driver's internals",
            in("demo/"),                "\\bdev\\.s3inventory\\.(engine|sql|s3|jdbc|schema|cli)\\b")
    );
    // @formatter:on

    @Test
    void moduleBoundariesHold() throws IOException {
        List<String> violations = SourceRules.violations(RULES, SourceRules.mainSources());
        assertEquals(List.of(), violations, "architecture violations in the shell module");
    }

    @Test
    void rulesCatchWhatTheyShould() {
        assertEquals(1, SourceRules.check(RULES, "dev/s3inventory/cli/X.java",
                "import dev.s3inventory.engine.QueryEngine;\n").size());
        assertEquals(1, SourceRules.check(RULES, "dev/s3inventory/cli/X.java",
                "import software.amazon.awssdk.services.s3.S3Client;\n").size());
        assertTrue(SourceRules.check(RULES, "dev/s3inventory/demo/X.java",
                "import software.amazon.awssdk.services.s3.S3Client;\n").isEmpty());
        assertTrue(SourceRules.check(RULES, "dev/s3inventory/cli/Main.java",
                "import dev.s3inventory.jdbc.ProgressReporting;\nimport dev.s3inventory.demo.DemoEstate;\n").isEmpty());
    }
}
