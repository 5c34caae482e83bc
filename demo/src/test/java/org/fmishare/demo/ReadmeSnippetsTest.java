package org.fmishare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the README and the module READMEs compiles, as written, against the built modules: a reader
 * who pastes one into a method body (with its imports) gets no missing symbol and no variable from nowhere.
 *
 * <p>A snippet is a {@code ```java} block: its leading {@code import} lines become the compilation unit's imports,
 * the rest the body of a method that may throw. Each snippet compiles on its own, so each has to say where its inputs
 * come from. The demo module depends on every published module, so its test class path is what an embedder using
 * them all would have.
 */
class ReadmeSnippetsTest {

    record Snippet(Path readme, int index, int firstLine, List<String> imports, List<String> body) {
        String className() {
            String stem = readme.toString().replaceAll("[^A-Za-z0-9]", "_");
            return "Snippet_" + stem + "_" + index;
        }

        String source() {
            StringBuilder s = new StringBuilder();
            imports.forEach(i -> s.append(i).append('\n'));
            s.append("class ").append(className()).append(" {\n    void run() throws Exception {\n");
            body.forEach(b -> s.append(b).append('\n'));
            return s.append("    }\n}\n").toString();
        }
    }

    @Test
    void everyJavaSnippetInTheReadmesCompiles(@TempDir Path out) throws IOException {
        Path root = Path.of(System.getProperty("fmishare.root", ".."));
        List<Snippet> snippets = new ArrayList<>();
        for (Path readme : readmes(root)) {
            snippets.addAll(snippets(root.relativize(readme), Files.readAllLines(readme, StandardCharsets.UTF_8)));
        }
        assertThat(snippets).as("snippets found").hasSizeGreaterThanOrEqualTo(10);
        assertThat(snippets.stream().map(Snippet::readme).map(Path::toString))
                .contains("README.md", "transport-adapters/taxii/README.md", "transport-adapters/https/README.md");

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Snippet s : snippets) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + s.className() + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return s.source();
                }
            });
        }
        String classPath = System.getProperty("java.class.path");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean ok = compiler.getTask(new StringWriter(), files, diagnostics, List.of("--release", "17",
                    "-proc:none", "-classpath", classPath, "-d", out.toString()), null, units).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> where(snippets, d) + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertThat(errors).as("compilation errors in README snippets").isEmpty();
            assertThat(ok).isTrue();
        }
    }

    private static String where(List<Snippet> snippets, Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return "?";
        }
        String name = d.getSource().getName();
        for (Snippet s : snippets) {
            if (name.endsWith(s.className() + ".java")) {
                // Imports map one to one; the class and method lines come between them and the body.
                long line = d.getLineNumber();
                long inSnippet = line <= s.imports().size() ? line : line - 2;
                return s.readme() + " snippet " + s.index() + " (README line "
                        + (s.firstLine() + inSnippet - 1) + ")";
            }
        }
        return name;
    }

    private static List<Path> readmes(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root, 3)) {
            return walk.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> root.relativize(p).toString().split("/").length <= 3)
                    .filter(p -> Stream.of(root.relativize(p).toString().split("/"))
                            .noneMatch(part -> part.equals("target") || part.startsWith(".")
                                    || part.equals("src") || part.equals("node_modules")))
                    .sorted().toList();
        }
    }

    static List<Snippet> snippets(Path readme, List<String> lines) {
        List<Snippet> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            List<String> imports = new ArrayList<>();
            List<String> body = new ArrayList<>();
            int j = start;
            for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
                String line = lines.get(j);
                if (body.isEmpty() && (line.startsWith("import ") || line.isBlank())) {
                    imports.add(line);
                } else {
                    body.add(line);
                }
            }
            result.add(new Snippet(readme, result.size() + 1, start + 1, imports, body));
            i = j;
        }
        return result;
    }
}
