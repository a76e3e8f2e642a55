package io.fdl.runtime.service;

import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.RunHandle;
import io.fdl.runtime.engine.RunRequest;

/** Starts a run of a compiled flow on the engine (bound to the Quarkus scheduler, run contexts and tools). */
public interface RunStarter {
    /**
     * @param onCallerLoop run on the caller's event loop (a sync run whose answer is written there)
     *                     rather than on the next event loop
     * @throws io.fdl.runtime.engine.InvalidInputsException when the inputs or mocks are rejected before any node starts
     */
    RunHandle start(CompiledFlow flow, RunRequest request, boolean onCallerLoop);
}
