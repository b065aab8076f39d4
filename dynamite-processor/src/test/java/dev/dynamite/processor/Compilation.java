package dev.dynamite.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One javac run over sources written to a directory, with the processor (or without it), on the test's class path:
 * its diagnostics, the generated sources and the compiled classes.
 */
final class Compilation {
    /** One reported problem: the kind, the message, and the line and the text of the line it points at. */
    record Problem(Diagnostic.Kind kind, String message, String file, long line, String lineText) {
    }

    final boolean success;
    final List<Problem> problems;
    final Path out;
    final Path generated;

    private Compilation(boolean success, List<Problem> problems, Path out, Path generated) {
        this.success = success;
        this.problems = problems;
        this.out = out;
        this.generated = generated;
    }

    /** Compiles sources (paths to text) with the processor. */
    static Compilation of(Path dir, Map<String, String> sources) {
        return of(dir, sources, true, List.of());
    }

    static Compilation of(Path dir, Map<String, String> sources, boolean process, List<String> options) {
        try {
            Path src = dir.resolve("src");
            Path out = Files.createDirectories(dir.resolve("out"));
            Path generated = Files.createDirectories(dir.resolve("generated"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-s", generated.toString(),
                    "--class-path", System.getProperty("java.class.path"), "-Xlint:all,-processing", "-Werror"));
            if (!process) {
                args.add("-proc:none");
            }
            args.addAll(options);
            boolean success;
            try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                JavaCompiler.CompilationTask task = javac.getTask(null, manager, diagnostics, args, null,
                        manager.getJavaFileObjectsFromPaths(files));
                if (process) {
                    task.setProcessors(List.of(new ModelProcessor()));
                }
                success = task.call();
            }
            List<Problem> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
                String text = "";
                if (d.getSource() != null && d.getLineNumber() > 0) {
                    text = d.getSource().getCharContent(true).toString().split("\n", -1)[(int) d.getLineNumber() - 1]
                            .trim();
                }
                problems.add(new Problem(d.getKind(), d.getMessage(Locale.ROOT), file, d.getLineNumber(), text));
            }
            return new Compilation(success, problems, out, generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Problem> errors() {
        return problems.stream().filter(p -> p.kind() == Diagnostic.Kind.ERROR).toList();
    }

    String generatedSource(String path) {
        try {
            return Files.readString(generated.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loader of the compiled classes, over the test's own. */
    URLClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {out.toUri().toURL()}, Compilation.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Compilation[success=" + success + ", problems=" + problems + "]";
    }
}
