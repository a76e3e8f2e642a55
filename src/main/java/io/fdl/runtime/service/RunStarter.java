package io.fdl.runtime.service;

import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.RunHandle;
import io.fdl.runtime.engine.RunRequest;

/** Starts a run of a compiled flow on the engine (bound to the Quarkus scheduler, executor and tools). */
public interface RunStarter {
    /**
     * @throws io.fdl.runtime.engine.InvalidInputsException when the inputs or mocks are rejected before any node starts
     */
    RunHandle start(CompiledFlow flow, RunRequest request);
}
