package dev.s3inventory.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --demo ENDPOINT}: the demo estate on LocalStack, seeded and connected in one go (what
 * {@code bin/s3inventory} runs by default), with a banner of questions to start from.
 */
final class DemoMode {
    private DemoMode() {
    }

    /** The demo account's URL on a LocalStack endpoint; the account id is {@code DemoEstate.ACCESS_KEY_ID}. */
    static String url(String endpoint) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("endpoint", endpoint);
        p.put("pathStyleAccess", "true");
        p.put("region", "us-east-1");
        p.put("user", Main.demoAccessKeyId());
        p.put("password", "test");
        return ConnectionUrl.build(ConnectionUrl.PREFIX, p);
    }

    /** Shown under the shell's banner: what the demo is and three questions to paste. */
    static String banner() {
        return String.join(System.lineSeparator(),
                "",
                "",
                "Demo: a made-up company's buckets (acme-*) in three regions on LocalStack; nothing here touches AWS.",
                "Questions to start from (more in docs/cookbook.md):",
                "  -- buckets without any inventory configuration",
                "  SELECT name, region FROM buckets",
                "   WHERE name NOT IN (SELECT bucket FROM bucket_inventory_configurations) ORDER BY name;",
                "  -- configurations that are disabled or only weekly",
                "  SELECT bucket, id, is_enabled, schedule_frequency FROM bucket_inventory_configurations",
                "   WHERE NOT is_enabled OR schedule_frequency = 'Weekly' ORDER BY bucket, id;",
                "  -- report formats in use",
                "  SELECT destination_format, COUNT(*) AS configurations FROM bucket_inventory_configurations",
                "   GROUP BY destination_format ORDER BY configurations DESC;",
                "Your own account instead: bin/s3inventory --aws (or --profile NAME, --region REGION).",
                "Undo your changes: bin/s3inventory --reset-demo (seeds the demo afresh).",
                "Stop the demo's LocalStack when done: bash .ci/localstack.sh stop",
                "");
    }
}
