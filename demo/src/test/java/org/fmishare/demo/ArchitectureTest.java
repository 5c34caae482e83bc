package org.fmishare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of the SDK, checked on the compiled classes (the demo's test class path holds every module).
 * Each class is assigned to the module it was loaded from (its {@code target/classes} folder or its jar), so the
 * rules hold whatever the package names say: a production module may use only the modules listed for it, and nothing
 * uses another module's {@code internal} packages.
 */
class ArchitectureTest {
    /** Which SDK modules each module's production code may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("testkit", Set.of("core")),
            Map.entry("delivery", Set.of("core")),
            Map.entry("audit", Set.of("core", "delivery")),
            Map.entry("disclosure-templates", Set.of("core")),
            Map.entry("sop-validator", Set.of("core", "disclosure-templates")),
            Map.entry("reporting", Set.of("core", "audit", "delivery", "sop-validator", "disclosure-templates")),
            Map.entry("transport-email", Set.of("core", "disclosure-templates")),
            Map.entry("transport-https", Set.of("core")),
            Map.entry("transport-taxii", Set.of("core")),
            Map.entry("transport-taxii-testserver", Set.of()),
            Map.entry("cli", Set.of("core", "delivery", "audit", "disclosure-templates", "sop-validator", "reporting",
                    "transport-email", "transport-https", "transport-taxii", "testkit")),
            Map.entry("spring-boot-starter", Set.of("core", "delivery", "disclosure-templates", "sop-validator",
                    "transport-email", "transport-https", "transport-taxii")),
            Map.entry("demo", Set.of("core", "delivery", "audit", "disclosure-templates", "sop-validator", "reporting",
                    "transport-email", "transport-https", "transport-taxii", "testkit", "transport-taxii-testserver",
                    "cli")));

    /** The one place the CLI may use the testkit: {@code keys init} issues a development PKI. */
    private static final Set<String> CLI_TESTKIT_USERS = Set.of("org.fmishare.cli.KeysCommand");

    private static final Pattern FOLDER = Pattern.compile(".*/(?:transport-adapters/)?([a-z-]+)/target/classes/.*");
    private static final Pattern JAR = Pattern.compile(".*/fmi-share-([a-z-]+)-[^/]*\\.jar!/.*");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.fmishare");
    }

    @Test
    void everyModuleIsPresentSoTheRulesBelowCannotPassVacuously() {
        Set<String> seen = new TreeSet<>();
        for (JavaClass c : classes) {
            module(c).ifPresent(seen::add);
        }
        assertThat(seen).containsAll(ALLOWED.keySet());
    }

    @Test
    void productionModulesUseOnlyTheModulesTheLayoutAllows() {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            Optional<String> from = module(origin);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                Optional<String> to = module(d.getTargetClass());
                if (to.isEmpty() || to.get().equals(from.get())) {
                    continue;
                }
                boolean allowed = ALLOWED.getOrDefault(from.get(), Set.of()).contains(to.get());
                if (allowed && from.get().equals("cli") && to.get().equals("testkit")) {
                    allowed = CLI_TESTKIT_USERS.contains(outermost(origin).getName());
                }
                if (!allowed) {
                    violations.add(from.get() + " -> " + to.get() + ": " + d.getDescription());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noModuleUsesAnotherModulesInternalPackages() {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            Optional<String> from = module(origin);
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().contains(".internal")) {
                    continue;
                }
                Optional<String> to = module(target);
                if (to.isPresent() && !to.equals(from)) {
                    violations.add(d.getDescription());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCliStandaloneJarHoldsNoTestServer() throws IOException {
        Path root = Path.of(System.getProperty("fmishare.root", ".."));
        Path jar;
        try (Stream<Path> files = Files.list(root.resolve("cli/target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("fmi-share-cli-.*-standalone\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("the cli module's standalone jar is not built "
                            + "(run the build through the package phase)"));
        }
        List<String> forbidden = new ArrayList<>();
        int classCount = 0;
        try (JarFile j = new JarFile(jar.toFile())) {
            for (var e = j.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class")) {
                    classCount++;
                }
                if (name.startsWith("com/icegreen/") || name.startsWith("org/fmishare/transport/taxii/testserver/")
                        || name.startsWith("org/fmishare/demo/") || name.startsWith("org/junit/")) {
                    forbidden.add(name);
                }
            }
        }
        assertThat(classCount).as("classes in " + jar.getFileName()).isGreaterThan(1_000);
        assertThat(forbidden).isEmpty();
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass cur = c;
        while (cur.getEnclosingClass().isPresent()) {
            cur = cur.getEnclosingClass().get();
        }
        return cur;
    }

    /** The SDK module a class was loaded from, or empty for third-party and JDK classes. */
    static Optional<String> module(JavaClass c) {
        if (!c.getPackageName().startsWith("org.fmishare")) {
            return Optional.empty();
        }
        return c.getSource().map(s -> moduleOf(s.getUri()));
    }

    static String moduleOf(URI uri) {
        String text = uri.toString();
        Matcher jar = JAR.matcher(text);
        if (jar.matches()) {
            return jar.group(1);
        }
        Matcher folder = FOLDER.matcher(text);
        if (folder.matches()) {
            String dir = folder.group(1);
            return text.contains("/transport-adapters/") ? "transport-" + dir : dir;
        }
        throw new AssertionError("cannot tell the module of " + text);
    }
}
