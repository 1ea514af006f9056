package dev.s3inventory.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS CLI loop a script would run: {@code aws s3api list-buckets}, then one
 * {@code aws s3api list-bucket-inventory-configurations --bucket B} process per bucket.
 */
final class CliPeer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String aws;
    private final URI endpoint;
    private final String account;

    CliPeer(String aws, URI endpoint, String account) {
        this.aws = aws;
        this.endpoint = endpoint;
        this.account = account;
    }

    /** @param sample call only the first this many buckets (the caller extrapolates) */
    long loop(int sample) throws IOException, InterruptedException {
        JsonNode buckets = run(List.of("s3api", "list-buckets", "--query", "Buckets[].Name"));
        long rows = 0;
        for (int i = 0; i < Math.min(sample, buckets.size()); i++) {
            JsonNode list = run(List.of("s3api", "list-bucket-inventory-configurations", "--bucket",
                    buckets.get(i).asText()));
            rows += list.path("InventoryConfigurationList").size();
        }
        return rows;
    }

    private JsonNode run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(aws);
        command.addAll(args);
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("AWS_ACCESS_KEY_ID", account);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true"); // loopback only: never the instance metadata service
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("aws " + args + " failed: " + err);
        }
        return out.length == 0 ? JSON.createObjectNode() : JSON.readTree(out);
    }

    /** Whether the given command is a working AWS CLI. */
    static boolean available(String aws) {
        if (aws == null || aws.isBlank()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(aws, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
