package dev.s3inventory.testing;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts LocalStack through Testcontainers on machines with Docker (laptops); CI has none. */
final class DockerLocalStack {
    private static LocalStackContainer container;

    private DockerLocalStack() {
    }

    static synchronized URI startIfDockerAvailable() {
        if (container != null) {
            return container.getEndpoint();
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        if (!docker) {
            return null;
        }
        container = new LocalStackContainer(DockerImageName.parse(LocalStackEnvironment.IMAGE)).withServices("s3");
        container.start();
        return container.getEndpoint();
    }
}
