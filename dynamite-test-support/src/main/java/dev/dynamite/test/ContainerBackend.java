package dev.dynamite.test;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A DynamoDB-compatible server in a container. Only this class touches Testcontainers, so that the extension works
 * without it on the path; the image is the user's choice (Dynamite ships none).
 */
final class ContainerBackend implements AutoCloseable {
    private final GenericContainer<?> container;
    private final int port;

    private ContainerBackend(GenericContainer<?> container, int port) {
        this.container = container;
        this.port = port;
    }

    /** Whether a Docker engine answers. */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @SuppressWarnings("resource")
    static ContainerBackend start(String image, int port) {
        GenericContainer<?> container = new GenericContainer<>(image).withExposedPorts(port);
        container.start();
        return new ContainerBackend(container, port);
    }

    URI endpoint() {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(port));
    }

    @Override
    public void close() {
        container.stop();
    }
}
