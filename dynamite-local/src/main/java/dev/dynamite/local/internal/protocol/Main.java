package dev.dynamite.local.internal.protocol;

import dev.dynamite.local.internal.engine.Engine;
import dev.dynamite.local.internal.engine.EngineOptions;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code java -jar dynamite-local.jar [--host H] [--port N] [--create-table-ms MS]
 * [--update-table-ms MS] [--delete-table-ms MS]} serves an empty engine over HTTP until killed, and prints its
 * endpoint as the only line on standard output.
 *
 * <p>Runs without the AWS SDK on the class path: nothing reachable from here may load an SDK class.
 */
public final class Main {
    static final String USAGE = "usage: java -jar dynamite-local.jar [--host HOST] [--port PORT]"
            + " [--create-table-ms MS] [--update-table-ms MS] [--delete-table-ms MS]\n"
            + "  Serves an in-memory DynamoDB-compatible engine over HTTP until stopped and prints its endpoint.\n"
            + "  --host             address to bind (default 127.0.0.1; 0.0.0.0 for every interface)\n"
            + "  --port             port to bind (default 8000; 0 for a free port)\n"
            + "  --create-table-ms  how long new tables stay CREATING (default 0)\n"
            + "  --update-table-ms  how long updated tables stay UPDATING (default 0)\n"
            + "  --delete-table-ms  how long deleted tables stay DELETING (default 0)";

    private Main() {
    }

    /** The parsed command line. */
    record Options(String host, int port, Duration createTableDelay, Duration updateTableDelay,
            Duration deleteTableDelay) {
    }

    /**
     * Runs the server until the JVM is stopped.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dynamite-local: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        HttpTransport server;
        try {
            server = start(options);
        } catch (UncheckedIOException e) {
            System.err.println("dynamite-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "dynamite-local-shutdown"));
        PrintStream out = System.out;
        out.println(server.endpoint());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a server for parsed options.
     *
     * @param options the options
     * @return the running server
     */
    static HttpTransport start(Options options) {
        Engine engine = new Engine(new EngineOptions(options.createTableDelay(), options.updateTableDelay(),
                options.deleteTableDelay(), System::currentTimeMillis));
        return HttpTransport.start(new JsonProtocol(engine, new FaultInjector()), options.host(), options.port());
    }

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options, or {@code null} when help was asked for
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    static @org.jspecify.annotations.Nullable Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 8000;
        Duration create = Duration.ZERO;
        Duration update = Duration.ZERO;
        Duration delete = Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--host", "--port", "--create-table-ms", "--update-table-ms", "--delete-table-ms" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--host" -> host = requireText(arg, value);
                        case "--port" -> port = integer(arg, value, 65535);
                        case "--create-table-ms" -> create = Duration.ofMillis(integer(arg, value, Integer.MAX_VALUE));
                        case "--update-table-ms" -> update = Duration.ofMillis(integer(arg, value, Integer.MAX_VALUE));
                        default -> delete = Duration.ofMillis(integer(arg, value, Integer.MAX_VALUE));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new Options(host, port, create, update, delete);
    }

    private static String requireText(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a non-blank value");
        }
        return value;
    }

    private static int integer(String option, String value, int max) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'", e);
        }
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(option + " must be within [0, " + max + "], got " + n);
        }
        return n;
    }
}
