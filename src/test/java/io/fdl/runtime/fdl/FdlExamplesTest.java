package io.fdl.runtime.fdl;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The worked examples of fdl.md and the shared conformance flows parse without errors and round-trip. */
class FdlExamplesTest {

    static List<Path> exampleFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/fdl/examples"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        Path conf = Path.of("/work/shared/conformance/fdl");
        if (Files.isDirectory(conf)) {
            try (Stream<Path> s = Files.list(conf)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> examplesParseWithoutErrors() throws IOException {
        return exampleFiles().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            ParseResult r = FlowDefinitions.parseYaml(Files.readString(p));
            assertEquals(List.of(), r.errors(), () -> p + "\n" + String.join("\n", r.diagnostics().stream().map(Object::toString).toList()));
            assertNotNull(r.flow());
        }));
    }

    @TestFactory
    Stream<DynamicTest> generatedYamlAndEditorJsonRoundTrip() throws IOException {
        return exampleFiles().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Flow flow = FlowDefinitions.parseYaml(Files.readString(p)).flow();
            String yaml = FlowDefinitions.toYaml(flow);
            ParseResult again = FlowDefinitions.parseYaml(yaml);
            assertEquals(List.of(), again.errors(), yaml);
            assertEquals(ModelText.of(flow), ModelText.of(again.flow()), yaml);
            ParseResult fromGraph = FlowDefinitions.fromEditorJson(FlowDefinitions.toEditorJson(flow));
            assertEquals(List.of(), fromGraph.errors(), () -> FlowDefinitions.toEditorJson(flow).toPrettyString());
            assertEquals(ModelText.of(flow), ModelText.of(fromGraph.flow()));
        }));
    }
}
