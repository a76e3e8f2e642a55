package io.fdl.runtime.fdl;

import org.junit.jupiter.api.Test;
import java.nio.file.*;

class ScratchPrintTest {
    @Test
    void print() throws Exception {
        for (String f : System.getProperty("files", "").split(",")) {
            if (f.isBlank()) continue;
            ParseResult r = FlowDefinitions.parseYaml(Files.readString(Path.of(f)));
            System.out.println("== " + f + " ok=" + r.ok());
            r.diagnostics().forEach(d -> System.out.println("   " + d));
        }
    }
}
