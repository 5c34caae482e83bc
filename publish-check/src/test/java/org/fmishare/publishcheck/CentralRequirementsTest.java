package org.fmishare.publishcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every artifact this build publishes meets Maven Central's rules: its POM (with what it inherits from the parents in
 * this checkout) has a name, a description, a project URL, a licence, a developer and SCM coordinates, and every
 * published jar has a sources jar and a javadoc jar next to it. The module list comes from the POMs themselves, so a
 * new module is checked without touching this test; a module opts out of publishing with {@code maven.deploy.skip}.
 *
 * <p>Runs in the verify phase of the last module (see this module's POM), after every other module is packaged.
 */
class CentralRequirementsTest {
    private static Path root;
    /** Every module of the checkout by directory, parent POMs included, in module order. */
    private static final Map<Path, Pom> MODULES = new LinkedHashMap<>();

    @BeforeAll
    static void readModules() throws Exception {
        root = Path.of(System.getProperty("fmishare.root", "..")).toAbsolutePath().normalize();
        collect(root);
    }

    private static void collect(Path dir) throws Exception {
        Pom pom = Pom.read(dir.resolve("pom.xml"));
        MODULES.put(dir, pom);
        for (String module : pom.texts("modules", "module")) {
            collect(dir.resolve(module).normalize());
        }
    }

    private static List<Pom> published() {
        return MODULES.values().stream().filter(Pom::published).toList();
    }

    @Test
    void theCheckSeesEveryPublishedArtifactAndOnlyThose() {
        Set<String> ids = new TreeSet<>();
        published().forEach(p -> ids.add(p.artifactId()));
        assertThat(ids).contains("fmi-share-build-parent", "fmi-share-parent", "fmi-share-bom", "fmi-share-core",
                "fmi-share-transport-adapters", "fmi-share-transport-https", "fmi-share-cli",
                "fmi-share-spring-boot-starter");
        assertThat(ids).doesNotContain("fmi-share-demo", "fmi-share-benchmarks", "fmi-share-publish-check");
    }

    @Test
    void everyPublishedPomHasTheMetadataCentralRequires() {
        List<String> problems = new ArrayList<>();
        for (Pom pom : published()) {
            String id = pom.artifactId();
            // Name and description are the module's own: an inherited description would describe another artifact.
            if (pom.text("name").isEmpty()) {
                problems.add(id + ": no <name>");
            }
            if (pom.text("description").isEmpty()) {
                problems.add(id + ": no <description>");
            }
            if (pom.text("groupId").or(() -> pom.text("parent", "groupId")).isEmpty()) {
                problems.add(id + ": no <groupId>");
            }
            if (inherited(pom, p -> p.text("url").isPresent()).isEmpty()) {
                problems.add(id + ": no <url>");
            }
            if (inherited(pom, p -> p.hasAll("licenses", "license", "name", "url")).isEmpty()) {
                problems.add(id + ": no <licenses><license> with <name> and <url>");
            }
            if (inherited(pom, p -> p.hasAll("developers", "developer", "name")).isEmpty()) {
                problems.add(id + ": no <developers><developer> with a <name>");
            }
            if (inherited(pom, p -> p.text("scm", "url").isPresent() && p.text("scm", "connection").isPresent()
                    && p.text("scm", "developerConnection").isPresent()).isEmpty()) {
                problems.add(id + ": no <scm> with <connection>, <developerConnection> and <url>");
            }
            if (pom.element("parent") != null && pom.parent(MODULES).isEmpty()) {
                problems.add(id + ": its parent is not a POM of this checkout (it would not be published with it)");
            }
        }
        assertThat(problems).as("POMs that Maven Central would reject").isEmpty();
    }

    @Test
    void everyPublishedJarHasSourcesAndJavadocJarsNextToIt() throws IOException {
        List<String> problems = new ArrayList<>();
        int jars = 0;
        for (Pom pom : published()) {
            if (!pom.packaging().equals("jar")) {
                continue;
            }
            jars++;
            String base = pom.artifactId() + "-" + pom.version();
            Path target = pom.dir().resolve("target");
            if (!Files.isRegularFile(target.resolve(base + ".jar"))) {
                problems.add(base + ".jar is missing: run the whole build ('mvn verify'), not this module alone");
                continue;
            }
            problems.addAll(check(target.resolve(base + "-sources.jar"), e -> e.getName().endsWith(".java"),
                    "a .java file"));
            problems.addAll(check(target.resolve(base + "-javadoc.jar"), e -> e.getName().equals("index.html"),
                    "index.html"));
        }
        assertThat(jars).as("published jar modules").isGreaterThanOrEqualTo(10);
        assertThat(problems).as("jars Maven Central would reject").isEmpty();
    }

    @Test
    void theBomListsEveryPublishedJarAndNothingElse() {
        Pom bom = MODULES.values().stream().filter(p -> p.artifactId().equals("fmi-share-bom")).findFirst()
                .orElseThrow();
        Set<String> expected = new TreeSet<>();
        published().stream().filter(p -> p.packaging().equals("jar")).forEach(p -> expected.add(p.artifactId()));
        Set<String> listed = new TreeSet<>();
        List<String> foreign = new ArrayList<>();
        for (Element dependency : bom.elements("dependencyManagement", "dependencies", "dependency")) {
            String groupId = Pom.childText(dependency, "groupId");
            if (!groupId.equals("org.fmishare")) {
                foreign.add(groupId + ":" + Pom.childText(dependency, "artifactId"));
            }
            listed.add(Pom.childText(dependency, "artifactId"));
        }
        assertThat(foreign).as("third-party pins in the BOM").isEmpty();
        assertThat(listed).isEqualTo(expected);
        // An imported BOM brings the dependency management of its parents too: none of them may have any.
        for (Optional<Pom> p = bom.parent(MODULES); p.isPresent(); p = p.get().parent(MODULES)) {
            assertThat(p.get().element("dependencyManagement")).as("dependency management of the BOM's parent "
                    + p.get().artifactId()).isNull();
        }
    }

    private static Optional<Pom> inherited(Pom pom, Predicate<Pom> has) {
        for (Optional<Pom> p = Optional.of(pom); p.isPresent(); p = p.get().parent(MODULES)) {
            if (has.test(p.get())) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static List<String> check(Path jar, Predicate<ZipEntry> wanted, String what) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return List.of(jar.getFileName() + " is missing");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(wanted)) {
                return List.of(jar.getFileName() + " holds no " + what);
            }
        }
        return List.of();
    }

    /** The parts of one POM file this check reads. */
    private record Pom(Path dir, Element project) {
        static Pom read(Path file) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return new Pom(file.getParent(), document.getDocumentElement());
        }

        String artifactId() {
            return text("artifactId").orElseThrow();
        }

        String packaging() {
            return text("packaging").orElse("jar");
        }

        String version() {
            return text("version").or(() -> text("parent", "version")).orElseThrow();
        }

        boolean published() {
            return !text("properties", "maven.deploy.skip").orElse("false").equals("true");
        }

        /** The parent POM when it is a file of this checkout (its relative path), else empty. */
        Optional<Pom> parent(Map<Path, Pom> modules) {
            if (element("parent") == null) {
                return Optional.empty();
            }
            Path path = dir.resolve(text("parent", "relativePath").orElse("../pom.xml")).normalize();
            Path parentDir = path.toString().endsWith(".xml") ? path.getParent() : path;
            Pom parent = modules.get(parentDir);
            if (parent == null || !parent.artifactId().equals(text("parent", "artifactId").orElse(""))) {
                return Optional.empty();
            }
            return Optional.of(parent);
        }

        Element element(String... path) {
            Element current = project;
            for (String name : path) {
                current = child(current, name);
                if (current == null) {
                    return null;
                }
            }
            return current;
        }

        List<Element> elements(String... path) {
            Element container = element(Arrays.copyOf(path, path.length - 1));
            return container == null ? List.of() : children(container, path[path.length - 1]);
        }

        Optional<String> text(String... path) {
            Element e = element(path);
            return e == null ? Optional.empty() : Optional.of(e.getTextContent().strip()).filter(s -> !s.isEmpty());
        }

        List<String> texts(String... path) {
            return elements(path).stream().map(e -> e.getTextContent().strip()).toList();
        }

        /** Some {@code container/item} has a non-blank text for every one of the fields. */
        boolean hasAll(String container, String item, String... fields) {
            return elements(container, item).stream().anyMatch(e -> Arrays.stream(fields)
                    .allMatch(f -> !childText(e, f).isEmpty()));
        }

        static String childText(Element parent, String name) {
            Element e = child(parent, name);
            return e == null ? "" : e.getTextContent().strip();
        }

        private static Element child(Element parent, String name) {
            List<Element> found = children(parent, name);
            return found.isEmpty() ? null : found.get(0);
        }

        private static List<Element> children(Element parent, String name) {
            List<Element> found = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    found.add(e);
                }
            }
            return found;
        }
    }
}
